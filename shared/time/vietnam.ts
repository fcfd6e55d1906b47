/**
 * The working day is the day in Vietnam (UTC+7, no daylight saving) whatever the PC's time
 * zone says, so the arithmetic is a fixed offset rather than the host's local time.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of the Vietnamese calendar day containing `at`. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * vnDay of an instant stored as an ISO text ('…T…Z', as the stores write them), without a Date
 * for the common form: Vietnam is a whole seven hours ahead, so the UTC hour alone decides
 * whether its day is the next one. Any other text goes through Date.
 */
export function vnDayOfInstant(iso: string): string {
  if (!ISO_INSTANT.test(iso)) return vnDay(new Date(iso));
  const day = iso.slice(0, 10);
  return +iso.slice(11, 13) + 7 >= 24 ? addDays(day, 1) : day;
}

const ISO_INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?Z$/;

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

/**
 * `day` moved by `n` calendar days. Counted in whole days (Howard Hinnant's days-from-civil and
 * civil-from-days, public domain) rather than through a Date: reports call it for every day a
 * point closed, and this is several times cheaper. Days outside years 0000–9999 go through Date.
 */
export function addDays(day: string, n: number): string {
  if (!ISO_DAY.test(day) || !Number.isInteger(n)) return addDaysByDate(day, n);
  const [month, date] = [+day.slice(5, 7), +day.slice(8, 10)];
  // A day that is not in the calendar (month 13, 30 February) is left to Date, as before.
  if (month < 1 || month > 12 || date < 1 || date > 31) return addDaysByDate(day, n);
  const count = dayCount(+day.slice(0, 4), month, date);
  if (date > 28 && dayOfCount(count) !== day) return addDaysByDate(day, n);
  return dayOfCount(count + n);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function addDaysByDate(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function dayCount(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function dayOfCount(count: number): string {
  const z = count + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return addDaysByDate(dayOfCount(0), count);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
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
