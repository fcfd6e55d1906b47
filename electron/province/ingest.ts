import { sql, type Transaction } from 'kysely';
import { RECORD_ENTITIES } from '#shared/uploads/batch';
import { bulkInsert, isPostgres } from './dialect';
import type { Incoming } from './incoming';
import { receivingKeys, type ProvinceSecret, type ReceivingKeys } from './keys';
import { receiptFor } from './read';
import { readAhead, readerFor, type ReadAhead, type Reader } from './read-pool';
import { STRANGER_EVIDENCE_PER_HOUR, tallyRefusal } from './tally';
import { flushErased, type ProvinceDatabase, type ProvinceDb } from './store';

type Receipt = ReturnType<typeof receiptFor>;
type Trx = Transaction<ProvinceDatabase>;

interface Named {
  label: string;
  pointId: string | null;
  seq: number | null;
}
export interface Stored extends Named {
  status: 'accepted' | 'duplicate';
  receipt: Receipt;
}
/** Kept in quarantine: `held` waits for a missing earlier batch, `quarantined` for the key's enrolment. */
export interface NotStored extends Named {
  status: 'held' | 'quarantined' | 'refused';
  reason: string;
}
export type IngestOutcome = Stored | NotStored;
export const isStored = (o: IngestOutcome): o is Stored => o.status === 'accepted' || o.status === 'duplicate';

interface Context {
  trx: Trx;
  keys: ReceivingKeys;
  v1Key: { encryptPublic: string; signPublic: string };
  at: Date;
  /** Points with batches held behind a gap (read once per run): only they are looked at after an accept. */
  held: Set<string>;
  /** Days already closed, by point, read once per point per run and kept up to date: the `late` check. */
  closed: Map<number, Set<string>>;
  /**
   * Points read during the run and kept up to date in memory (their chain head, first day, key):
   * one lookup per point, not per file; the rows changed are written once, before the commit.
   */
  points: Map<string, PointRow>;
  changed: Set<string>;
  /** Writes of plain batches, held back and sent as a few many-row statements (see `Pending`). */
  pending: Pending;
  /** Days that hold records, by point (read once per point per run, kept up to date). */
  recordDays: Map<number, Set<string>>;
  /** The HTTP peer a file came from; null for files an admin brought (never limited). */
  source: string | null;
}

/**
 * An ordinary closing batch (new records, version 1, nothing erased) is written later, with the
 * others of the run, in many-row inserts: one statement per few hundred files instead of four
 * per file. Anything that reads what they wrote (a duplicate, a day's totals, a large batch, an
 * erasure, a new version) flushes them first, so every check sees what came before it. Full
 * statements are handed to the store as soon as they fill and written behind, one after the
 * other, while the main thread goes on checking the next files and the reader threads reading:
 * nothing else touches the store until `settle` (see `needsStore`).
 */
class Pending {
  batch: ProvinceDatabase['batch'][] = [];
  record: ProvinceDatabase['record'][] = [];
  closedDay: ProvinceDatabase['closed_day'][] = [];
  /** Arrivals to log (never read during the run). */
  intake: Omit<ProvinceDatabase['intake'], 'id'>[] = [];
  /**
   * point|seq → hash, and point|ref|version, of what was deferred since the last flush (waiting
   * or already written): for the duplicate check and to keep a statement free of repeats.
   */
  readonly hashes = new Map<string, string>();
  readonly refs = new Set<string>();

