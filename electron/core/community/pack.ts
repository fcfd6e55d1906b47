import { AppError } from '#shared/contract';
import {
  audioPath,
  COMMUNITY_PACK_FORMAT,
  COMMUNITY_PACK_LIMITS,
  communityArchive,
  communityManifest,
  SUBMISSION_FORMAT,
  type CommunityManifest,
  type SubmissionFile,
} from '#shared/community/pack-format';
import type { CoreContext } from '../context';
import { trustedKeys } from '../guides/import';
import { buildSignedArchive } from '../guides/pack-file';
import { openSignedArchive, PackRefused, parseSignedManifest } from '../guides/pack-verify';
import { sha256Hex } from '../crypto/signing';
import { audit } from '../settings/audit';
import { readPointSettings } from '../settings/service';
import { audioProblem, readAudio, sniffAudio, storeAudio } from './audio-store';

/** This point's own translations and recordings, for the province to listen to and sign. */
export async function exportSubmission(ctx: CoreContext) {
  const point = await readPointSettings(ctx.db);
  const rows = await ctx.db
    .selectFrom('community_text')
    .selectAll()
    .where('origin', '=', 'local')
    .orderBy('language')
    .orderBy('key')
    .execute();
  const items: SubmissionFile['items'] = [];
  for (const r of rows) {
    const audio = r.audio_sha256 ? await readAudio(ctx.db, r.audio_sha256) : null;
    items.push({
      language: r.language,
      key: r.key,
      text: r.text,
      translatorName: r.translator_name,
      reviewerName: r.reviewer_name,
      audio: audio ? { mime: audio.mime, base64: audio.data.toString('base64') } : null,
    });
  }
  const at = ctx.now();
  const file: SubmissionFile = {
    format: SUBMISSION_FORMAT,
    version: 1,
    commune: point.communeName,
    point: point.pointName,
    exportedAt: at.toISOString(),
    items,
  };
  return {
    fileName: `ban-dich-cong-dong-${at.toISOString().slice(0, 10)}.json`,
    mime: 'application/json',
    base64: Buffer.from(JSON.stringify(file, null, 1)).toString('base64'),
  };
}

/**
 * The province's side: one signed pack from the submissions it accepted (a later submission wins
 * for the same language and key). The key is the content team's Ed25519 key, the same as for guide packs.
 */
export function buildCommunityPack(
  submissions: readonly SubmissionFile[],
  options: { version: number; issuer: string; issued: string; privatePem: string },
): Buffer {
  const byKey = new Map<string, CommunityManifest['items'][number]>();
  const files = new Map<string, Buffer>();
  for (const s of submissions) {
    for (const item of s.items) {
      let path: string | null = null;
      if (item.audio) {
        const bytes = Buffer.from(item.audio.base64, 'base64');
        const problem = audioProblem(bytes, item.audio.mime);
        if (problem) throw new Error(`${s.commune} ${item.language} ${item.key}: ${problem}`);
        path = audioPath(sha256Hex(bytes), item.audio.mime);
        files.set(path, bytes);
      }
      const { audio: _audio, ...text } = item;
      byKey.set(`${item.language} ${item.key}`, { ...text, sourceCommune: s.commune, audio: path });
    }
  }
  const items = [...byKey.values()];
  const used = new Set(items.map((i) => i.audio).filter(Boolean));
  for (const path of files.keys()) if (!used.has(path)) files.delete(path);
  const manifest: CommunityManifest = {
    packVersion: options.version,
    issued: options.issued,
    issuer: options.issuer,
    items,
    files: [...files].map(([path, data]) => ({ path, bytes: data.length, sha256: sha256Hex(data) })),
  };
  return buildSignedArchive(COMMUNITY_PACK_FORMAT, Buffer.from(JSON.stringify(manifest)), files, options.privatePem);
}

