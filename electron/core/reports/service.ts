import { computeReport, type Report } from '#shared/reports/kpis';
import { resolvePeriod, type PeriodInput } from '#shared/reports/period';
import { vnDay } from '#shared/time/vietnam';
import type { Db } from '../db/open';
import { readPointSettings } from '../settings/service';
import { pointFacts } from '../uploads/records';
import { pointWorkingDays } from './calendar';

/**
 * The commune's report, computed from the very records the province receives (the same
 * serialisers, the same pure KPI function), so the two sides cannot drift apart.
 */
export async function pointReport(db: Db, input: PeriodInput, now: Date): Promise<Report> {
  const period = resolvePeriod(input);
  const today = vnDay(now);
  const facts = await pointFacts(db, period.from, period.to);
  // Days before the point was set up are nobody's working days (the province counts from its first batch too).
  const setup = await db.selectFrom('point_setting').select('configured_at').where('id', '=', 1).executeTakeFirst();
  const opened = setup?.configured_at ? vnDay(new Date(setup.configured_at)) : period.from;
  const workingDays = await pointWorkingDays(
    db,
    opened > period.from ? opened : period.from,
    today < period.to ? today : period.to,
  );
  return computeReport(facts, period, workingDays);
}

export async function reportHeading(db: Db) {
  const point = await readPointSettings(db);
  const leader = await db
    .selectFrom('member')
    .select('full_name')
    .where('position', '=', 'leader')
    .where('active', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  return { communeName: point.communeName, pointName: point.pointName, leaderName: leader?.full_name ?? null };
}
