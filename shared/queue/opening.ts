import { vnDay, vnTime } from '../time/vietnam';

/** The point's hours on a working day, 'HH:MM' in Vietnam's time. */
export interface OpeningHours {
  openTime: string;
  closeTime: string;
}

export type OpeningState =
  | { open: true; closesAt: string }
  /** `opensAt` null: no working day in the days looked at (a long closure set by the point). */
  | { open: false; opensAt: { day: string; time: string } | null };

/**
 * Whether citizens can take a number now, and if not when they can: open on a working day from
 * the opening time until the closing time. `workingDays` are the working days from today on, in
 * order (weekends, holidays and the point's closed days already left out).
 */
export function openingState(now: Date, hours: OpeningHours, workingDays: readonly string[]): OpeningState {
  const today = vnDay(now);
  const time = vnTime(now);
  const todayWorks = workingDays.includes(today);
  if (todayWorks && time >= hours.openTime && time < hours.closeTime) return { open: true, closesAt: hours.closeTime };
  const next = workingDays.find((day) => day > today || (day === today && time < hours.openTime));
  return { open: false, opensAt: next ? { day: next, time: hours.openTime } : null };
}

/** Minutes from `now` to today's 'HH:MM' in Vietnam's time (negative once past). */
export function minutesUntil(now: Date, time: string): number {
  const [h, m] = time.split(':').map(Number);
  const [nh, nm] = vnTime(now).split(':').map(Number);
  return h! * 60 + m! - (nh! * 60 + nm!) - now.getUTCSeconds() / 60;
}
