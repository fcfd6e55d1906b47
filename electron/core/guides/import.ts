import { AppError } from '#shared/contract';
import type { PackStatus, TrustedKeyInput } from '#shared/guides/schemas';
import type { CoreContext } from '../context';
import { audit } from '../settings/audit';
import { activePack, bundledPack, writePackFolder } from './pack-store';
import { PackRefused, verifyPackFile, type TrustedKey } from './pack-verify';
import { keyIdOf, parsePublicKeyPem } from '../crypto/signing';
import { packInfoOf } from './service';

export async function trustedKeys(ctx: CoreContext): Promise<TrustedKey[]> {
  const rows = await ctx.db.selectFrom('guide_trusted_key').select(['key_id', 'public_key_pem']).execute();
  return rows.flatMap((r) => {
    const publicKey = parsePublicKeyPem(r.public_key_pem);
    return publicKey ? [{ keyId: r.key_id, publicKey }] : [];
  });
}

/**
 * Install a newer signed pack. Every check runs before anything is written; the folder is written
 * and verified before the database switches to it, in this call's transaction. A refusal names
 * its reason (`params.reason`, shown as `guides:refused.<reason>`) and changes nothing.
 */
export async function importPack(ctx: CoreContext, base64: string) {
  const current = await activePack(ctx.db, ctx);
  try {
    const pack = verifyPackFile(Buffer.from(base64, 'base64'), await trustedKeys(ctx), current.version);
    writePackFolder(ctx.dataDir, pack);
    const at = ctx.now().toISOString();
    const row = {
      version: pack.manifest.packVersion,
      issued: pack.manifest.issued,
      issuer: pack.manifest.issuer,
      key_id: pack.signature.keyId,
      file_bytes: [...pack.files.values()].reduce((n, f) => n + f.length, 0),
      guide_count: pack.guides.length,
      installed_at: at,
      installed_by: ctx.caller.memberId,
      active: 1,
    };
    await ctx.db.updateTable('guide_pack').set({ active: 0 }).where('active', '=', 1).execute();
    await ctx.db
      .insertInto('guide_pack')
      .values(row)
      .onConflict((oc) => oc.column('version').doUpdateSet({ ...row }))
      .execute();
    await audit(ctx, 'guides.import', { version: row.version, keyId: row.key_id, previous: current.version });
    ctx.emit('guides.changed', {});
    return { version: row.version, guideCount: row.guide_count };
  } catch (error) {
    if (error instanceof PackRefused) {
      throw new AppError('invalid_file', {
        reason: error.reason,
        detail: error.detail,
        activeVersion: current.version,
      });
    }
    throw error;
  }
}

export async function addTrustedKey(ctx: CoreContext, input: TrustedKeyInput) {
  const publicKey = parsePublicKeyPem(input.publicKeyPem);
  if (!publicKey) throw new AppError('invalid_input', {}, { publicKeyPem: 'guides:problems.badKey' });
  const keyId = keyIdOf(publicKey);
  const exists = await ctx.db
    .selectFrom('guide_trusted_key')
    .select('key_id')
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  if (exists) throw new AppError('conflict', {}, { publicKeyPem: 'guides:problems.keyExists' });
  await ctx.db
    .insertInto('guide_trusted_key')
    .values({
      key_id: keyId,
      label: input.label.trim(),
      public_key_pem: input.publicKeyPem.trim(),
      added_at: ctx.now().toISOString(),
      added_by: ctx.caller.memberId,
    })
    .execute();
  await audit(ctx, 'guides.addKey', { keyId, label: input.label.trim() });
  ctx.emit('guides.changed', {});
  return { keyId };
}

export async function removeTrustedKey(ctx: CoreContext, keyId: string) {
  const result = await ctx.db.deleteFrom('guide_trusted_key').where('key_id', '=', keyId).executeTakeFirst();
  if (!result.numDeletedRows) throw new AppError('not_found');
  await audit(ctx, 'guides.removeKey', { keyId });
  ctx.emit('guides.changed', {});
  return { ok: true as const };
}

export async function packStatus(ctx: CoreContext): Promise<PackStatus> {
  const pack = await activePack(ctx.db, ctx);
  const installed = await ctx.db.selectFrom('guide_pack').selectAll().orderBy('version', 'desc').execute();
  const keys = await ctx.db.selectFrom('guide_trusted_key').selectAll().orderBy('added_at').execute();
  const activeRow = installed.find((r) => r.active === 1 && r.version === pack.version);
  return {
    active: { ...packInfoOf(pack), installedAt: activeRow?.installed_at ?? null, guideCount: pack.guides.length },
    bundledVersion: bundledPack(ctx.guidesDir).version,
    installed: installed.map((r) => ({
      version: r.version,
      issued: r.issued,
      issuer: r.issuer,
      keyId: r.key_id,
      installedAt: r.installed_at,
      active: r.active === 1,
    })),
    keys: keys.map((k) => ({ keyId: k.key_id, label: k.label, addedAt: k.added_at })),
  };
}
