import { workingDaysBetween } from '../../shared/reports/calendar';
import { computeReport, type FactRecord, type Report } from '../../shared/reports/kpis';
import { mergeReports } from '../../shared/reports/merge';
import { resolvePeriod, type PeriodInput } from '../../shared/reports/period';
import { addDays, vnDay } from '../../shared/time/vietnam';
import type { ProvinceDb } from './store';

export interface CommuneStatus {
  communeCode: string;
  communeName: string;
  pointId: string;
  batches: number;
  lastSeq: number;
  lastReceivedAt: string | null;
  daysClosed: number;
  /** Working days (Mon–Fri) up to `until` with no closing batch: missing, not zero. */
  missingDays: string[];
  /** Closing batches received more than `timelyDays` after the day they close. */
  lateDays: string[];
  lateRecords: number;
  rejections: number;
  report: Report;
}

export interface ProvinceReport {
  period: Report['period'];
  until: string;
  timelyDays: number;
  communes: CommuneStatus[];
  province: Report;
}

/** The newest version of every record of a point, erased ones left out: what the KPIs read. */
export async function pointRecords(db: ProvinceDb, pointId: string): Promise<FactRecord[]> {
  const rows = await db.selectFrom('record').selectAll().where('point_id', '=', pointId).orderBy('ref').orderBy('version').execute();
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) newest.set(row.ref, row);
  return [...newest.values()]
    .filter((r) => r.erased === 0)
    .map((r) => ({ entity: r.entity, ref: r.ref, day: r.day, clear: JSON.parse(r.clear), categories: JSON.parse(r.categories) }));
}

export async function provinceReport(db: ProvinceDb, input: PeriodInput, until: string, timelyDays = 2): Promise<ProvinceReport> {
  const period = resolvePeriod(input);
  const lastDay = until < period.to ? until : period.to;
  const points = await db.selectFrom('point').selectAll().orderBy('commune_code').execute();
  const communes: CommuneStatus[] = [];
  for (const point of points) {
    const closed = await db.selectFrom('closed_day').selectAll().where('point_id', '=', point.point_id)
      .where('day', '>=', period.from).where('day', '<=', period.to).execute();
    const closedSet = new Set(closed.map((c) => c.day));
    // Expected: Mon–Fri less national holidays; a point's own closing batches add its Saturdays.
    const weekdays = workingDaysBetween(period.from, lastDay, false, []);
    const batches = await db.selectFrom('batch').select(['seq', 'received_at']).where('point_id', '=', point.point_id).orderBy('seq').execute();
    const records = await pointRecords(db, point.point_id);
    const late = await db.selectFrom('record').select((eb) => eb.fn.countAll<number>().as('n')).where('point_id', '=', point.point_id)
      .where('late', '=', 1).where('day', '>=', period.from).where('day', '<=', period.to).executeTakeFirst();
    const rejections = await db.selectFrom('rejection').select((eb) => eb.fn.countAll<number>().as('n')).where('point_id', '=', point.point_id).executeTakeFirst();
    communes.push({
      communeCode: point.commune_code, communeName: point.commune_name, pointId: point.point_id,
      batches: batches.length, lastSeq: point.last_seq, lastReceivedAt: batches.at(-1)?.received_at ?? null,
      daysClosed: closedSet.size,
      missingDays: weekdays.filter((d) => !closedSet.has(d)),
      lateDays: closed.filter((c) => vnDay(new Date(c.received_at)) > addDays(c.day, timelyDays)).map((c) => c.day).sort(),
      lateRecords: Number(late?.n ?? 0),
      rejections: Number(rejections?.n ?? 0),
      // Measures count the days the point declared worked (closed); missing days are listed apart.
      report: computeReport(records, period, [...closedSet].filter((d) => d <= lastDay).sort()),
    });
  }
  const head = { kind: period.kind, key: period.key, from: period.from, to: period.to };
  return { period: head, until, timelyDays, communes, province: mergeReports(communes.map((c) => c.report), head) };
}