  /** The writes handed over so far, in order; rejected once one fails (and the run with it). */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly trx: Trx) {}

  /** Whether a statement's worth of rows is waiting. */
  get full(): boolean {
    return this.record.length >= RECORD_ROWS || this.batch.length >= BATCH_ROWS || this.intake.length >= BATCH_ROWS;
  }

  /** Everything waiting written: what is read next sees it. */
  async flush(): Promise<void> {
    this.write(false);
    await this.settle();
    this.hashes.clear();
    this.refs.clear();
  }

  /** The writes handed over are done (or the first that failed is thrown): the store may be read. */
  settle(): Promise<void> {
    return this.writing;
  }

  /**
   * Rows handed to the store in statements of a few sizes (full ones, and with `fullOnly` false
   * the rest): a statement's SQL depends on its number of rows, and each new one is compiled and
   * prepared. Written behind: `settle` waits for them.
   */
  write(fullOnly = true): void {
    const take = <R>(rows: R[], size: number) =>
      rows.splice(0, fullOnly ? rows.length - (rows.length % size) : rows.length);
    const rows = {
      batch: take(this.batch, BATCH_ROWS),
      record: take(this.record, RECORD_ROWS),
      closedDay: take(this.closedDay, BATCH_ROWS),
      intake: take(this.intake, BATCH_ROWS),
    };
    this.writing = this.writing.then(() => this.writeRows(rows));
    // Seen by `settle`, which every run reaches before it ends.
    this.writing.catch(() => {});
  }

  private async writeRows({
    batch,
    record,
    closedDay,
    intake,
  }: Pick<Pending, 'batch' | 'record' | 'closedDay' | 'intake'>) {
    const { trx } = this;
    for (let i = 0; i < batch.length; i += BATCH_ROWS) await insertBatches(trx, batch.slice(i, i + BATCH_ROWS));
    for (let i = 0; i < record.length; i += RECORD_ROWS) await upsertRecords(trx, record.slice(i, i + RECORD_ROWS));
    for (let i = 0; i < closedDay.length; i += BATCH_ROWS)
      await insertClosedDays(trx, closedDay.slice(i, i + BATCH_ROWS));
    for (let i = 0; i < intake.length; i += BATCH_ROWS)
      await trx.executeQuery(bulkInsert(trx, 'intake', INTAKE_COLUMNS, intake.slice(i, i + BATCH_ROWS)));
  }
}

/** Rows per many-row statement: records (13 values each), batches and closed days (fewer, smaller). */
const RECORD_ROWS = 400;
const BATCH_ROWS = 100;

/** The columns each many-row insert writes (`bulkInsert`), as the tables of migration 0002 have them. */
const BATCH_COLUMNS: readonly (keyof ProvinceDatabase['batch'])[] = [
  'point_id',
  'seq',
  'batch_id',
  'hash',
  'format',
  'kind',
  'created_at',
  'received_at',
  'record_count',
  'head',
];
const RECORD_COLUMNS: readonly (keyof ProvinceDatabase['record'])[] = [
  'point_id',
  'ref',
  'version',
  'entity',
  'day',
  'supersedes',
  'late',
  'state',
  'current',
  'clear',
  'categories',
  'personal',
  'batch_seq',
];
const CLOSED_DAY_COLUMNS: readonly (keyof ProvinceDatabase['closed_day'])[] = [
  'point_id',
  'day',
  'batch_seq',
  'received_at',
  'closed_at',
  'closed_by',
];
const INTAKE_COLUMNS: readonly (keyof Pending['intake'][number])[] = [
  'at',
  'label',
  'sha256',
  'bytes',
  'point_id',
  'point_uuid',
  'seq',
  'fingerprint',
  'commune_name',
  'outcome',
  'reason',
];

/** A version seen before is replaced by what the point says of it now (an erasure keeps the version). */
const RECORD_UPSERT = `on conflict (point_id, ref, version) do update set ${[
  'entity',
  'day',
  'supersedes',
  'late',
  'state',
  'clear',
  'categories',
  'personal',
  'batch_seq',
]
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}, current = 1`;

const insertBatches = (trx: Trx, rows: ProvinceDatabase['batch'][]) =>
  trx.executeQuery(bulkInsert(trx, 'batch', BATCH_COLUMNS, rows));
const upsertRecords = (trx: Trx, rows: ProvinceDatabase['record'][]) =>
  trx.executeQuery(bulkInsert(trx, 'record', RECORD_COLUMNS, rows, RECORD_UPSERT));
const insertClosedDays = (trx: Trx, rows: ProvinceDatabase['closed_day'][]) =>
  trx.executeQuery(bulkInsert(trx, 'closed_day', CLOSED_DAY_COLUMNS, rows, 'on conflict (point_id, day) do nothing'));

