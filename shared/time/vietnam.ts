/**
 * The working day is the day in Vietnam (UTC+7, no daylight saving) whatever the PC's time
 * zone says, so the arithmetic is a fixed offset rather than the host's local time.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of the Vietnamese calendar day containing `at`. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** 'HH:MM' Vietnamese wall-clock time of `at`. */
export function vnTime(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant a Vietnamese day starts. */
export function vnDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS);
}

/** Day of week of a Vietnamese calendar day: 0 = Sunday … 6 = Saturday. */
export function vnWeekday(day: string): number {
  return new Date(`${day}T00:00:00.000Z`).getUTCDay();
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

// Writing days and times for people is shared/format/vietnamese.ts's job.

/** A real calendar day written 'YYYY-MM-DD' between 2000 and 2099 (no 31 November, no year 0). */
export function isRealDay(value: string): boolean {
  const match = /^(20\d{2})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
