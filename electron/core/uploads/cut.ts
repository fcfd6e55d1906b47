import { AppError } from '#shared/contract';
import { RECORD_ENTITIES, ZERO_HASH, type BatchDay, type RecordEntity } from '#shared/uploads/batch';
import { fingerprint, generateSigningKey } from '../crypto/signing';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { readPointSettings } from '../settings/service';
import { pointKeysOf } from '../security/keys';
import { ensureIdentity, NEXT_SIGNING_KEY } from './identity';
import { packageBatch, type PackageItem } from './package';
import { refOf, serialiserFor } from './records';

/**
 * Records per batch at most (~6 MiB): a first retention purge over years of entries marks tens of
 * thousands erased at once, and they go in several batches rather than one past the size limit.
 */
export const MAX_BATCH_RECORDS = 20_000;

export interface CutResult {
  seq: number;
  fileName: string;
  records: number;
  closesDays: string[];
  /** More changes were waiting than one batch carries: cut another. */
  more?: boolean;
  /** The new key's fingerprint, when this batch announced one. */
  keyFingerprint?: string;
}

async function readyToCut(db: Db, now: Date) {
  const point = await readPointSettings(db);
  const identity = await ensureIdentity(db, now);
  if (!identity.province_encrypt_key) throw new AppError('province_key_missing');
  return {
    point,
    identity,
    categoriesKey: identity.province_encrypt_key,
    personalKey: identity.province_seal_key ?? identity.province_encrypt_key,
  };
}

/**
 * Days closed in the book (by an official, or by the point the next working morning) whose
 * closing batch is not packed yet: the point was not ready (no province key).
 * A batch is never cut for a day before its book is closed.
 */
export async function packDueDays(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('logbook_day_close')
    .select('day')
    .where('day', 'not in', db.selectFrom('upload_closed_day').select('day'))
    .orderBy('day')
    .execute();
  return rows.map((r) => r.day);
}

/**
 * How a day came to be closed, as the batch tells the province: by the official (the day book's
 * close, with its time) or by the app for lack of one. The day book is the logbook's; this only
 * reads it.
 */
async function closeOf(db: Db, day: string, now: Date): Promise<NonNullable<BatchDay['closed']>> {
  const close = await db
    .selectFrom('logbook_day_close')
    .select(['closed_at', 'automatic'])
    .where('day', '=', day)
    .executeTakeFirst();
  if (!close) return { at: now.toISOString(), by: 'automatic' };
  return { at: close.closed_at, by: close.automatic === 1 ? 'automatic' : 'official' };
}

