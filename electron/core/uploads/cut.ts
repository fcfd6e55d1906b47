import { AppError } from '../../../shared/contract';
import { dailyFigures } from '../../../shared/uploads/aggregates';
import { ZERO_HASH, type BatchRecord } from '../../../shared/uploads/batch';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { readPointSettings } from '../settings/service';
import { ensureIdentity } from './identity';
import { packageBatch, type PackageInput } from './package';
import { pointFacts, refOf, serialiserFor } from './records';

export interface CutResult {
  seq: number;
  fileName: string;
  records: number;
  closesDays: string[];
}

async function readyToCut(db: Db, now: Date) {
  const point = await readPointSettings(db);
  if (!point.communeCode) throw new AppError('commune_code_missing');
  const identity = await ensureIdentity(db, now);
  if (!identity.province_encrypt_key) throw new AppError('province_key_missing');
  return { point, identity, provinceKey: identity.province_encrypt_key };
}

/**
 * Days closed in the book (by an official, or by the point the next working morning) whose
 * closing batch is not packed yet: the point was not ready (no commune code or province key).
 * A batch is never cut for a day before its book is closed.
 */
export async function packDueDays(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('logbook_day_close').select('day')
    .where('day', 'not in', db.selectFrom('upload_closed_day').select('day')).orderBy('day').execute();
  return rows.map((r) => r.day);
}

/**
 * Cut one batch from what is waiting. A closing batch for `closeDay` takes the waiting changes
 * of that day and earlier and closes the day; an on-demand one takes everything waiting and
 * closes nothing. Runs inside the caller's transaction: the batch, its sequence number and the
 * outbox rows it takes commit together.
 */
export async function cutBatch(db: Db, now: Date, closeDay: string | null): Promise<CutResult | null> {
  const { point, identity, provinceKey } = await readyToCut(db, now);
  let waitingQuery = db.selectFrom('outbox').selectAll().where('batch_seq', 'is', null);
  if (closeDay) waitingQuery = waitingQuery.where('day', '<=', closeDay);
  const waiting = await waitingQuery.orderBy('id').execute();
  if (!closeDay && waiting.length === 0) return null;

  const previous = await db.selectFrom('upload_batch').select(['seq', 'manifest_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = (previous?.seq ?? 0) + 1;
  const closed = new Set((await db.selectFrom('upload_closed_day').select('day').execute()).map((r) => r.day));

  // One record per thing: its newest waiting version, naming the newest version already sent.
  const newest = new Map<string, (typeof waiting)[number]>();
  for (const row of waiting) {
    const k = refOf(row.entity, row.entity_id);
    const seen = newest.get(k);
    if (!seen || row.version >= seen.version) newest.set(k, row);
  }
  const items: PackageInput['items'] = [];
  for (const [ref, row] of newest) {
    const sent = await db.selectFrom('outbox').select((eb) => eb.fn.max('version').as('v'))
      .where('entity', '=', row.entity).where('entity_id', '=', row.entity_id).where('batch_seq', 'is not', null).executeTakeFirst();
    const serialiser = serialiserFor(row.entity);
    const record = serialiser ? await serialiser.read(db, row.entity_id, row.version) : null;
    const day = record?.day ?? row.day;
    items.push({
      entity: row.entity as BatchRecord['entity'], ref, version: row.version,
      supersedes: sent?.v && sent.v < row.version ? sent.v : null,
      day, late: closed.has(day), erased: serialiser !== undefined && record === null,
      clear: record?.clear ?? {},
      secret: record ? { personal: record.personal, categories: record.categories } : null,
    });
  }
  const closesDays = closeDay ? [closeDay] : [];
  const dayFacts = closeDay ? await pointFacts(db, closeDay, closeDay) : [];
  const lastId = waiting.at(-1)?.id ?? null;
  const { file, manifestHash, fileName, content } = packageBatch({
    point: {
      communeCode: point.communeCode, communeName: point.communeName, pointId: identity.point_id, signPublic: identity.sign_public,
      fingerprint: identity.fingerprint, signPrivatePem: identity.sign_private_pem,
    },
    recipient: { encryptKey: provinceKey, fingerprint: identity.province_fingerprint ?? '' },
    seq, prevHash: previous?.manifest_hash ?? ZERO_HASH, createdAt: now.toISOString(), kind: closeDay ? 'closing' : 'on_demand',
    closesDays, outbox: lastId === null ? null : { from: waiting[0]!.id!, to: lastId }, items,
    aggregates: closesDays.flatMap((d) => dailyFigures(dayFacts, d)),
  });
  const { manifest } = file;
  await db.insertInto('upload_batch').values({
    seq, batch_id: manifest.batchId, kind: manifest.kind, created_at: manifest.createdAt, period_from: manifest.period?.from ?? null,
    period_to: manifest.period?.to ?? null, closes_days: JSON.stringify(closesDays), record_count: items.length,
    manifest_hash: manifestHash, prev_hash: manifest.prevHash, file_name: fileName, content,
    saved_at: null, sent_at: null, acknowledged_at: null, receipt: null,
    attempts: 0, next_attempt_at: null, last_error: null, last_error_at: null,
  }).execute();
  // The same rows as read above (same transaction), without a list of ids that could exceed SQLite's limits.
  if (lastId !== null) {
    let take = db.updateTable('outbox').set({ batch_seq: seq }).where('batch_seq', 'is', null).where('id', '<=', lastId);
    if (closeDay) take = take.where('day', '<=', closeDay);
    await take.execute();
  }
  if (closeDay) await db.insertInto('upload_closed_day').values({ day: closeDay, batch_seq: seq }).execute();
  return { seq, fileName, records: items.length, closesDays };
}

const NOT_READY = ['commune_code_missing', 'province_key_missing', 'not_configured'];

/**
 * Pack the closing batch of every closed day not packed yet, oldest first, in the caller's
 * transaction: right after the official's close, and by the point's job (catching up days closed
 * while it could not pack). A point not yet ready is skipped quietly; the status screen says why.
 */
export async function packClosedDays(ctx: CoreContext): Promise<CutResult[]> {
  const results: CutResult[] = [];
  try {
    for (const day of await packDueDays(ctx.db)) {
      const cut = await cutBatch(ctx.db, ctx.now(), day);
      if (cut) results.push(cut);
    }
  } catch (error) {
    if (error instanceof AppError && NOT_READY.includes(error.code) && results.length === 0) return [];
    throw error;
  }
  if (results.length) ctx.emit('uploads.changed', {});
  return results;
}

/** "Pack now": the closed days first, then everything still waiting into one more batch. */
export async function cutOnDemand(ctx: CoreContext): Promise<CutResult[]> {
  const results = await packClosedDays(ctx);
  const extra = await cutBatch(ctx.db, ctx.now(), null);
  if (extra) ctx.emit('uploads.changed', {});
  return extra ? [...results, extra] : results;
}
