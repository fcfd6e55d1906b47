import type { uploadsMethods } from '#shared/uploads/contract';
import { audit } from '../settings/audit';
import { ownScreenOnly } from '../security/devices';
import { readPointSettings } from '../settings/service';
import type { Handlers } from '../context';
import { cutBatch, cutOnDemand, packClosedDays } from './cut';
import { downloadBatches, importReceipts, saveToFolder } from './deliver';
import { ensureIdentity, setProvinceKey, setProvinceUrl } from './identity';
import { dueForDelivery, recordAttempt, sendDue } from './send';
import { uploadsStatus } from './status';

export const uploadsHandlers: Handlers<typeof uploadsMethods> = {
  'uploads.readiness': async (ctx) => {
    const identity = await ensureIdentity(ctx.db, ctx.now());
    const point = await readPointSettings(ctx.db);
    const failed = await ctx.db
      .selectFrom('upload_batch')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('acknowledged_at', 'is', null)
      .where('last_error', 'is not', null)
      .executeTakeFirst();
    return {
      communeCode: point.communeCode !== '',
      provinceKey: identity.province_encrypt_key !== null,
      failed: Number(failed?.n ?? 0),
    };
  },
  'uploads.status': (ctx, input) => uploadsStatus(ctx.db, ctx.now(), input.limit),
  'uploads.cutNow': async (ctx) => {
    const batches = await cutOnDemand(ctx);
    await audit(ctx, 'uploads.cut', { seqs: batches.map((b) => b.seq) });
    ctx.emit('uploads.changed', {});
    return { batches };
  },
  'uploads.packClosedDays': async (ctx) => ({ batches: await packClosedDays(ctx) }),
  'uploads.deliveryDue': (ctx) => dueForDelivery(ctx.db, ctx.now()),
  'uploads.recordDelivery': async (ctx, input) => {
    const error = await recordAttempt(ctx.db, ctx.now(), input.seq, input.attempt);
    ctx.emit('uploads.changed', {});
    return { error };
  },
  'uploads.download': async (ctx, input) => {
    const file = await downloadBatches(ctx.db, ctx.now(), input.seq);
    await audit(ctx, 'uploads.download', { seq: input.seq, file: file.fileName });
    ctx.emit('uploads.changed', {});
    return file;
  },
  'uploads.saveToFolder': async (ctx, input) => {
    ownScreenOnly(ctx, 'directory', 'uploads.saveToFolder');
    const files = await saveToFolder(ctx.db, ctx.now(), input.directory);
    await audit(ctx, 'uploads.saveToFolder', { count: files.length });
    ctx.emit('uploads.changed', {});
    return { files };
  },
  'uploads.send': async (ctx) => {
    const result = await sendDue(ctx, { force: true });
    await ctx.step((db) =>
      audit({ ...ctx, db }, 'uploads.send', { acknowledged: result.acknowledged, failed: result.failed?.seq ?? null }),
    );
    return result;
  },
  'uploads.importReceipts': async (ctx, input) => {
    const result = await importReceipts(ctx.db, ctx.now(), input.files);
    await audit(ctx, 'uploads.importReceipts', { acknowledged: result.acknowledged, rejected: result.rejected.length });
    ctx.emit('uploads.changed', {});
    return result;
  },
  'uploads.rotateKey': async (ctx) => {
    const before = await ensureIdentity(ctx.db, ctx.now());
    // Nothing reads the identity again in this transaction: the new key is taken only once it commits.
    const cut = (await cutBatch(ctx.db, ctx.now(), null, { rotateKey: true }))!;
    await audit(ctx, 'uploads.rotateKey', { seq: cut.seq, from: before.fingerprint, to: cut.keyFingerprint });
    // Once committed, the new key takes the key file's place at once (the next backup carries it).
    ctx.afterCommit((db) => ensureIdentity(db, new Date()));
    ctx.emit('uploads.changed', {});
    return { seq: cut.seq, fingerprint: cut.keyFingerprint! };
  },
  'uploads.setProvince': async (ctx, input) => {
    let provinceFingerprint: string | null = null;
    if (input.keyText !== undefined) provinceFingerprint = await setProvinceKey(ctx.db, input.keyText, ctx.now());
    if (input.url !== undefined) await setProvinceUrl(ctx.db, input.url, ctx.now());
    const identity = await ensureIdentity(ctx.db, ctx.now());
    await audit(ctx, 'uploads.setProvince', { key: identity.province_fingerprint, url: identity.province_url });
    ctx.emit('uploads.changed', {});
    return { provinceFingerprint: provinceFingerprint ?? identity.province_fingerprint };
  },
};