/** Signature (a key trusted for guide packs), version, every file's size, hash and real type; then the manifest's items. */
function verifyCommunityPack(bytes: Buffer, trusted: Awaited<ReturnType<typeof trustedKeys>>, currentVersion: number) {
  const { manifestBytes, signature, files } = openSignedArchive(
    bytes,
    communityArchive,
    trusted,
    COMMUNITY_PACK_LIMITS,
  );
  const manifest = parseSignedManifest(manifestBytes, communityManifest);
  if (manifest.packVersion <= currentVersion)
    throw new PackRefused('not_newer', `${manifest.packVersion} ≤ ${currentVersion}`);
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== files.size || [...files.keys()].some((p) => !listed.has(p)))
    throw new PackRefused('files_mismatch');
  for (const [path, data] of files) {
    const entry = listed.get(path)!;
    if (data.length !== entry.bytes || sha256Hex(data) !== entry.sha256) throw new PackRefused('hash_mismatch', path);
    const type = sniffAudio(data);
    if (!type || audioProblem(data, type)) throw new PackRefused('file_type', path);
  }
  for (const item of manifest.items)
    if (item.audio && !files.has(item.audio)) throw new PackRefused('files_mismatch', item.audio);
  return { manifest, keyId: signature.keyId, files };
}

/**
 * Install a signed pack: every check first, then its texts and recordings in this call's
 * transaction. What the point's own members wrote is never overwritten (`kept`); texts from an
 * earlier pack are replaced by the newer one.
 */
export async function importCommunityPack(ctx: CoreContext, base64: string) {
  const last = await ctx.db
    .selectFrom('community_pack')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  const current = Number(last?.v ?? 0);
  try {
    const { manifest, keyId, files } = verifyCommunityPack(
      Buffer.from(base64, 'base64'),
      await trustedKeys(ctx),
      current,
    );
    const at = ctx.now().toISOString();
    let added = 0;
    let kept = 0;
    for (const item of manifest.items) {
      const existing = await ctx.db
        .selectFrom('community_text')
        .select('origin')
        .where('language', '=', item.language)
        .where('key', '=', item.key)
        .executeTakeFirst();
      if (existing?.origin === 'local') {
        kept++;
        continue;
      }
      const audio = item.audio
        ? await storeAudio(ctx.db, files.get(item.audio)!, sniffAudio(files.get(item.audio)!)!)
        : null;
      const values = {
        text: item.text,
        translator_id: null,
        translator_name: item.translatorName,
        reviewer_id: null,
        reviewer_name: item.reviewerName,
        reviewed_at: item.reviewerName ? manifest.issued : null,
        audio_sha256: audio,
        origin: 'pack' as const,
        source_commune: item.sourceCommune,
        pack_version: manifest.packVersion,
        updated_at: at,
        updated_by: ctx.caller.memberId,
      };
      await ctx.db
        .insertInto('community_text')
        .values({ language: item.language, key: item.key, ...values })
        .onConflict((oc) => oc.columns(['language', 'key']).doUpdateSet(values))
        .execute();
      added++;
    }
    await ctx.db
      .insertInto('community_pack')
      .values({
        version: manifest.packVersion,
        issued: manifest.issued,
        issuer: manifest.issuer,
        key_id: keyId,
        item_count: manifest.items.length,
        installed_at: at,
        installed_by: ctx.caller.memberId,
      })
      .execute();
    await audit(ctx, 'community.importPack', { version: manifest.packVersion, keyId, added, kept });
    ctx.emit('community.changed', {});
    return { version: manifest.packVersion, added, kept };
  } catch (error) {
    if (error instanceof PackRefused)
      throw new AppError('invalid_file', { reason: error.reason, detail: error.detail, activeVersion: current });
    throw error;
  }
}

export async function installedPacks(ctx: CoreContext) {
  const rows = await ctx.db.selectFrom('community_pack').selectAll().orderBy('version', 'desc').execute();
  return {
    packs: rows.map((r) => ({
      version: r.version,
      issued: r.issued,
      issuer: r.issuer,
      keyId: r.key_id,
      items: r.item_count,
      installedAt: r.installed_at,
    })),
  };
}
