import type { z } from 'zod';
import { workingDaysBetween } from '#shared/reports/calendar';
import { resolvePeriod, periodOf, type PeriodInput } from '#shared/reports/period';
import type { overviewSchema, unitRowSchema, targetSchema, rankSchema } from '#shared/province/schemas';
import { PILOT_SPELLING_VARIANTS } from '#shared/settings/communes';
import { addDays, vnDay, vnDayOfInstant } from '#shared/time/vietnam';
import type { ActivityMeasure, Report } from '#shared/reports/kpis';
import { mergeReports } from '#shared/reports/merge';
import { reportsOf } from '../report';
import { overviewsAndClosedDays, type ClosedDay, type UnitOverview as UnitOverviewRow } from '../overview';
import type { HubDb } from './hub-store';

export type Overview = z.output<typeof overviewSchema>;
type UnitRow = z.output<typeof unitRowSchema>;

/** Silent this many working days or more raises an alert (issue 17: "more than two"). */
export const SILENT_ALERT_DAYS = 3;
/** Refused files from one point within a day that make a burst. */
export const REFUSED_BURST = 3;

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** 'YYYY-MM' | 'YYYY-Qn' | 'YYYY' → the shared period input; the current month when absent. */
export function hubPeriodInput(key: string | undefined, today: string): PeriodInput {
  if (!key) return periodOf('month', today);
  return { kind: /^\d{4}$/.test(key) ? 'year' : key.includes('Q') ? 'quarter' : 'month', key };
}

interface PointFacts {
  id: number;
  unitName: string | null;
  firstDay: string | null;
  retiredDay: string | null;
  closed: { day: string; receivedDay: string }[];
}

/** The points heard from, with the days each closed in [from, to] (from the rows the overview read). */
async function pointFacts(db: HubDb, closed: readonly ClosedDay[], from: string, to: string): Promise<PointFacts[]> {
  const points = await db
    .selectFrom('point')
    .leftJoin('unit', 'unit.id', 'point.unit_id')
    .select(['point.id', 'point.first_day', 'point.retired_at', 'point.status', 'unit.name'])
    .where('point.first_received_at', 'is not', null)
    .execute();
  const byPoint = new Map<number, PointFacts['closed']>();
  for (const c of closed) {
    if (c.day < from || c.day > to) continue;
    const list = byPoint.get(c.point_id) ?? [];
    list.push({ day: c.day, receivedDay: vnDayOfInstant(c.received_at) });
    byPoint.set(c.point_id, list);
  }
  return points.map((p) => ({
    id: p.id!,
    unitName: p.name,
    firstDay: p.first_day,
    retiredDay: p.retired_at ? vnDay(new Date(p.retired_at)) : null,
    closed: byPoint.get(p.id!) ?? [],
  }));
}

/**
 * Expected point-days are the working days a point was enrolled and heard from inside the period,
 * up to the last complete day; actual are those it closed, on time when the closing batch came
 * within `timelyDays`. Days closed that were not expected (a Saturday it opened) are `extra`,
 * never added to `actual`, so a rate cannot pass 100% by accident.
 */
function reportingOf(
  facts: PointFacts[],
  from: string,
  to: string,
  timelyDays: number,
  calendar = workingDaysBetween(from, to, false, []),
) {
  let expected = 0,
    actual = 0,
    onTime = 0,
    extra = 0;
  for (const p of facts) {
    const start = p.firstDay && p.firstDay > from ? p.firstDay : from;
    const end = p.retiredDay && p.retiredDay < to ? p.retiredDay : to;
    // The period's calendar is worked out once; each point takes the part it was active.
    const due = new Set(p.firstDay ? calendar.filter((d) => d >= start && d <= end) : []);
    expected += due.size;
    for (const c of p.closed) {
      if (c.day > to) continue;
      if (!due.has(c.day)) extra++;
      else {
        actual++;
        if (c.receivedDay <= addDays(c.day, timelyDays)) onTime++;
      }
    }
  }
  return {
    expected,
    actual,
    onTime,
    late: actual - onTime,
    extra,
    ratePercent: percent(actual, expected),
    onTimePercent: percent(onTime, expected),
  };
}