/** The advisory lock ingest runs hold on PostgreSQL (any number the hub uses for nothing else). */
const INGEST_LOCK = 4_717_001;

type PointRow = ProvinceDatabase['point'] & { unit_name: string | null; unit_code: string | null };

/** Up to this many records the totals are checked before writing; past it, after, inside a savepoint. */
const PRECHECK_REFS = 400;

/**
 * Many files in one transaction (a USB stick's worth, a CLI run, the bench): each is checked
 * and stored in turn inside a savepoint of its own, seeing the ones before it; a refused file
 * leaves only its line in `intake`. One commit for many files is what keeps a year of 135 points
 * quick; the signature of every file is still checked. A file that fills a gap brings in the
 * files held behind it, whose outcomes follow its own.
 */
export async function ingestMany(
  db: ProvinceDb,
  files: { text: string; label: string }[],
  secret: ProvinceSecret,
  receivedAt: Date,
  fromQuarantine: number[] = [],
  source: string | null = null,
): Promise<IngestOutcome[]> {
  const keys = receivingKeys(secret);
  const reader = readerFor(
    files.map((f) => f.text),
    secret,
    keys,
    receivedAt,
  );
  return ingestRead(db, files, { secret, keys, reader, source }, receivedAt, fromQuarantine);
}

async function ingestRead(
  db: ProvinceDb,
  files: { text: string; label: string }[],
  run: { secret: ProvinceSecret; keys: ReceivingKeys; reader: Reader; source: string | null },
  receivedAt: Date,
  fromQuarantine: number[],
): Promise<IngestOutcome[]> {
  const { secret, keys, reader } = run;
  const outer = { erased: false };
  const outcomes = await db.transaction().execute(async (trx) => {
    // Two hub processes (the web upload and the receiving endpoint) take their turns on PostgreSQL.
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${INGEST_LOCK})`.execute(trx);
    // Files taken back out of quarantine leave it in the same transaction that stores them.
    for (let i = 0; i < fromQuarantine.length; i += 400)
      await trx
        .deleteFrom('quarantine')
        .where('id', 'in', fromQuarantine.slice(i, i + 400))
        .execute();
    const held = await trx
      .selectFrom('quarantine')
      .select('point_uuid')
      .distinct()
      .where('reason', '=', 'held')
      .execute();
    const ctx: Context = {
      trx,
      keys,
      v1Key: { encryptPublic: secret.encryptPublic, signPublic: secret.signPublic },
      at: receivedAt,
      held: new Set(held.map((h) => h.point_uuid!)),
      closed: new Map(),
      points: new Map(),
      changed: new Set(),
      pending: new Pending(trx),
      recordDays: new Map(),
      source: run.source,
    };
    const all: IngestOutcome[] = [];
    try {
      for (const f of files) {
        all.push(...(await ingestOne(ctx, f.text, f.label, outer, await reader.next())));
        if (ctx.pending.full) ctx.pending.write();
      }
      await ctx.pending.flush();
    } finally {
      // Never leave a write running on the connection of a transaction that is being undone.
      await ctx.pending.settle().catch(() => {});
    }
    for (const uuid of ctx.changed) {
      const p = ctx.points.get(uuid)!;
      await trx
        .updateTable('point')
        .set({
          last_seq: p.last_seq,
          head_hash: p.head_hash,
          first_day: p.first_day,
          point_uuid: p.point_uuid,
          public_key: p.public_key,
          fingerprint: p.fingerprint,
          first_received_at: p.first_received_at,
        })
        .where('id', '=', p.id!)
        .execute();
    }
    return all;
  });
  // Some personal data was dropped: empty the WAL so the overwritten pages are the only copy.
  if (outer.erased) await flushErased(db);
  return outcomes;
}

/** One file (the HTTP endpoint, `source` the peer's address): its own outcome first, then those of any files it released. */
export async function ingestBatch(
  db: ProvinceDb,
  text: string,
  secret: ProvinceSecret,
  receivedAt: Date,
  label = '-',
  source: string | null = null,
): Promise<IngestOutcome> {
  return (await ingestMany(db, [{ text, label }], secret, receivedAt, [], source))[0]!;
}

/** Files from keys enrolled since they came: taken in again, in order, once the point is enrolled. */
export async function releaseQuarantined(
  db: ProvinceDb,
  fingerprint: string,
  secret: ProvinceSecret,
  at: Date,
): Promise<IngestOutcome[]> {
  const rows = await db
    .selectFrom('quarantine')
    .selectAll()
    .where('reason', '=', 'unknown_key')
    .where('fingerprint', '=', fingerprint)
    .orderBy('seq')
    .orderBy('id')
    .execute();
  if (!rows.length) return [];
  return ingestMany(
    db,
    rows.map((r) => ({ text: r.content, label: `${r.label} (quarantined ${r.at})` })),
    secret,
    at,
    rows.map((r) => r.id!),
  );
}

async function ingestOne(
  ctx: Context,
  text: string,
  label: string,
  outer: { erased: boolean },
  ahead: ReadAhead = readAhead(text, ctx.keys, ctx.v1Key, ctx.at),
): Promise<IngestOutcome[]> {
  const { trx, at } = ctx;
  const { read, sha256: sha, bytes } = ahead;
  type Known = { pointId?: number | null; batch?: Incoming };
  const log = async (outcome: ProvinceDatabase['intake']['outcome'], reason: string | null, known: Known = {}) => {
    const b = known.batch;
    ctx.pending.intake.push({
      at: at.toISOString(),
      label: label.slice(0, 300),
      sha256: sha,
      bytes,
      point_id: known.pointId ?? null,
      point_uuid: b?.pointUuid ?? null,
      seq: b?.seq ?? null,
      fingerprint: b?.fingerprint ?? null,
      commune_name: b?.communeName.slice(0, 80) ?? null,
      outcome,
      reason,
    });
  };
  // A stranger's file (no enrolled point named) over HTTP: counted; kept as evidence only the first few of the hour.
  const stranger = async (reason: string) =>
    !ctx.source || (await tallyRefusal(trx, ctx.source, at, reason, bytes)) <= STRANGER_EVIDENCE_PER_HOUR;
  const refuse = async (reason: string, known: Known = {}): Promise<IngestOutcome[]> => {
    if (known.pointId || (await stranger(reason))) await log('refused', reason, known);
    return [
      { status: 'refused', label, pointId: known.batch?.pointUuid ?? null, seq: known.batch?.seq ?? null, reason },
    ];
  };
  const keep = async (
    kind: 'unknown_key' | 'held',
    reason: string,
    b: Incoming,
    pointId: number | null,
  ): Promise<IngestOutcome[]> => {
    if (kind === 'unknown_key' && !(await stranger(reason))) {
      return [
        {
          status: 'refused',
          label,
          pointId: b.pointUuid,
          seq: b.seq,
          reason: `rate_limited: ${reason.split(';')[0]}; this source has sent more such files this hour than are kept`,
        },
      ];
    }
    await trx
      .insertInto('quarantine')
      .values({
        id: undefined,
        at: at.toISOString(),
        reason: kind,
        sha256: sha,
        point_uuid: b.pointUuid,
        seq: b.seq,
        fingerprint: b.fingerprint,
        commune_name: b.communeName.slice(0, 80),
        label: label.slice(0, 300),
        content: text,
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await log(kind === 'held' ? 'held' : 'quarantined', reason, { pointId, batch: b });
    if (kind === 'held') ctx.held.add(b.pointUuid);
    return [{ status: kind === 'held' ? 'held' : 'quarantined', label, pointId: b.pointUuid, seq: b.seq, reason }];
  };
  // A file that may touch the store waits for the writes handed over before it.
  if (read.ok ? needsStore(ctx, read.batch) : ctx.source !== null) await ctx.pending.settle();
  if (!read.ok) return refuse(read.reason);
  const b = read.batch;

  // Who sent it: a point bound by an earlier batch, or one enrolled by this key and not yet heard from.
  const withUnit = () =>
    trx
      .selectFrom('point')
      .leftJoin('unit', 'unit.id', 'point.unit_id')
      .selectAll('point')
      .select(['unit.name as unit_name', 'unit.code as unit_code']);
  let point: PointRow | undefined =
    ctx.points.get(b.pointUuid) ?? (await withUnit().where('point_uuid', '=', b.pointUuid).executeTakeFirst());
  if (point) {
    ctx.points.set(b.pointUuid, point);
    if (point.status === 'retired')
      return refuse(`retired: this point was retired on ${point.retired_at}`, { pointId: point.id!, batch: b });
    if (point.public_key !== b.key)
      return refuse(
        `foreign_key: signed by key ${b.fingerprint}, not the key of this enrolled point (${point.fingerprint})`,
        { pointId: point.id!, batch: b },
      );
  } else {
    point = await withUnit()
      .where('enrolled_fingerprint', '=', b.fingerprint)
      .where('status', '=', 'active')
      .where('point_uuid', 'is', null)
      .executeTakeFirst();
    // Bound earlier in this run (not yet written) to another id: the key belongs to that point.
    if (point && [...ctx.points.values()].some((p) => p.id === point!.id && p.point_uuid !== null)) {
      return refuse(`foreign_point: key ${b.fingerprint} belongs to another enrolled point`, {
        pointId: point.id!,
        batch: b,
      });
    }
    if (!point) {
      const other = await trx
        .selectFrom('point')
        .select(['id', 'status', 'retired_at'])
        .where((eb) => eb.or([eb('enrolled_fingerprint', '=', b.fingerprint), eb('fingerprint', '=', b.fingerprint)]))
        .executeTakeFirst();
      if (other?.status === 'retired')
        return refuse(`retired: the point of key ${b.fingerprint} was retired on ${other.retired_at}`, {
          pointId: other.id!,
          batch: b,
        });
      if (other)
        return refuse(`foreign_point: key ${b.fingerprint} belongs to another enrolled point`, {
          pointId: other.id!,
          batch: b,
        });
      return keep(
        'unknown_key',
        `unknown_key: no point is enrolled with key ${b.fingerprint} (the batch names ${b.communeName}); kept until it is`,
        b,
        null,
      );
    }
  }
  const known = { pointId: point.id!, batch: b };
  if (point.unit_name && point.unit_name !== b.communeName)
    return refuse(
      `wrong_commune: this point is enrolled for ${point.unit_name}, the batch names ${b.communeName}`,
      known,
    );
  if (point.unit_code && b.communeCode && point.unit_code !== b.communeCode)
    return refuse(
      `wrong_code: ${point.unit_name} has code ${point.unit_code} in the registry, the batch says ${b.communeCode}`,
      known,
    );

  // Its place in the point's chain (only a number already used can be a duplicate).
  const waiting = ctx.pending.hashes.get(`${point.id}|${b.seq}`);
  const same =
    b.seq > point.last_seq
      ? undefined
      : waiting !== undefined
        ? { hash: waiting }
        : await trx
            .selectFrom('batch')
            .select('hash')
            .where('point_id', '=', point.id!)
            .where('seq', '=', b.seq)
            .executeTakeFirst();
  if (same) {
    if (same.hash !== b.hash)
      return refuse(`conflict: another batch number ${b.seq} from this point was received before`, known);
    await log('duplicate', null, known);
    return [
      {
        status: 'duplicate',
        label,
        pointId: b.pointUuid,
        seq: b.seq,
        receipt: receiptFor(b, 'duplicate', at, ctx.keys.signPrivate),
      },
    ];
  }
  if (b.seq > point.last_seq + 1)
    return keep('held', `held: batch ${point.last_seq + 1} has not arrived; this one waits for it`, b, point.id!);
  if (b.seq <= point.last_seq)
    return refuse(`conflict: batch ${b.seq} is older than the last one stored and was never received`, known);
  if (b.prev !== point.head_hash)
    return refuse(
      'broken_chain: the previous-batch hash does not match the last batch received from this point',
      known,
    );
  let closedBefore = ctx.closed.get(point.id!);
  if (!closedBefore) {
    closedBefore = new Set(
      (await trx.selectFrom('closed_day').select('day').where('point_id', '=', point.id!).execute()).map((r) => r.day),
    );
    ctx.closed.set(point.id!, closedBefore);
  }
  const wrongLate = b.records.find((r) => r.late !== closedBefore!.has(r.day));
  if (wrongLate)
    return refuse(
      `bad_late: ${wrongLate.ref} says late=${wrongLate.late} but ${wrongLate.day} ${closedBefore.has(wrongLate.day) ? 'was' : 'was not'} closed by an earlier batch`,
      known,
    );

  // The point's totals: checked before writing for an ordinary batch, after (and undone) for a large one.
  const precheck = b.records.length <= PRECHECK_REFS;
  const days = await recordDaysOf(ctx, point.id!);
  const plain =
    precheck &&
    b.records.every(
      (r) => r.version === 1 && r.state === 'recorded' && !ctx.pending.refs.has(`${point!.id}|${r.ref}|1`),
    );
  // No record stored yet for any day it lists (a new day's closing batch): its own records are all there is.
  const fresh = b.days.every((d) => !d.totals || !days.has(d.day));
  if (!plain || !fresh) await ctx.pending.flush();
  if (precheck) {
    const wrong = fresh ? compareTotals(b, ownTotals(b, new Map())) : await totalsBefore(trx, point.id!, b);
    if (wrong) return refuse(wrong, known);
  } else {
    await sql`savepoint batch_file`.execute(trx);
  }
  const stored = { id: point.id!, first: point.point_uuid === null };
  if (plain) defer(ctx.pending, stored.id, b, at);
  else await store(trx, stored, b, at);
  if (stored.first)
    await trx
      .insertInto('point_key')
      .values({ point_id: stored.id, fingerprint: b.fingerprint, public_key: b.key, from_seq: b.seq, until_seq: null })
      .execute();
  if (plain && b.keyChange) await changeKey(trx, stored.id, b);
  for (const r of b.records) days.add(r.day);
  if (!precheck) {
    const mismatch = await totalsMismatch(trx, point.id!, b);
    if (mismatch) await sql`rollback to savepoint batch_file`.execute(trx);
    await sql`release savepoint batch_file`.execute(trx);
    if (mismatch) return refuse(mismatch, known);
  }
  ctx.changed.add(b.pointUuid);
  ctx.points.set(b.pointUuid, {
    ...point,
    last_seq: b.seq,
    head_hash: b.hash,
    first_day: firstDayOf(point.first_day, b),
    ...(stored.first
      ? { point_uuid: b.pointUuid, public_key: b.key, fingerprint: b.fingerprint, first_received_at: at.toISOString() }
      : {}),
    ...(b.keyChange ? { public_key: b.keyChange.key, fingerprint: b.keyChange.fingerprint } : {}),
  });
  for (const d of b.days) if (d.closed) closedBefore.add(d.day);
  if (b.records.some((r) => r.state !== 'recorded')) outer.erased = true;
  await log('accepted', null, known);
  const accepted: IngestOutcome = {
    status: 'accepted',
    label,
    pointId: b.pointUuid,
    seq: b.seq,
    receipt: ahead.accepted ?? receiptFor(b, 'accepted', at, ctx.keys.signPrivate),
  };
  return ctx.held.has(b.pointUuid) ? [accepted, ...(await releaseHeld(ctx, b.pointUuid, outer))] : [accepted];
}

/**
 * Whether checking this file may read or write the store directly: anything but the next batch
 * of a point already met in this run, with its closed days and record days known, no key
 * change, nothing held behind it and no stranger's tally to keep. Those are checked from memory
 * and deferred, so the writes handed over before them may still be running; the rest wait for
 * them first (`flush` waits too, for what it writes).
 */
function needsStore(ctx: Context, b: Incoming): boolean {
  const point = ctx.points.get(b.pointUuid);
  return (
    !point ||
    point.point_uuid === null ||
    b.seq !== point.last_seq + 1 ||
    !ctx.closed.has(point.id!) ||
    !ctx.recordDays.has(point.id!) ||
    b.keyChange !== null ||
    ctx.held.has(b.pointUuid) ||
    ctx.source !== null
  );
}

const firstDayOf = (known: string | null, b: Incoming) =>
  [known, ...b.days.filter((d) => d.closed).map((d) => d.day)].filter((d): d is string => !!d).sort()[0] ?? null;

/** The rows an accepted batch adds: itself, its records, the days it closes. */
function rowsOf(pointId: number, b: Incoming, at: Date) {
  const received = at.toISOString();
  return {
    batch: {
      point_id: pointId,
      seq: b.seq,
      batch_id: b.batchId,
      hash: b.hash,
      format: b.format,
      kind: b.kind,
      created_at: b.createdAt,
      received_at: received,
      record_count: b.records.length,
      head: b.head,
    },
    records: b.records.map((r) => ({
      point_id: pointId,
      ref: r.ref,
      version: r.version,
      entity: r.entity,
      day: r.day,
      supersedes: r.supersedes,
      late: r.late ? 1 : 0,
      state: r.state,
      current: 1,
      clear: r.clear,
      categories: r.categories,
      personal: r.personal,
      batch_seq: b.seq,
    })),
    closedDays: b.days
      .filter((x) => x.closed)
      .map((d) => ({
        point_id: pointId,
        day: d.day,
        batch_seq: b.seq,
        received_at: received,
        closed_at: d.closed!.at,
        closed_by: d.closed!.by,
      })),
  };
}

/** A plain batch's rows, to be written with the run's others. */
function defer(pending: Pending, pointId: number, b: Incoming, at: Date): void {
  const rows = rowsOf(pointId, b, at);
  pending.batch.push(rows.batch);
  pending.hashes.set(`${pointId}|${b.seq}`, b.hash);
  for (const r of rows.records) {
    pending.record.push(r);
    pending.refs.add(`${pointId}|${r.ref}|${r.version}`);
  }
  pending.closedDay.push(...rows.closedDays);
}

async function recordDaysOf(ctx: Context, pointId: number): Promise<Set<string>> {
  let days = ctx.recordDays.get(pointId);
  if (!days) {
    days = new Set(
      (await ctx.trx.selectFrom('record').select('day').distinct().where('point_id', '=', pointId).execute()).map(
        (r) => r.day,
      ),
    );
    ctx.recordDays.set(pointId, days);
  }
  return days;
}

async function changeKey(trx: Trx, pointId: number, b: Incoming): Promise<void> {
  await trx
    .updateTable('point_key')
    .set({ until_seq: b.seq })
    .where('point_id', '=', pointId)
    .where('until_seq', 'is', null)
    .execute();
  await trx
    .insertInto('point_key')
    .values({
      point_id: pointId,
      fingerprint: b.keyChange!.fingerprint,
      public_key: b.keyChange!.key,
      from_seq: b.seq + 1,
      until_seq: null,
    })
    .execute();
}

/** Write an accepted batch now, in order (the point's own row is written at the end of the run). */
async function store(trx: Trx, point: { id: number }, b: Incoming, at: Date): Promise<void> {
  const { id: pointId } = point;
  const rows = rowsOf(pointId, b, at);
  await insertBatches(trx, [rows.batch]);
  for (let i = 0; i < rows.records.length; i += RECORD_ROWS)
    await upsertRecords(trx, rows.records.slice(i, i + RECORD_ROWS));
  for (const r of b.records.filter((x) => x.version > 1)) {
    await trx
      .updateTable('record')
      .set({ current: 0 })
      .where('point_id', '=', pointId)
      .where('ref', '=', r.ref)
      .where('version', '<', r.version)
      .execute();
  }
  // Erased or deleted at the point: the sealed personal part of every version goes; the counted facts stay.
  const gone = b.records.filter((r) => r.state !== 'recorded').map((r) => r.ref);
  for (let i = 0; i < gone.length; i += 400) {
    await trx
      .updateTable('record')
      .set({ personal: null })
      .where('point_id', '=', pointId)
      .where('ref', 'in', gone.slice(i, i + 400))
      .where('personal', 'is not', null)
      .execute();
  }
  if (rows.closedDays.length) await insertClosedDays(trx, rows.closedDays);
  if (b.keyChange) await changeKey(trx, pointId, b);
}

/** Compare each listed day's totals with what the store will hold once the batch is in. */
function compareTotals(b: Incoming, have: Map<string, number>): string | null {
  for (const d of b.days) {
    if (!d.totals) continue;
    for (const entity of new Set([...RECORD_ENTITIES, ...Object.keys(d.totals)])) {
      const said = d.totals[entity] ?? 0;
      const got = have.get(`${d.day}|${entity}`) ?? 0;
      if (said !== got)
        return `totals_mismatch: for ${d.day} the point counts ${said} ${entity}, the province would hold ${got}`;
    }
  }
  return null;
}

/**
 * Before writing: what the store holds for the listed days from records this batch does not
 * touch, plus what the batch brings (its records are the newest versions of their refs).
 */
async function totalsBefore(trx: Trx, pointId: number, b: Incoming): Promise<string | null> {
  const days = b.days.filter((d) => d.totals).map((d) => d.day);
  if (!days.length) return null;
  let q = trx
    .selectFrom('record')
    .select(['day', 'entity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('point_id', '=', pointId)
    .where('current', '=', 1)
    .where('state', '!=', 'deleted')
    .where('day', 'in', days);
  if (b.records.length)
    q = q.where(
      'ref',
      'not in',
      b.records.map((r) => r.ref),
    );
  return compareTotals(
    b,
    ownTotals(
      b,
      new Map((await q.groupBy(['day', 'entity']).execute()).map((h) => [`${h.day}|${h.entity}`, Number(h.n)])),
    ),
  );
}

/** What the batch's own records add to the day × entity counts in `have`. */
function ownTotals(b: Incoming, have: Map<string, number>): Map<string, number> {
  for (const r of b.records)
    if (r.state !== 'deleted') have.set(`${r.day}|${r.entity}`, (have.get(`${r.day}|${r.entity}`) ?? 0) + 1);
  return have;
}

/** After writing (a large batch): the point's per-day totals against what the store now holds. */
async function totalsMismatch(trx: Trx, pointId: number, b: Incoming): Promise<string | null> {
  const days = b.days.filter((d) => d.totals).map((d) => d.day);
  if (!days.length) return null;
  const held = await trx
    .selectFrom('record')
    .select(['day', 'entity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('point_id', '=', pointId)
    .where('current', '=', 1)
    .where('state', '!=', 'deleted')
    .where('day', 'in', days)
    .groupBy(['day', 'entity'])
    .execute();
  return compareTotals(b, new Map(held.map((h) => [`${h.day}|${h.entity}`, Number(h.n)])));
}

/** Batches held behind a gap, taken in order once the gap is filled. */
async function releaseHeld(ctx: Context, pointUuid: string, outer: { erased: boolean }): Promise<IngestOutcome[]> {
  const { trx } = ctx;
  const outcomes: IngestOutcome[] = [];
  for (;;) {
    const last_seq = ctx.points.get(pointUuid)!.last_seq;
    await trx
      .deleteFrom('quarantine')
      .where('reason', '=', 'held')
      .where('point_uuid', '=', pointUuid)
      .where('seq', '<=', last_seq)
      .execute();
    const next = await trx
      .selectFrom('quarantine')
      .selectAll()
      .where('reason', '=', 'held')
      .where('point_uuid', '=', pointUuid)
      .where('seq', '=', last_seq + 1)
      .orderBy('id')
      .executeTakeFirst();
    if (!next) {
      const still = await trx
        .selectFrom('quarantine')
        .select('id')
        .where('reason', '=', 'held')
        .where('point_uuid', '=', pointUuid)
        .limit(1)
        .executeTakeFirst();
      if (!still) ctx.held.delete(pointUuid);
      return outcomes;
    }
    await trx.deleteFrom('quarantine').where('id', '=', next.id!).execute();
    const result = await ingestOne(ctx, next.content, `${next.label} (held since ${next.at})`, outer);
    outcomes.push(...result);
    if (result[0]?.status !== 'accepted') return outcomes;
  }
}
