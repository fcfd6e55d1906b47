import { workingDaysBetween } from '#shared/reports/calendar';
import { computeReport, type FactRecord, type Report } from '#shared/reports/kpis';
import { mergeReports } from '#shared/reports/merge';
import { resolvePeriod, type PeriodInput } from '#shared/reports/period';
import { addDays, vnDay, vnDayOfInstant, vnDayStart } from '#shared/time/vietnam';
import { sql } from 'kysely';
import { isPostgres } from './dialect';
import type { ProvinceDb } from './store';

export interface Refusal {
  at: string;
  label: string;
  reason: string;
}

export interface PointStatus {
  unitName: string | null;
  unitCode: string | null;
  pilot: boolean;
  pointId: string | null;
  fingerprint: string;
  status: 'active' | 'retired';
  batches: number;
  lastSeq: number;
  lastReceivedAt: string | null;
  /** The first day this point's batches closed: its missing days are counted from here. */
  firstDay: string | null;
  daysClosed: number;
  /** Of those, closed by the app for lack of the official's close. */
  daysClosedAutomatically: number;
  /** Working days (Mon–Fri less holidays) from the first day to `until` that no batch closed: missing, not zero. */
  missingDays: string[];
  /** Closing batches received more than `timelyDays` after the day they close. */
  lateDays: string[];
  lateRecords: number;
  /** A missing batch and the later ones held back behind it. */
  gap: { missing: number[]; held: number[] } | null;
  duplicates: number;
  refused: Refusal[];
  report: Report;
}

export interface ProvinceReport {
  period: Report['period'];
  until: string;
  timelyDays: number;
  points: PointStatus[];
  /** Units of the registry from which no batch has ever been accepted. */
  silentUnits: { name: string; code: string | null; pilot: boolean; enrolled: boolean }[];
  /** Files kept because their key is not enrolled (a point not yet enrolled, or someone else). */
  unknownSenders: { fingerprint: string; communeName: string; files: number; firstAt: string; lastAt: string }[];
  /** Files refused before any point could be named (damaged, not a batch, …) in the period. */
  refusedUnnamed: Refusal[];
  /** The measures summed over all points. Day counts in `duty` are point-days, not days. */
  province: Report;
}

/** The current, not deleted, records of a point for [from, to]: what the measures read. */
export async function pointRecords(db: ProvinceDb, pointId: number, from: string, to: string): Promise<FactRecord[]> {
  return (await recordsOf(db, [pointId], from, to)).get(pointId) ?? [];
}

/**
 * The current, not deleted, records of these points for [from, to], in one query, by point. The
 * store packs each point's records into one JSON array (SQLite's `json_group_array`, PostgreSQL's
 * `json_agg`): a few rows to hand over instead of thousands, which was most of a year report's time.
 */
async function recordsOf(db: ProvinceDb, pointIds: readonly number[], from: string, to: string) {
  const packed = isPostgres(db)
    ? sql<unknown>`json_agg(json_build_array(entity, ref, day, clear::json, categories::json))`
    : sql<unknown>`json_group_array(json_array(entity, ref, day, json(clear), json(categories)))`;
  const rows = await db
    .selectFrom('record')
    .select(['point_id', packed.as('facts')])
    .where('point_id', 'in', pointIds)
    .where('current', '=', 1)
    .where('state', '!=', 'deleted')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('point_id')
    .execute();
  const byPoint = new Map<number, FactRecord[]>();
  for (const row of rows) {
    // `pg` parses json itself; SQLite gives the text.
    const facts = (typeof row.facts === 'string' ? JSON.parse(row.facts) : row.facts) as [
      string,
      string,
      string,
      FactRecord['clear'],
      FactRecord['categories'],
    ][];
    byPoint.set(
      row.point_id,
      facts.map(([entity, ref, day, clear, categories]) => ({ entity, ref, day, clear, categories })),
    );
  }
  return byPoint;
}

/**
 * A query over the records of these points, in slices of a few hundred ids (what a statement
 * binds stays small): the record indexes are led by the point (migration 0008), so each point's
 * range of days is read and nothing of the others. No points, no query.
 */
export async function ofPoints<T>(pointIds: readonly number[], query: (ids: number[]) => Promise<T[]>): Promise<T[]> {
  const slices: number[][] = [];
  for (let i = 0; i < pointIds.length; i += 500) slices.push(pointIds.slice(i, i + 500));
  // Asked together: PostgreSQL's pool answers them side by side (a nation is seven slices).
  return (await Promise.all(slices.map(query))).flat();
}

/** Points whose records one query reads: a year of a few dozen points, so memory stays flat however many points there are. */
const POINTS_PER_READ = 24;

