import type { z } from 'zod';
import type { communeSchema } from '#shared/province/schemas';
import { workingDaysBetween } from '#shared/reports/calendar';
import { computeReport } from '#shared/reports/kpis';
import { resolvePeriod } from '#shared/reports/period';
import { addDays, vnDay } from '#shared/time/vietnam';
import { findUnit } from '../registry';
import { pointRecords } from '../report';
import type { HubDb } from './hub-store';

/**
 * One unit over a year, month by month, from every point it has had (a retired PC's batches
 * still count for the months it served). A month with no closed day has no figures: no data is
 * not zero.
 */
export async function communeDetail(
  db: HubDb,
  unitText: string,
  year: number,
  now: Date,
): Promise<z.output<typeof communeSchema>> {
  const unit = await findUnit(db, unitText);
  const points = await db
    .selectFrom('point')
    .select(['id', 'status', 'first_day', 'retired_at'])
    .where('unit_id', '=', unit.id)
    .execute();
  const heard = points.filter((p) => p.first_day !== null);
  const lastComplete = addDays(vnDay(now), -1);
  const yearPeriod = resolvePeriod({ kind: 'year', key: String(year) });
  const closed = heard.length
    ? await db
        .selectFrom('closed_day')
        .select(['point_id', 'day'])
        .where(
          'point_id',
          'in',
          heard.map((p) => p.id!),
        )
        .where('day', '>=', yearPeriod.from)
        .where('day', '<=', yearPeriod.to)
        .execute()
    : [];
  const records = (await Promise.all(heard.map((p) => pointRecords(db, p.id!, yearPeriod.from, yearPeriod.to)))).flat();
  const closedDays = [...new Set(closed.map((c) => c.day))].sort();
  const expectedIn = (from: string, to: string) => {
    const days = new Set<string>();
    for (const p of heard) {
      const start = p.first_day! > from ? p.first_day! : from;
      const retired = p.retired_at ? vnDay(new Date(p.retired_at)) : null;
      let end = to < lastComplete ? to : lastComplete;
      if (retired && retired < end) end = retired;
      for (const d of workingDaysBetween(start, end, false, [])) days.add(d);
    }
    return days;
  };
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).map((month) => {
    const period = resolvePeriod({ kind: 'month', key: month });
    const days = closedDays.filter((d) => d >= period.from && d <= period.to);
    const expected = expectedIn(period.from, period.to);
    const report = days.length ? computeReport(records, period, days) : null;
    return {
      month,
      closedDays: days.filter((d) => expected.has(d)).length,
      expectedDays: expected.size,
      supports: report ? report.supports.total : null,
      applications: report ? report.applications.total : null,
      fullyOnlinePercent: report ? report.applications.sharePercent : null,
    };
  });
  return {
    name: unit.name,
    kind: unit.kind,
    code: unit.code,
    pilot: unit.pilot === 1,
    enrolled: points.some((p) => p.status === 'active'),
    year,
    months,
    yearReport: closedDays.length ? computeReport(records, yearPeriod, closedDays) : null,
  };
}
