import { workingDaysBetween } from '#shared/reports/calendar';
import type { Db } from '../db/open';
import { readPointSettings } from '../settings/service';

/** The point's working days in [from, to]: its opening pattern, holidays and the team's overrides. */
export async function pointWorkingDays(db: Db, from: string, to: string): Promise<string[]> {
  const point = await readPointSettings(db);
  const overrides = await db
    .selectFrom('closed_day')
    .select(['day', 'kind', 'reason'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return workingDaysBetween(from, to, point.saturdayOpen, overrides);
}
