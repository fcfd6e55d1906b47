import type { Assignment, Shift } from './generate';

/** The decision's rule (seed §IV.4.2.b): every working day has 1–3 members on duty. */
export const MIN_ON_DUTY = 1;
export const MAX_ON_DUTY = 3;
/** How long after opening a day with nobody signed in counts as uncovered. */
export const SIGN_IN_GRACE_MINUTES = 60;

export type CoverageState = 'below' | 'ok' | 'above';

export function coverageState(count: number): CoverageState {
  if (count < MIN_ON_DUTY) return 'below';
  return count > MAX_ON_DUTY ? 'above' : 'ok';
}

export interface ShiftCoverage {
  day: string;
  shift: Shift;
  count: number;
  state: CoverageState;
}

/** Each shift of each working day with how many members are planned and whether that is enough. */
export function rosterCoverage(
  workingDays: readonly string[],
  shifts: readonly Shift[],
  assignments: readonly Assignment[],
): ShiftCoverage[] {
  const counts = new Map<string, number>();
  for (const a of assignments) counts.set(`${a.day}|${a.shift}`, (counts.get(`${a.day}|${a.shift}`) ?? 0) + 1);
  return workingDays.flatMap((day) =>
    shifts.map((shift) => {
      const count = counts.get(`${day}|${shift}`) ?? 0;
      return { day, shift, count, state: coverageState(count) };
    }),
  );
}

export type TodayProblem = 'nobody_planned' | 'nobody_signed_in' | null;

/**
 * Whether today is uncovered, for the leader's notice the same morning: nobody planned (known
 * at once), or nobody signed in by SIGN_IN_GRACE_MINUTES after opening. Times are 'HH:MM'.
 */
export function todayProblem(t: {
  working: boolean;
  planned: number;
  signedIn: number;
  openTime: string;
  nowTime: string;
}): TodayProblem {
  if (!t.working) return null;
  if (t.planned === 0) return 'nobody_planned';
  const [h, m] = t.openTime.split(':').map(Number);
  const late = h! * 60 + m! + SIGN_IN_GRACE_MINUTES;
  const [nh, nm] = t.nowTime.split(':').map(Number);
  return t.signedIn === 0 && nh! * 60 + nm! >= late ? 'nobody_signed_in' : null;
}