/**
 * Each point's measures over `period` (`computeReport` on its current records and closed days),
 * for the points that have records or closed days in it: the records are read for a slice of
 * points at a time, measured, and let go.
 */
export async function reportsOf(
  db: ProvinceDb,
  pointIds: readonly number[],
  period: Parameters<typeof computeReport>[1],
  closedDaysOf: (pointId: number) => readonly string[],
): Promise<Map<number, Report>> {
  const reports = new Map<number, Report>();
  for (let i = 0; i < pointIds.length; i += POINTS_PER_READ) {
    const slice = pointIds.slice(i, i + POINTS_PER_READ);
    const records = await recordsOf(db, slice, period.from, period.to);
    for (const id of slice) {
      const days = closedDaysOf(id);
      if (records.has(id) || days.length) reports.set(id, computeReport(records.get(id) ?? [], period, [...days]));
    }
  }
  return reports;
}

/** Rows into lists by a key, in the order they came. */
function groupBy<T, K, V = T>(rows: readonly T[], key: (row: T) => K, value: (row: T) => V = (r) => r as unknown as V) {
  const by = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = by.get(k);
    if (list) list.push(value(r));
    else by.set(k, [value(r)]);
  }
  return by;
}

/** Held batches of a point past its last stored one: which are missing, which wait behind them. */
export function gapOf(lastSeq: number, held: number[]): PointStatus['gap'] {
  const waiting = [...new Set(held.filter((s) => s > lastSeq))].sort((a, b) => a - b);
  if (!waiting.length) return null;
  const missing: number[] = [];
  for (let s = lastSeq + 1; s < waiting.at(-1)!; s++) if (!waiting.includes(s)) missing.push(s);
  return { missing, held: waiting };
}

