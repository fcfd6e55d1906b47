/** Minutes assumed per citizen until today has a few real service times to learn from. */
export const DEFAULT_SERVICE_MINUTES = 10;
const LEARN_AFTER = 3;

/**
 * Estimated wait from today's real service times: the people ahead shared among the open
 * desks, each taking today's average (a prior of DEFAULT_SERVICE_MINUTES blended in while few
 * visits are finished, so the first estimate of the morning is not wild).
 */
export function estimateWaitMinutes(
  ahead: number,
  serviceMinutesToday: readonly number[],
  openDesks: number,
): number | null {
  if (openDesks <= 0) return null;
  const n = serviceMinutesToday.length;
  const sum = serviceMinutesToday.reduce((a, b) => a + b, 0);
  const average = (sum + DEFAULT_SERVICE_MINUTES * Math.max(0, LEARN_AFTER - n)) / Math.max(n, LEARN_AFTER);
  return Math.round((ahead * average) / openDesks);
}

/**
 * How many will be called before this ticket, from those waiting ahead of it, under the
 * interleaving rule (1 priority after every `k` normal; k = 0 means priority always first).
 */
export function peopleAhead(prioritiesBefore: number, normalsBefore: number, isPriority: boolean, k: number): number {
  if (isPriority) return prioritiesBefore + Math.min(normalsBefore, (prioritiesBefore + 1) * k);
  if (k === 0) return normalsBefore + prioritiesBefore;
  return normalsBefore + Math.min(prioritiesBefore, Math.floor(normalsBefore / k) + 1);
}
