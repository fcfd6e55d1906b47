/**
 * The growing lock after wrong secrets, one rule for the point's PINs and the province hub's
 * passwords and addresses: `limit` wrong tries in a row lock for 5 minutes, and each next lock
 * (without a good try or a quiet spell between, as the caller decides) is three times longer, up
 * to a day. Pure: the caller reads and saves the state in its own table and transaction.
 */

/** Wrong PINs (or passwords) in a row before a lock. */
export const MAX_WRONG_PINS = 5;
/** The first lock; each next one (without a good PIN between) is three times longer, up to a day. */
export const LOCK_MINUTES = 5;
export const LONGEST_LOCK_MINUTES = 24 * 60;

export function lockMinutes(round: number): number {
  return Math.min(LOCK_MINUTES * 3 ** Math.max(0, round - 1), LONGEST_LOCK_MINUTES);
}

export interface LockState {
  failures: number;
  rounds: number;
  locked_until: string | null;
}

/** Whole minutes left of a lock at `now` (rounded up), or 0 when open. */
export function minutesLocked(state: Pick<LockState, 'locked_until'>, now: Date): number {
  if (!state.locked_until || state.locked_until <= now.toISOString()) return 0;
  return Math.ceil((Date.parse(state.locked_until) - now.getTime()) / 60_000);
}

/**
 * Count one wrong try in `state` (changed in place). At `limit` the count starts again and a
 * lock begins, longer than the one before; its length in minutes is returned, else null.
 */
export function countWrongTry(state: LockState, now: Date, limit = MAX_WRONG_PINS): number | null {
  state.failures++;
  if (state.failures < limit) return null;
  state.failures = 0;
  state.rounds++;
  const minutes = lockMinutes(state.rounds);
  state.locked_until = new Date(now.getTime() + minutes * 60_000).toISOString();
  return minutes;
}
