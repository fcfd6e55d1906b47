import { openingState, type OpeningHours, type OpeningState } from '#shared/queue/opening';
import { dayStatus, type ClosedDayOverride } from '#shared/team/holidays';
import { addDays, vnDay } from '#shared/time/vietnam';
import type { Db } from '../db/open';
import { calendarOf } from '../team/roster';

/** Months looked ahead for the next opening: enough for Tết and a closure the point set. */
const MONTHS_AHEAD = 3;

/** Open now, or when next, from the point's hours and the roster's calendar (holidays, closed days). */
export async function openingNow(db: Db, now: Date): Promise<OpeningState> {
  const today = vnDay(now);
  let month = today.slice(0, 7);
  const working: string[] = [];
  let state: OpeningState = { open: false, opensAt: null };
  for (let i = 0; i < MONTHS_AHEAD; i++) {
    const { point, days } = await calendarOf(db, month);
    working.push(...days.filter((d) => d.working && d.day >= today).map((d) => d.day));
    state = openingState(now, point, working);
    if (state.open || state.opensAt) return state;
    month = addDays(`${month}-01`, 32).slice(0, 7);
  }
  return state;
}

/**
 * Open now or not, and until when, from what a check-in has already read: the point's hours and
 * today's own decision, if any (`openingNow` also finds the next opening, for the kiosk).
 */
export function openingToday(
  now: Date,
  point: OpeningHours & { saturdayOpen: boolean },
  override: Omit<ClosedDayOverride, 'day'> | null,
): OpeningState {
  const today = vnDay(now);
  const status = dayStatus(today, point.saturdayOpen, override ? { day: today, ...override } : undefined);
  return openingState(now, point, status.working ? [today] : []);
}
