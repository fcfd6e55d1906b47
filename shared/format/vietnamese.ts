/**
 * The one place dates, times and numbers become text, for screens, printed pages and exports.
 *
 * Always the Vietnamese way whatever the PC's locale or time zone: dd/mm/yyyy, 24-hour time in
 * the point's time zone (Asia/Ho_Chi_Minh, UTC+7 with no daylight saving, so a fixed offset),
 * "." between thousands and "," before decimals. No `Intl` or `toLocale*`: their output depends
 * on the ICU data and the host's settings; `npm run lint` refuses them outside this folder.
 */
import { vnDay } from '../time/vietnam';

export const POINT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A moment: a Date, an ISO 8601 string with its zone ('…Z'), or epoch milliseconds. */
export type Instant = Date | string | number;

function toDate(at: Instant): Date | null {
  const date = at instanceof Date ? at : new Date(at);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The Vietnamese wall clock of `at` as UTC fields (read with getUTC*). */
function wallClock(at: Date): Date {
  return new Date(at.getTime() + OFFSET_MS);
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * 'dd/mm/yyyy'. A calendar day 'YYYY-MM-DD' is written as it is; a moment is first placed in
 * Vietnam's day. Anything unreadable gives ''.
 */
export function formatDate(value: string | Instant): string {
  const day =
    typeof value === 'string' && DAY.test(value)
      ? value
      : (() => {
          const d = toDate(value);
          return d ? vnDay(d) : null;
        })();
  const match = day ? DAY.exec(day) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** 'dd/mm', for a column header or a short list where the year is plain. */
export function formatDayMonth(day: string): string {
  return formatDate(day).slice(0, 5);
}

/** 'mm/yyyy' of a month 'YYYY-MM'. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${match[2]}/${match[1]}` : '';
}

/** 'HH:MM' (or 'HH:MM:SS'), 24-hour, Vietnam's time. */
export function formatTime(at: Instant, options: { seconds?: boolean } = {}): string {
  const date = toDate(at);
  if (!date) return '';
  const w = wallClock(date);
  const hm = `${two(w.getUTCHours())}:${two(w.getUTCMinutes())}`;
  return options.seconds ? `${hm}:${two(w.getUTCSeconds())}` : hm;
}

/** 'dd/mm/yyyy HH:MM', Vietnam's time. */
export function formatDateTime(at: Instant): string {
  const date = toDate(at);
  return date ? `${formatDate(date)} ${formatTime(date)}` : '';
}

/** 'dd/mm/yyyy – dd/mm/yyyy', or one date when both ends are the same day. */
export function formatDateRange(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

/** 1.234.567 and 12,5: at most `fractionDigits` decimals, trailing zeros dropped. */
export function formatNumber(n: number, fractionDigits = 0): string {
  if (!Number.isFinite(n)) return '';
  const scale = 10 ** fractionDigits;
  const rounded = Math.round(Math.abs(n) * scale) / scale;
  const [whole, fraction = ''] = String(rounded.toFixed(fractionDigits)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = fraction.replace(/0+$/, '');
  const sign = n < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/** '12,5%' of a percentage already scaled to 0–100. */
export function formatPercent(percent: number, fractionDigits = 1): string {
  return Number.isFinite(percent) ? `${formatNumber(percent, fractionDigits)}%` : '';
}

/** '1,5 MB' or '12 KB'. */
export function formatBytes(bytes: number): string {
  return bytes >= 2 ** 20
    ? `${formatNumber(bytes / 2 ** 20, 1)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/**
 * The parts of the date line of an administrative document, "…, ngày 05 tháng 3 năm 2026":
 * Decree 30/2020/NĐ-CP, Appendix I, writes a day below 10 and the months 1 and 2 with a leading
 * zero, and the other months without one.
 */
export function dateLineParts(day: string): { d: string; m: string; y: string } {
  const match = DAY.exec(day);
  if (!match) return { d: '', m: '', y: '' };
  const m = Number(match[2]);
  return { d: match[3]!, m: m <= 2 ? two(m) : String(m), y: match[1]! };
}

/**
 * A date typed by a person, 'd/m/yyyy' (also with '-', '.' or spaces, or 'ddmmyyyy'), as
 * 'YYYY-MM-DD'; null when it is not a real calendar day.
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const match = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!match) return null;
  const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${two(m)}-${two(d)}`;
}

/** A time typed by a person, '7:30', '07:30', '7h30', '0730' or '7', as 'HH:MM'; null if none. */
export function parseTime(text: string): string | null {
  const t = text.trim().toLowerCase();
  const match = /^(\d{1,2})\s*(?:[:h.]\s*(\d{1,2})?)?$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t);
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2] ?? 0)];
  return h <= 23 && m <= 59 ? `${two(h)}:${two(m)}` : null;
}

/** How a date and a time are written, for hints and placeholders. */
export const DATE_PATTERN = 'dd/mm/yyyy';
export const TIME_PATTERN = 'HH:MM';
