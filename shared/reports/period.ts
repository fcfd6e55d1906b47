import { z } from 'zod';
import { addDays, isRealDay } from '../time/vietnam';

/** A reporting period (seed §IV.8.2.c: month, quarter, year), keyed the DHIS2 way. */
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
/** A single day too, for checking figures day by day (the point's screens offer the three above). */
export const ALL_PERIOD_KINDS = ['day', ...PERIOD_KINDS] as const;
export type PeriodKind = (typeof ALL_PERIOD_KINDS)[number];

export const periodInput = z
  .object({
    kind: z.enum(ALL_PERIOD_KINDS),
    /** 'YYYY-MM-DD' · 'YYYY-MM' · 'YYYY-Qn' · 'YYYY' */
    key: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-Q[1-4])?$/, 'reports:problems.period'),
  })
  .refine((p) => periodPattern(p.kind).test(p.key) && (p.kind !== 'day' || isRealDay(p.key)), {
    path: ['key'],
    message: 'reports:problems.period',
  });
export type PeriodInput = z.output<typeof periodInput>;

function periodPattern(kind: PeriodKind): RegExp {
  if (kind === 'day') return /^\d{4}-\d{2}-\d{2}$/;
  return kind === 'month' ? /^\d{4}-\d{2}$/ : kind === 'quarter' ? /^\d{4}-Q[1-4]$/ : /^\d{4}$/;
}

export interface Period extends PeriodInput {
  from: string;
  to: string;
  months: number;
}

/** Last day of a month (1–11): the day before the next month's first. */
function monthEnd(year: number, month: number): string {
  return addDays(`${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
}

export function resolvePeriod(input: PeriodInput): Period {
  if (input.kind === 'day') return { ...input, from: input.key, to: input.key, months: 0 };
  const year = Number(input.key.slice(0, 4));
  const [firstMonth, months] =
    input.kind === 'month'
      ? [Number(input.key.slice(5, 7)), 1]
      : input.kind === 'quarter'
        ? [(Number(input.key.slice(6)) - 1) * 3 + 1, 3]
        : [1, 12];
  const lastMonth = firstMonth + months - 1;
  const to = lastMonth === 12 ? `${year}-12-31` : monthEnd(year, lastMonth);
  return { ...input, from: `${year}-${String(firstMonth).padStart(2, '0')}-01`, to, months };
}

/** The period containing a day, e.g. the current month for today. */
export function periodOf(kind: PeriodKind, day: string): PeriodInput {
  if (kind === 'day') return { kind, key: day };
  const month = Number(day.slice(5, 7));
  const key =
    kind === 'month'
      ? day.slice(0, 7)
      : kind === 'quarter'
        ? `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`
        : day.slice(0, 4);
  return { kind, key };
}

export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}