/** The months of a period that have begun by `until` (a quarter in its second month has two). */
function monthsOf(from: string, to: string, until: string): string[] {
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7) && m <= until.slice(0, 7); m = addDays(`${m}-28`, 7).slice(0, 7))
    months.push(m);
  return months;
}

/**
 * A monthly or weekly minimum over several months is met when it was met every month (the
 * decision asks "tối thiểu 03 buổi/tháng"); the yearly ones are the year's so far.
 */
function combineActivities(
  perMonth: ActivityMeasure[][],
  year: ActivityMeasure[],
  judgeYear: boolean,
): ActivityMeasure[] {
  const kinds = perMonth[0]?.map((a) => a.kind) ?? [];
  const combined = kinds.map((kind, i) => {
    const all = perMonth.map((m) => m[i]!);
    const minimum = all.some((a) => a.minimum === null) ? null : all.reduce((n, a) => n + a.minimum!, 0);
    return {
      kind,
      per: all[0]!.per,
      held: all.reduce((n, a) => n + a.held, 0),
      minimum,
      met: minimum === null ? null : all.every((a) => a.met === true),
    };
  });
  return [...combined, ...year.map((a) => (judgeYear ? a : { ...a, minimum: null, met: null }))];
}

export async function buildOverview(
  db: HubDb,
  input: { period?: string | undefined; until?: string | undefined },
  now: Date,
  timelyDays = 2,
): Promise<Overview> {
  const today = vnDay(now);
  const until = input.until && input.until < today ? input.until : today;
  const period = resolvePeriod(hubPeriodInput(input.period, until));
  // Today is not over: only days before it can be due.
  const lastComplete = addDays(until, -1);
  const to = lastComplete < period.to ? lastComplete : period.to;
  const months = monthsOf(period.from, period.to, until);
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  // The store's overview, month by month (a few grouped queries for all the months), and what reporting needs.
  const [{ overviews, closed }, recentRefused, unknown] = await Promise.all([
    overviewsAndClosedDays(
      db,
      months.map((month) => ({
        month,
        until: month < until.slice(0, 7) ? addDays(resolvePeriod({ kind: 'month', key: month }).to, 1) : until,
      })),
    ),
    db
      .selectFrom('intake')
      .select(['point_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('outcome', '=', 'refused')
      .where('at', '>=', dayAgo)
      .groupBy('point_id')
      .execute(),
    db
      .selectFrom('quarantine')
      .select(['fingerprint', 'commune_name', (eb) => eb.fn.countAll<number>().as('files')])
      .where('reason', '=', 'unknown_key')
      .groupBy(['fingerprint', 'commune_name'])
      .execute(),
  ]);
  // The overview read every closed day from the period's start to `until`: all that reporting counts.
  const facts = await pointFacts(db, closed, period.from, to);
  const latest = overviews.at(-1)?.units ?? [];
  const factsOf = new Map<string, PointFacts[]>();
  for (const f of facts) if (f.unitName) factsOf.set(f.unitName, [...(factsOf.get(f.unitName) ?? []), f]);
  const recentOf = new Map(recentRefused.map((r) => [r.point_id, Number(r.n)]));
  const pointIds = new Map(facts.map((f) => [f.unitName, f.id]));
  const judgeYear = period.kind === 'year';
  const calendar = workingDaysBetween(period.from, to, false, []);

  const rows: UnitRow[] = latest.map((now, i) => {
    const all = overviews.map((o) => o.units[i]!);
    const reporting = reportingOf(factsOf.get(now.unit.name) ?? [], period.from, to, timelyDays, calendar);
    const heard = reporting.actual + reporting.extra > 0;
    const sum = (pick: (u: UnitOverviewRow) => number) => all.reduce((n, u) => n + pick(u), 0);
    const applications = sum((u) => u.applications);
    return {
      name: now.unit.name,
      kind: now.unit.kind,
      code: now.unit.code,
      pilot: now.unit.pilot,
      enrolled: now.point?.status === 'active',
      lastBatchAt: now.lastBatch?.receivedAt ?? null,
      lastDay: now.lastClosedDay,
      silentWorkingDays: now.lastClosedDay ? now.silentWorkingDays : null,
      missingDays: reporting.expected - reporting.actual,
      gap: now.gap,
      refusedFiles: sum((u) => u.refusedFiles),
      reporting,
      supports: heard ? sum((u) => u.supports) : null,
      applications: heard ? applications : null,
      fullyOnlinePercent: heard
        ? percent(
            sum((u) => u.fullyOnline),
            applications,
          )
        : null,
      activities: heard
        ? combineActivities(
            all.map((u) => u.activities.month),
            now.activities.year,
            judgeYear,
          )
        : [],
    };
  });

  const alerts: Overview['alerts'] = [];
  for (const r of rows) {
    if (r.enrolled && r.lastDay === null) alerts.push({ kind: 'never', unit: r.name, count: 0 });
    if (r.silentWorkingDays !== null && r.silentWorkingDays >= SILENT_ALERT_DAYS)
      alerts.push({ kind: 'silent', unit: r.name, count: r.silentWorkingDays });
    if (r.gap) alerts.push({ kind: 'gap', unit: r.name, count: r.gap.missing.length });
    const recent = recentOf.get(pointIds.get(r.name) ?? -1) ?? 0;
    if (recent >= REFUSED_BURST) alerts.push({ kind: 'refused_burst', unit: r.name, count: recent });
  }
  const unnamed = recentOf.get(null as never) ?? 0;
  if (unnamed >= REFUSED_BURST) alerts.push({ kind: 'refused_burst', unit: null, count: unnamed });

  const dueDay = workingDaysBetween(addDays(lastComplete, -14), lastComplete, false, []).at(-1) ?? null;
  const notReported = rows
    .filter((r) => dueDay !== null && (r.lastDay === null || r.lastDay < dueDay))
    .map((r) => ({ name: r.name, enrolled: r.enrolled, lastDay: r.lastDay, silentWorkingDays: r.silentWorkingDays }))
    // Those that went silent first (longest first), then enrolled points never heard from, then units without a point.
    .sort(
      (a, b) =>
        group(a) - group(b) || (b.silentWorkingDays ?? 0) - (a.silentWorkingDays ?? 0) || byName(a.name, b.name),
    );
  const total = (pick: (r: UnitRow) => number | null) => rows.reduce((n, r) => n + (pick(r) ?? 0), 0);
  const totals = {
    supports: total((r) => r.supports),
    applications: total((r) => r.applications),
    fullyOnline: overviews.reduce((n, o) => n + o.units.reduce((m, u) => m + u.fullyOnline, 0), 0),
  };
  const all = reportingOf(facts, period.from, to, timelyDays, calendar);
  const judged =
    rows
      .find((r) => r.activities.length)
      ?.activities.filter((a) => a.minimum !== null)
      .map((a) => a.kind) ?? [];
  return {
    period: { kind: period.kind, key: period.key, from: period.from, to: period.to },
    until,
    timelyDays,
    generatedAt: now.toISOString(),
    reporting: all,
    units: rows,
    alerts,
    notReported,
    dueDay,
    unknownSenders: unknown.map((u) => ({
      fingerprint: u.fingerprint ?? '',
      communeName: u.commune_name ?? '',
      files: Number(u.files),
    })),
    totals: { ...totals, sharePercent: percent(totals.fullyOnline, totals.applications) },
    targets: targets(rows, totals, judgeYear, all),
    ranking: ranking(rows, judged),
    pilotSpellingVariants: { ...PILOT_SPELLING_VARIANTS },
  };
}

/** The overview with the province's full measures for the printed report (every record of the period read once). */
export async function buildReport(
  db: HubDb,
  input: { period?: string | undefined; until?: string | undefined },
  now: Date,
): Promise<Overview & { province: Report }> {
  const overview = await buildOverview(db, input, now);
  const period = resolvePeriod({ kind: overview.period.kind as 'month', key: overview.period.key });
  const lastComplete = addDays(overview.until, -1);
  const [points, closed] = await Promise.all([
    db.selectFrom('point').select('id').orderBy('id').execute(),
    db
      .selectFrom('closed_day')
      .select(['point_id', 'day'])
      .where('day', '>=', period.from)
      .where('day', '<=', lastComplete < period.to ? lastComplete : period.to)
      .execute(),
  ]);
  const daysOf = new Map<number, string[]>();
  for (const c of closed) daysOf.set(c.point_id, [...(daysOf.get(c.point_id) ?? []), c.day]);
  const byPoint = await reportsOf(
    db,
    points.map((p) => p.id!),
    period,
    (id) => (daysOf.get(id) ?? []).sort(),
  );
  const reports = [...byPoint.values()];
  return { ...overview, province: mergeReports(reports, overview.period) };
}

/** Vietnamese alphabetical order; one collator (a locale argument per comparison is slow). */
const byName = new Intl.Collator('vi').compare;
const group = (u: { lastDay: string | null; enrolled: boolean }) => (u.lastDay ? 0 : u.enrolled ? 1 : 2);
const activityMet = (r: UnitRow, kind: string) => r.activities.find((a) => a.kind === kind)?.met === true;

/** The decision's targets (§I.3.2) beside what the points' data can say about each; null = not measurable from it. */
function targets(
  rows: UnitRow[],
  totals: { applications: number; fullyOnline: number },
  year: boolean,
  reporting: Overview['reporting'],
): z.output<typeof targetSchema>[] {
  const all = rows.length;
  const units = (n: number) => ({ value: percent(n, all), of: all, unit: 'units' as const });
  const none = (id: z.output<typeof targetSchema>['id'], section: string, target: string) => ({
    id,
    section,
    target,
    measured: null,
    why: `province:targets.why.${id}`,
  });
  return [
    {
      id: 'team_every_unit',
      section: '3.2.1',
      target: '100%',
      measured: units(rows.filter((r) => r.reporting.actual + r.reporting.extra > 0).length),
      why: null,
    },
    {
      id: 'sessions_monthly',
      section: '3.2.1',
      target: '≥ 3',
      measured: units(rows.filter((r) => activityMet(r, 'support_session')).length),
      why: null,
    },
    {
      id: 'daily_reporting',
      section: '3.2.1',
      target: '100%',
      measured: { value: reporting.ratePercent, of: reporting.expected, unit: 'percent' },
      why: null,
    },
    none('skills_80', '3.2.2', '80%'),
    none('vneid_95', '3.2.2', '95%'),
    none('yearly_30', '3.2.2', '30%'),
    {
      ...none('fully_online_80', '3.2.3', '80%'),
      measured: totals.applications
        ? { value: percent(totals.fullyOnline, totals.applications), of: totals.applications, unit: 'percent' }
        : null,
    },
    none('assisted_70', '3.2.3', '70%'),
    none('pilot_30', '3.2.4', '30'),
    none('scam_households', '3.2.5', '100%'),
    year
      ? {
          id: 'scam_activities',
          section: '3.2.5',
          target: '≥ 2',
          measured: units(rows.filter((r) => activityMet(r, 'scam_awareness')).length),
          why: null,
        }
      : none('scam_activities', '3.2.5', '≥ 2'),
  ];
}

/**
 * §8.2.d asks for a public ranking of how far each unit met its duties. The rule, shown beside
 * it: a duty is met or not (reported every expected working day; every day on time; each of the
 * team's minimums the period judges); rank by duties met, then reporting rate, then timeliness.
 */
export function ranking(rows: UnitRow[], judgedKinds: readonly string[]): z.output<typeof rankSchema>[] {
  const duties = 2 + judgedKinds.length;
  const scored = rows.map((r) => {
    const reportedAll = r.reporting.expected > 0 && r.reporting.actual === r.reporting.expected;
    const allOnTime = r.reporting.expected > 0 && r.reporting.onTime === r.reporting.expected;
    const dutiesMet = Number(reportedAll) + Number(allOnTime) + judgedKinds.filter((k) => activityMet(r, k)).length;
    return {
      name: r.name,
      pilot: r.pilot,
      dutiesMet,
      duties,
      ratePercent: r.reporting.ratePercent,
      onTimePercent: r.reporting.onTimePercent,
      supports: r.supports,
    };
  });
  scored.sort(
    (a, b) =>
      b.dutiesMet - a.dutiesMet ||
      (b.ratePercent ?? -1) - (a.ratePercent ?? -1) ||
      (b.onTimePercent ?? -1) - (a.onTimePercent ?? -1) ||
      byName(a.name, b.name),
  );
  let rank = 0;
  return scored.map((s, i) => {
    const prev = scored[i - 1];
    if (
      !prev ||
      prev.dutiesMet !== s.dutiesMet ||
      prev.ratePercent !== s.ratePercent ||
      prev.onTimePercent !== s.onTimePercent
    )
      rank = i + 1;
    return { rank, ...s };
  });
}