export async function provinceReport(
  db: ProvinceDb,
  input: PeriodInput,
  until: string,
  timelyDays = 2,
): Promise<ProvinceReport> {
  const period = resolvePeriod(input);
  const lastDay = until < period.to ? until : period.to;
  const since = vnDayStart(period.from).toISOString();
  const before = vnDayStart(addDays(lastDay, 1)).toISOString();
  const points = await db
    .selectFrom('point')
    .leftJoin('unit', 'unit.id', 'point.unit_id')
    .select([
      'point.id',
      'point.point_uuid',
      'point.fingerprint',
      'point.enrolled_fingerprint',
      'point.status',
      'point.last_seq',
      'point.first_day',
      'point.first_received_at',
      'point.retired_at',
      'unit.name',
      'unit.code',
      'unit.pilot',
    ])
    .where('point.first_received_at', 'is not', null)
    .orderBy('unit.name')
    .execute();
  // One query per table for all points (not one per point), grouped here.
  const [closedRows, lastBatches, lateRows, heldRows, arrivalRows, batchCounts] = await Promise.all([
    db.selectFrom('closed_day').selectAll().where('day', '>=', period.from).where('day', '<=', period.to).execute(),
    db
      .selectFrom('batch')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('batch')
            .select(['point_id', (e) => e.fn.max('seq').as('seq')])
            .groupBy('point_id')
            .as('newest'),
        (j) => j.onRef('newest.point_id', '=', 'batch.point_id').onRef('newest.seq', '=', 'batch.seq'),
      )
      .select(['batch.point_id', 'batch.received_at'])
      .execute(),
    ofPoints(
      points.map((p) => p.id!),
      (ids) =>
        db
          .selectFrom('record')
          .select(['point_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('point_id', 'in', ids)
          .where('late', '=', 1)
          .where('current', '=', 1)
          .where('day', '>=', period.from)
          .where('day', '<=', period.to)
          .groupBy('point_id')
          .execute(),
    ),
    db.selectFrom('quarantine').select(['point_uuid', 'seq']).where('reason', '=', 'held').execute(),
    db
      .selectFrom('intake')
      .select(['point_id', 'at', 'label', 'reason', 'outcome'])
      .where('point_id', 'is not', null)
      .where('outcome', 'in', ['duplicate', 'refused'])
      .where('at', '>=', since)
      .where('at', '<', before)
      .orderBy('at')
      .execute(),
    db
      .selectFrom('batch')
      .select(['point_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('point_id')
      .execute(),
  ]);
  const closedOf = groupBy(closedRows, (c) => c.point_id);
  const lastOf = new Map(lastBatches.map((b) => [b.point_id, b.received_at]));
  const lateOf = new Map(lateRows.map((r) => [r.point_id, Number(r.n)]));
  const heldOf = groupBy(
    heldRows.filter((h) => h.seq !== null),
    (h) => h.point_uuid,
    (h) => h.seq!,
  );
  const arrivalsOf = groupBy(arrivalRows, (a) => a.point_id!);
  const batchesOf = new Map(batchCounts.map((b) => [b.point_id, Number(b.n)]));
  // Measures count the days the point declared worked (closed); missing days are listed apart.
  const worked = (id: number) =>
    [...new Set((closedOf.get(id) ?? []).map((c) => c.day))].filter((d) => d <= lastDay).sort();
  const reports = await reportsOf(
    db,
    points.map((p) => p.id!),
    period,
    worked,
  );
  const statuses: PointStatus[] = points.map((p) => {
    const closed = closedOf.get(p.id!) ?? [];
    const closedSet = new Set(closed.map((c) => c.day));
    const retiredDay = p.retired_at ? vnDay(new Date(p.retired_at)) : null;
    const from = p.first_day && p.first_day > period.from ? p.first_day : period.from;
    const to = retiredDay && retiredDay < lastDay ? retiredDay : lastDay;
    const expected = p.first_day ? workingDaysBetween(from, to, false, []) : [];
    const arrivals = arrivalsOf.get(p.id!) ?? [];
    return {
      unitName: p.name,
      unitCode: p.code,
      pilot: p.pilot === 1,
      pointId: p.point_uuid,
      fingerprint: p.fingerprint ?? p.enrolled_fingerprint,
      status: p.status,
      batches: batchesOf.get(p.id!) ?? 0,
      lastSeq: p.last_seq,
      lastReceivedAt: lastOf.get(p.id!) ?? null,
      firstDay: p.first_day,
      daysClosed: closedSet.size,
      daysClosedAutomatically: closed.filter((c) => c.closed_by === 'automatic').length,
      missingDays: expected.filter((d) => !closedSet.has(d)),
      lateDays: closed
        .filter((c) => vnDayOfInstant(c.received_at) > addDays(c.day, timelyDays))
        .map((c) => c.day)
        .sort(),
      lateRecords: lateOf.get(p.id!) ?? 0,
      gap: gapOf(p.last_seq, p.point_uuid === null ? [] : (heldOf.get(p.point_uuid) ?? [])),
      duplicates: arrivals.filter((a) => a.outcome === 'duplicate').length,
      refused: arrivals
        .filter((a) => a.outcome === 'refused')
        .map((a) => ({ at: a.at, label: a.label, reason: a.reason ?? '' })),
      report: reports.get(p.id!) ?? computeReport([], period, []),
    };
  });
  const units = await db
    .selectFrom('unit')
    .leftJoin('point', (j) => j.onRef('point.unit_id', '=', 'unit.id').on('point.status', '=', 'active'))
    .select(['unit.id', 'unit.name', 'unit.code', 'unit.pilot', 'point.id as point'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('point as p')
            .select('p.id')
            .whereRef('p.unit_id', '=', 'unit.id')
            .where('p.first_received_at', 'is not', null),
        ),
      ),
    )
    .orderBy('unit.name')
    .execute();
  const unknown = await db
    .selectFrom('quarantine')
    .select([
      'fingerprint',
      'commune_name',
      (eb) => eb.fn.countAll<number>().as('files'),
      (eb) => eb.fn.min('at').as('firstAt'),
      (eb) => eb.fn.max('at').as('lastAt'),
    ])
    .where('reason', '=', 'unknown_key')
    .groupBy(['fingerprint', 'commune_name'])
    .orderBy('fingerprint')
    .execute();
  const unnamed = await db
    .selectFrom('intake')
    .select(['at', 'label', 'reason'])
    .where('outcome', '=', 'refused')
    .where('point_id', 'is', null)
    .where('at', '>=', since)
    .where('at', '<', before)
    .orderBy('at')
    .execute();
  const head = { kind: period.kind, key: period.key, from: period.from, to: period.to };
  return {
    period: head,
    until,
    timelyDays,
    points: statuses,
    silentUnits: units.map((u) => ({ name: u.name, code: u.code, pilot: u.pilot === 1, enrolled: u.point !== null })),
    unknownSenders: unknown.map((u) => ({
      fingerprint: u.fingerprint ?? '',
      communeName: u.commune_name ?? '',
      files: Number(u.files),
      firstAt: String(u.firstAt),
      lastAt: String(u.lastAt),
    })),
    refusedUnnamed: unnamed.map((r) => ({ at: r.at, label: r.label, reason: r.reason ?? '' })),
    province: mergeReports(
      statuses.map((s) => s.report),
      head,
    ),
  };
}
