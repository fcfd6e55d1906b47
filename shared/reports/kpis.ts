import { OBSTACLES, OUTCOMES, PRIORITY_GROUPS } from '../logbook/vocabulary';
import { MINIMUMS, weeksOfMonth } from '../team/activities';
import { HELP_KIND_KEYS } from '../team/schemas';
import { addDays } from '../time/vietnam';
import { daysBetween, type Period } from './period';

/**
 * The decision's measures, computed the same way on the point (from its own database) and at
 * the province (from the batches it ingested): both sides first turn their data into the same
 * records, then call `computeReport`. Pure: no I/O, no clock.
 */
export interface FactRecord {
  entity: string;
  ref: string;
  day: string;
  /** Coded facts about the service. */
  clear: Record<string, unknown>;
  /** Only the coded categories a measure needs (e.g. priority groups); never names. */
  categories: Record<string, unknown>;
}

export interface Count {
  key: string;
  count: number;
}

export interface ActivityMeasure {
  kind: string;
  held: number;
  per: 'month' | 'week' | 'year';
  /** What the period needs; null when the minimum is yearly and the period shorter (counted, not judged). */
  minimum: number | null;
  met: boolean | null;
}

export interface Report {
  period: { kind: string; key: string; from: string; to: string };
  supports: {
    total: number;
    byHelpKind: Count[];
    byProcedure: Count[];
    byOutcome: Count[];
    byChannel: Count[];
  };
  /** Applications made (filed online, filed with help, referred to the desk) and the share fully online. */
  applications: { total: number; fullyOnline: number; sharePercent: number | null };
  priority: { supportsWithPriority: number; byGroup: Count[] };
  activities: ActivityMeasure[];
  /** Days are the point's working days up to the report day; shifts present = planned members who came. */
  duty: {
    workingDays: number;
    rosteredDays: number;
    coveredDays: number;
    shiftsPlanned: number;
    shiftsPresent: number;
    coveragePercent: number | null;
  };
  obstacles: Count[];
  tickets: { total: number; priority: number };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function tally(values: (string | null)[], order: readonly string[] = []): Count[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count }));
}

/** Biggest first, then by key, so both sides list ties in the same order. */
function ranked(counts: Count[]): Count[] {
  return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** Outcomes that are an application made (the province's overview counts them in SQL too). */
export const APPLICATION_OUTCOMES = new Set(['filed_online', 'filed_with_help', 'referred']);

/**
 * `workingDays`: the point's working days in the period up to the report day (Mon–Fri, and
 * Saturday where the point opens), passed in so both sides use the same calendar.
 */
export function computeReport(records: readonly FactRecord[], period: Period, workingDays: readonly string[]): Report {
  const inPeriod = records.filter((r) => r.day >= period.from && r.day <= period.to);
  const of = (entity: string) => inPeriod.filter((r) => r.entity === entity);
  const supports = of('logbook_entry');
  const outcomes = supports.map((r) => str(r.clear.outcome));
  const applications = outcomes.filter((o) => o && APPLICATION_OUTCOMES.has(o));
  const withPriority = supports.filter((r) => strs(r.categories.priorityGroups).length > 0);

  // The team's own minimums (shared/team/activities.ts); only activities carried out count.
  const done = of('activity').filter((r) => r.clear.status === 'done');
  const weeks = weeksIn(period);
  const activityMeasures: ActivityMeasure[] = MINIMUMS.map((rule) => {
    const mine = done.filter((r) => r.clear.kind === rule.kind);
    const held =
      rule.per === 'week'
        ? weeks.filter((w) => mine.filter((r) => r.day >= w.from && r.day <= w.to).length >= rule.count).length
        : mine.length;
    // A day judges no minimum: it is a slice of a month, counted, not assessed.
    const minimum =
      period.kind === 'day'
        ? null
        : rule.per === 'month'
          ? rule.count * period.months
          : rule.per === 'week'
            ? weeks.length
            : period.months === 12
              ? rule.count
              : null;
    return { kind: rule.kind, per: rule.per, held, minimum, met: minimum === null ? null : held >= minimum };
  });

  const workSet = new Set(workingDays.filter((d) => d >= period.from && d <= period.to));
  // Roster days say how many members were planned; attendance says who came.
  const planned = of('roster_day').filter((r) => workSet.has(r.day));
  const present = of('attendance').filter((r) => workSet.has(r.day));
  const rosteredDays = new Set(planned.filter((r) => num(r.clear.members) > 0).map((r) => r.day));
  const coveredDays = new Set(present.map((r) => r.day));

  const tickets = of('ticket');
  return {
    period: { kind: period.kind, key: period.key, from: period.from, to: period.to },
    supports: {
      total: supports.length,
      byHelpKind: tally(
        supports.flatMap((r) => strs(r.clear.helpKinds)),
        HELP_KIND_KEYS,
      ),
      byProcedure: ranked(tally(supports.map((r) => str(r.clear.procedure)))),
      byOutcome: tally(outcomes, OUTCOMES),
      byChannel: ranked(tally(supports.map((r) => str(r.clear.channel)))),
    },
    applications: {
      total: applications.length,
      fullyOnline: applications.filter((o) => o === 'filed_online').length,
      sharePercent: percent(applications.filter((o) => o === 'filed_online').length, applications.length),
    },
    priority: {
      supportsWithPriority: withPriority.length,
      byGroup: tally(
        supports.flatMap((r) => strs(r.categories.priorityGroups)),
        PRIORITY_GROUPS,
      ),
    },
    activities: activityMeasures,
    duty: {
      workingDays: workSet.size,
      rosteredDays: rosteredDays.size,
      coveredDays: coveredDays.size,
      shiftsPlanned: planned.reduce((n, r) => n + num(r.clear.members), 0),
      // A member signing in twice a day is one shift.
      shiftsPresent: new Set(
        present.filter((r) => r.clear.planned === true).map((r) => `${r.day}|${String(r.clear.member)}`),
      ).size,
      coveragePercent: percent(coveredDays.size, workSet.size),
    },
    obstacles: ranked(
      tally(
        supports.flatMap((r) => strs(r.clear.obstacles)),
        OBSTACLES,
      ),
    ).slice(0, 10),
    tickets: { total: tickets.length, priority: tickets.filter((r) => r.clear.priority === true).length },
  };
}

/** Monday-to-Sunday weeks whose Thursday falls in the period (the team's convention). */
function weeksIn(period: Period): { from: string; to: string }[] {
  if (period.kind === 'day') return [];
  const months = new Set(daysBetween(period.from, period.to).map((d) => d.slice(0, 7)));
  return [...months]
    .flatMap(weeksOfMonth)
    .filter((w) => addDays(w.from, 3) >= period.from && addDays(w.from, 3) <= period.to);
}
