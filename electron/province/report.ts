import { workingDaysBetween } from '#shared/reports/calendar';
import { computeReport, type FactRecord, type Report } from '#shared/reports/kpis';
import { mergeReports } from '#shared/reports/merge';
import { resolvePeriod, type PeriodInput } from '#shared/reports/period';
import { addDays, vnDay, vnDayStart } from '#shared/time/vietnam';
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
  const rows = await db
    .selectFrom('record')
    .select(['entity', 'ref', 'day', 'clear', 'categories'])
    .where('point_id', '=', pointId)
    .where('current', '=', 1)
    .where('state', '!=', 'deleted')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return rows.map((r) => ({
    entity: r.entity,
    ref: r.ref,
    day: r.day,
    clear: JSON.parse(r.clear),
    categories: JSON.parse(r.categories),
  }));
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
  const statuses: PointStatus[] = [];
  for (const p of points) {
    const closed = await db
      .selectFrom('closed_day')
      .selectAll()
      .where('point_id', '=', p.id!)
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .execute();
    const closedSet = new Set(closed.map((c) => c.day));
    const retiredDay = p.retired_at ? vnDay(new Date(p.retired_at)) : null;
    const from = p.first_day && p.first_day > period.from ? p.first_day : period.from;
    const to = retiredDay && retiredDay < lastDay ? retiredDay : lastDay;
    const expected = p.first_day ? workingDaysBetween(from, to, false, []) : [];
    const last = await db
      .selectFrom('batch')
      .select(['received_at'])
      .where('point_id', '=', p.id!)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const late = await db
      .selectFrom('record')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('point_id', '=', p.id!)
      .where('late', '=', 1)
      .where('current', '=', 1)
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .executeTakeFirst();
    const held = await db
      .selectFrom('quarantine')
      .select('seq')
      .where('reason', '=', 'held')
      .where('point_uuid', '=', p.point_uuid)
      .execute();
    const arrivals = await db
      .selectFrom('intake')
      .select(['at', 'label', 'reason', 'outcome'])
      .where('point_id', '=', p.id!)
      .where('outcome', 'in', ['duplicate', 'refused'])
      .where('at', '>=', since)
      .where('at', '<', before)
      .orderBy('at')
      .execute();
    const batches = await db
      .selectFrom('batch')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('point_id', '=', p.id!)
      .executeTakeFirst();
    statuses.push({
      unitName: p.name,
      unitCode: p.code,
      pilot: p.pilot === 1,
      pointId: p.point_uuid,
      fingerprint: p.fingerprint ?? p.enrolled_fingerprint,
      status: p.status,
      batches: Number(batches?.n ?? 0),
      lastSeq: p.last_seq,
      lastReceivedAt: last?.received_at ?? null,
      firstDay: p.first_day,
      daysClosed: closedSet.size,
      daysClosedAutomatically: closed.filter((c) => c.closed_by === 'automatic').length,
      missingDays: expected.filter((d) => !closedSet.has(d)),
      lateDays: closed
        .filter((c) => vnDay(new Date(c.received_at)) > addDays(c.day, timelyDays))
        .map((c) => c.day)
        .sort(),
      lateRecords: Number(late?.n ?? 0),
      gap: gapOf(
        p.last_seq,
        held.map((h) => h.seq!).filter((s) => s !== null),
      ),
      duplicates: arrivals.filter((a) => a.outcome === 'duplicate').length,
      refused: arrivals
        .filter((a) => a.outcome === 'refused')
        .map((a) => ({ at: a.at, label: a.label, reason: a.reason ?? '' })),
      // Measures count the days the point declared worked (closed); missing days are listed apart.
      report: computeReport(
        await pointRecords(db, p.id!, period.from, period.to),
        period,
        [...closedSet].filter((d) => d <= lastDay).sort(),
      ),
    });
  }
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
