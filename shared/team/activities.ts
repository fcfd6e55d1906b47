import { addDays, vnWeekday } from '../time/vietnam';
import { daysOfMonth } from './holidays';

/** Activities the decision names; `minimum` is what the province checks (null: none set). */
export const ACTIVITY_KINDS = [
  'support_session', // §I.3.2.1: at least 3 support sessions a month at the point
  'training_class', // §IV.3.2.a: at least 1 class a month
  'online_service_day', // §IV.4.2.d: the monthly "online public service day"
  'digital_skill', // §IV.1.2.b: "one digital skill a week"
  'scam_awareness', // §IV.6.2.a: at least 2 a year
  'door_to_door', // §III.1: "đi từng ngõ, gõ từng nhà" campaigns in a village
  'political_system', // §IV.2: sessions for the commune's political-system bodies
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export type MinimumRule =
  | { kind: ActivityKind; per: 'month'; count: number }
  | { kind: ActivityKind; per: 'week'; count: number }
  | { kind: ActivityKind; per: 'year'; count: number };

export const MINIMUMS: readonly MinimumRule[] = [
  { kind: 'support_session', per: 'month', count: 3 },
  { kind: 'training_class', per: 'month', count: 1 },
  { kind: 'online_service_day', per: 'month', count: 1 },
  { kind: 'digital_skill', per: 'week', count: 1 },
  { kind: 'scam_awareness', per: 'year', count: 2 },
];

export interface ActivityFacts {
  kind: ActivityKind;
  day: string;
  status: ActivityStatus;
}

export type MinimumState = 'met' | 'planned' | 'missing';

export interface MinimumCheck {
  kind: ActivityKind;
  per: 'month' | 'week' | 'year';
  /** What is needed in the period (weeks: one per week, so the number of weeks). */
  required: number;
  done: number;
  /** Done plus still planned: whether the plan, if carried out, meets the minimum. */
  plannedOrDone: number;
  state: MinimumState;
}

function stateOf(required: number, done: number, plannedOrDone: number): MinimumState {
  if (done >= required) return 'met';
  return plannedOrDone >= required ? 'planned' : 'missing';
}

function count(list: readonly ActivityFacts[], kind: ActivityKind, inRange: (day: string) => boolean) {
  const mine = list.filter((a) => a.kind === kind && inRange(a.day));
  const done = mine.filter((a) => a.status === 'done').length;
  return { done, plannedOrDone: done + mine.filter((a) => a.status === 'planned').length };
}

/** The Monday-to-Sunday weeks of a month: those whose Thursday falls in it (ISO convention). */
export function weeksOfMonth(month: string): { from: string; to: string }[] {
  return daysOfMonth(month)
    .filter((day) => vnWeekday(day) === 4)
    .map((thursday) => ({ from: addDays(thursday, -3), to: addDays(thursday, 3) }));
}

/** The month's minimums. `activities` should include the days of the weeks overlapping it. */
export function monthMinimums(month: string, activities: readonly ActivityFacts[]): MinimumCheck[] {
  const inMonth = (day: string) => day.startsWith(month);
  return MINIMUMS.filter((r) => r.per !== 'year').map((rule) => {
    if (rule.per === 'week') {
      const weeks = weeksOfMonth(month).map((w) => count(activities, rule.kind, (d) => w.from <= d && d <= w.to));
      const done = weeks.filter((w) => w.done >= rule.count).length;
      const plannedOrDone = weeks.filter((w) => w.plannedOrDone >= rule.count).length;
      return {
        kind: rule.kind,
        per: 'week',
        required: weeks.length,
        done,
        plannedOrDone,
        state: stateOf(weeks.length, done, plannedOrDone),
      };
    }
    const c = count(activities, rule.kind, inMonth);
    return {
      kind: rule.kind,
      per: 'month',
      required: rule.count,
      ...c,
      state: stateOf(rule.count, c.done, c.plannedOrDone),
    };
  });
}

export interface YearCheck extends MinimumCheck {
  /** For monthly and weekly rules: months of the year so far whose minimum was met. */
  monthsMet?: number;
  monthsCounted?: number;
}

/**
 * The year's view: yearly rules counted over the year; monthly and weekly rules as the number
 * of months up to and including `throughMonth` that met them.
 */
export function yearMinimums(year: number, throughMonth: string, activities: readonly ActivityFacts[]): YearCheck[] {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (m) => m <= throughMonth,
  );
  const perMonth = months.map((m) => monthMinimums(m, activities));
  return MINIMUMS.map((rule): YearCheck => {
    if (rule.per === 'year') {
      const c = count(activities, rule.kind, (d) => d.startsWith(`${year}-`));
      return {
        kind: rule.kind,
        per: 'year',
        required: rule.count,
        ...c,
        state: stateOf(rule.count, c.done, c.plannedOrDone),
      };
    }
    const checks = perMonth.map((list) => list.find((c) => c.kind === rule.kind)!);
    const met = checks.filter((c) => c.state === 'met').length;
    const plannedOrMet = checks.filter((c) => c.state !== 'missing').length;
    return {
      kind: rule.kind,
      per: rule.per,
      required: months.length,
      done: met,
      plannedOrDone: plannedOrMet,
      state: stateOf(months.length, met, plannedOrMet),
      monthsMet: met,
      monthsCounted: months.length,
    };
  });
}