/** The ledger's totals for a day: records sent and not deleted, by kind (every kind named, zeros too). */
async function totalsOf(db: Db, day: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('upload_sent')
    .select(['entity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('day', '=', day)
    .where('state', '!=', 'deleted')
    .groupBy('entity')
    .execute();
  const totals: Record<string, number> = Object.fromEntries(RECORD_ENTITIES.map((e) => [e, 0]));
  for (const r of rows) totals[r.entity] = Number(r.n);
  return totals;
}

/**
 * Cut one batch. It carries every change waiting (so what the province holds after it is what
 * the point holds now) and, for a closing batch, closes `closeDay`. With `rotateKey` it also
 * announces a new signing key, which signs every batch after it. Runs inside the caller's
 * transaction: the batch, its number, the ledger and the outbox rows it takes commit together.
 */
export async function cutBatch(
  db: Db,
  now: Date,
  closeDay: string | null,
  options: { rotateKey?: boolean } = {},
): Promise<CutResult | null> {
  const { point, identity, categoriesKey, personalKey } = await readyToCut(db, now);
  const waiting = await db.selectFrom('outbox').selectAll().where('batch_seq', 'is', null).orderBy('id').execute();
  if (!closeDay && waiting.length === 0 && !options.rotateKey) return null;

  const previous = await db
    .selectFrom('upload_batch')
    .select(['seq', 'manifest_hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (previous?.seq ?? 0) + 1;
  const closed = new Set((await db.selectFrom('upload_closed_day').select('day').execute()).map((r) => r.day));

  // One record per thing: as it is now, naming the newest version the province already has.
  const newest = new Map<string, (typeof waiting)[number]>();
  const taken: number[] = [];
  for (const row of waiting) {
    const ref = refOf(row.entity, row.entity_id);
    const seen = newest.get(ref);
    if (!seen && newest.size >= MAX_BATCH_RECORDS) continue;
    if (!seen || row.version >= seen.version) newest.set(ref, row);
    taken.push(row.id!);
  }
  const more = taken.length < waiting.length;
  const items: PackageItem[] = [];
  // What the province will hold of each record once this batch is in: its ledger row.
  const ledger: { entity: RecordEntity; id: number; item: PackageItem }[] = [];
  for (const [ref, row] of newest) {
    const serialiser = serialiserFor(row.entity);
    const sent = await db
      .selectFrom('upload_sent')
      .select(['version', 'day'])
      .where('entity', '=', row.entity)
      .where('entity_id', '=', row.entity_id)
      .executeTakeFirst();
    const record = await serialiser.read(db, row.entity_id, row.version);
    // Gone before the province ever heard of it (a weekend of a published roster): nothing to say.
    if (!record && !sent) continue;
    // A thing that no longer exists is sent as deleted on the day the province knows it by.
    const day = record?.day ?? sent?.day ?? row.day;
    const item: PackageItem = {
      entity: row.entity,
      ref,
      version: row.version,
      supersedes: sent && sent.version < row.version ? sent.version : null,
      day,
      late: closed.has(day),
      state: record ? record.state : 'deleted',
      clear: record?.clear ?? {},
      personal: record?.personal ?? null,
      categories: record?.categories ?? null,
    };
    items.push(item);
    ledger.push({ entity: row.entity, id: row.entity_id, item });
  }
  for (const { entity, id, item } of ledger) {
    await db
      .insertInto('upload_sent')
      .values({ entity, entity_id: id, version: item.version, day: item.day, state: item.state, batch_seq: seq })
      .onConflict((oc) =>
        oc
          .columns(['entity', 'entity_id'])
          .doUpdateSet({ version: item.version, day: item.day, state: item.state, batch_seq: seq }),
      )
      .execute();
  }
  const dayList = [...new Set([...items.map((i) => i.day), ...(closeDay ? [closeDay] : [])])].sort();
  const days: BatchDay[] = [];
  for (const day of dayList)
    days.push({ day, closed: day === closeDay ? await closeOf(db, day, now) : null, totals: await totalsOf(db, day) });

  const next = options.rotateKey ? generateSigningKey() : null;
  const { text, hash, fileName, batch } = packageBatch({
    point: {
      id: identity.point_id,
      communeName: point.communeName,
      communeCode: point.communeCode || null,
      signPublic: identity.sign_public,
      signPrivatePem: identity.sign_private_pem,
    },
    recipients: { categoriesKey, personalKey },
    seq,
    prev: previous?.manifest_hash ?? ZERO_HASH,
    createdAt: now.toISOString(),
    kind: closeDay ? 'closing' : 'on_demand',
    days,
    items,
    keyChange: next?.publicRaw ?? null,
  });
  await db
    .insertInto('upload_batch')
    .values({
      seq,
      batch_id: batch.batchId,
      kind: batch.kind,
      created_at: batch.createdAt,
      period_from: dayList[0] ?? null,
      period_to: dayList.at(-1) ?? null,
      closes_days: JSON.stringify(closeDay ? [closeDay] : []),
      record_count: items.length,
      manifest_hash: hash,
      prev_hash: batch.prev,
      file_name: fileName,
      content: text,
      saved_at: null,
      sent_at: null,
      acknowledged_at: null,
      receipt: null,
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
      last_error_at: null,
    })
    .execute();
  // The same rows as read above (same transaction); when all are taken, without a list of ids
  // that could exceed SQLite's limits.
  const lastId = waiting.at(-1)?.id;
  if (!more && lastId !== undefined)
    await db
      .updateTable('outbox')
      .set({ batch_seq: seq })
      .where('batch_seq', 'is', null)
      .where('id', '<=', lastId)
      .execute();
  for (let i = 0; more && i < taken.length; i += 500)
    await db
      .updateTable('outbox')
      .set({ batch_seq: seq })
      .where('id', 'in', taken.slice(i, i + 500))
      .execute();
  if (closeDay) {
    const close = days.find((d) => d.day === closeDay)!.closed!;
    await db
      .insertInto('upload_closed_day')
      .values({ day: closeDay, batch_seq: seq, closed_at: close.at, closed_by: close.by })
      .execute();
  }
  if (next) {
    // The new key waits in the keys folder under its own name; once this commits, the database
    // names it and the identity takes it as the key (a rollback leaves the old key in use).
    (await pointKeysOf(db)).write(NEXT_SIGNING_KEY, Buffer.from(next.privatePem));
    await db
      .updateTable('upload_identity')
      .set({ sign_public: next.publicRaw, fingerprint: fingerprint(next.publicRaw) })
      .where('id', '=', 1)
      .execute();
  }
  return {
    seq,
    fileName,
    records: items.length,
    closesDays: closeDay ? [closeDay] : [],
    more,
    ...(next ? { keyFingerprint: fingerprint(next.publicRaw) } : {}),
  };
}

/** Cut on-demand batches while a batch came out full. */
async function drain(db: Db, now: Date, results: CutResult[]): Promise<CutResult[]> {
  while (results.at(-1)?.more) {
    const extra = await cutBatch(db, now, null);
    if (!extra) break;
    results.push(extra);
  }
  return results;
}

const NOT_READY = ['province_key_missing', 'not_configured'];

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
  await drain(ctx.db, ctx.now(), results);
  if (results.length) ctx.emit('uploads.changed', {});
  return results;
}

/** "Pack now": the closed days first, then everything still waiting into more batches. */
export async function cutOnDemand(ctx: CoreContext): Promise<CutResult[]> {
  const results = await packClosedDays(ctx);
  const extra = await cutBatch(ctx.db, ctx.now(), null);
  if (extra) ctx.emit('uploads.changed', {});
  return drain(ctx.db, ctx.now(), extra ? [...results, extra] : results);
}
