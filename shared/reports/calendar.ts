import { monthCalendar, type ClosedDayOverride } from '../team/holidays';
import { daysBetween } from './period';

/** The point's working days in [from, to], from the team's calendar (weekends, holidays, overrides). */
export function workingDaysBetween(
  from: string,
  to: string,
  saturdayOpen: boolean,
  overrides: readonly ClosedDayOverride[],
): string[] {
  if (to < from) return [];
  const months = [...new Set(daysBetween(from, to).map((d) => d.slice(0, 7)))];
  return months
    .flatMap((m) => monthCalendar(m, saturdayOpen, overrides))
    .filter((d) => d.working && d.day >= from && d.day <= to)
    .map((d) => d.day);
}
