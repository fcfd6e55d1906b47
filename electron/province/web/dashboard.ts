import type { z } from 'zod';
import { workingDaysBetween } from '../../../shared/reports/calendar';
import { resolvePeriod, periodOf, type PeriodInput } from '../../../shared/reports/period';
import type { overviewSchema, unitRowSchema, targetSchema, rankSchema } from '../../../shared/province/schemas';
import { PILOT_SPELLING_VARIANTS } from '../../../shared/settings/communes';
import { addDays, vnDay } from '../../../shared/time/vietnam';
import { provinceReport, type PointStatus } from '../report';
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

async function pointFacts(db: HubDb, from: string, to: string): Promise<PointFacts[]> {
  const points = await db.selectFrom('point').leftJoin('unit', 'unit.id', 'point.unit_id')
    .select(['point.id', 'point.first_day', 'point.retired_at', 'point.status', 'unit.name']).where('point.first_received_at', 'is not', null).execute();
  const closed = await db.selectFrom('closed_day').select(['point_id', 'day', 'received_at']).where('day', '>=', from).where('day', '<=', to).execute();
  const byPoint = new Map<number, PointFacts['closed']>();
  for (const c of closed) {
    const list = byPoint.get(c.point_id) ?? [];
    list.push({ day: c.day, receivedDay: vnDay(new Date(c.received_at)) });
    byPoint.set(c.point_id, list);
  }
  return points.map((p) => ({
    id: p.id!, unitName: p.name, firstDay: p.first_day, retiredDay: p.retired_at ? vnDay(new Date(p.retired_at)) : null, closed: byPoint.get(p.id!) ?? [],
  }));
}

/**
 * Expected point-days are the working days a point was enrolled and heard from inside the period,
 * up to the last complete day; actual are those it closed, on time when the closing batch came
 * within `timelyDays`. Days closed that were not expected (a Saturday it opened) are `extra`,
 * never added to `actual`, so a rate cannot pass 100% by accident.
 */
function reportingOf(facts: PointFacts[], from: string, to: string, timelyDays: number) {
  let expected = 0, actual = 0, onTime = 0, extra = 0;
  for (const p of facts) {
    const start = p.firstDay && p.firstDay > from ? p.firstDay : from;
    const end = p.retiredDay && p.retiredDay < to ? p.retiredDay : to;
    const due = new Set(p.firstDay ? workingDaysBetween(start, end, false, []) : []);
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
  return { expected, actual, onTime, late: actual - onTime, extra, ratePercent: percent(actual, expected), onTimePercent: percent(onTime, expected) };
}

export async function buildOverview(db: HubDb, input: { period?: string | undefined; until?: string | undefined }, now: Date, timelyDays = 2): Promise<Overview> {
  const today = vnDay(now);
  const until = input.until && input.until < today ? input.until : today;
  const period = resolvePeriod(hubPeriodInput(input.period, until));
  // Today is not over: only days before it can be due.
  const lastComplete = addDays(until, -1);
  const to = lastComplete < period.to ? lastComplete : period.to;
  const report = await provinceReport(db, period, lastComplete, timelyDays);
  const facts = await pointFacts(db, period.from, period.to);
  const lastClosed = await db.selectFrom('closed_day').select(['point_id', (eb) => eb.fn.max('day').as('day')]).where('day', '<=', lastComplete).groupBy('point_id').execute();
  const lastDayOf = new Map(lastClosed.map((r) => [r.point_id, String(r.day)]));
  const units = await db.selectFrom('unit').leftJoin('point', (j) => j.onRef('point.unit_id', '=', 'unit.id').on('point.status', '=', 'active'))
    .select(['unit.name', 'unit.kind', 'unit.code', 'unit.pilot', 'point.id as pointId']).orderBy('unit.name').execute();
  const statusOf = new Map<string, PointStatus>();
  for (const s of report.points) if (s.unitName && (s.status === 'active' || !statusOf.has(s.unitName))) statusOf.set(s.unitName, s);
  const factsOf = new Map<string, PointFacts[]>();
  for (const f of facts) if (f.unitName) factsOf.set(f.unitName, [...(factsOf.get(f.unitName) ?? []), f]);
  const dueDay = workingDaysBetween(addDays(lastComplete, -14), lastComplete, false, []).at(-1) ?? null;
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000).toISOString();

  const rows: UnitRow[] = units.map((u) => {
    const s = statusOf.get(u.name);
    const mine = factsOf.get(u.name) ?? [];
    const reporting = reportingOf(mine, period.from, to, timelyDays);
    const lastDay = mine.map((f) => lastDayOf.get(f.id)).filter((d): d is string => !!d).sort().at(-1) ?? null;
    const heard = reporting.actual + reporting.extra > 0;
    return {
      name: u.name, kind: u.kind, code: u.code, pilot: u.pilot === 1, enrolled: u.pointId !== null,
      lastBatchAt: s?.lastReceivedAt ?? null, lastDay,
      silentWorkingDays: lastDay ? workingDaysBetween(addDays(lastDay, 1), lastComplete, false, []).length : null,
      missingDays: s?.missingDays.filter((d) => d <= to).length ?? 0, gap: s?.gap ?? null,
      refusedFiles: s?.refused.length ?? 0, reporting,
      supports: heard && s ? s.report.supports.total : null,
      applications: heard && s ? s.report.applications.total : null,
      fullyOnlinePercent: heard && s ? s.report.applications.sharePercent : null,
      activities: heard && s ? s.report.activities : [],
    };
  });

  const alerts: Overview['alerts'] = [];
  for (const r of rows) {
    if (r.enrolled && r.lastDay === null) alerts.push({ kind: 'never', unit: r.name, count: 0 });
    if (r.silentWorkingDays !== null && r.silentWorkingDays >= SILENT_ALERT_DAYS) alerts.push({ kind: 'silent', unit: r.name, count: r.silentWorkingDays });
    if (r.gap) alerts.push({ kind: 'gap', unit: r.name, count: r.gap.missing.length });
    const recent = statusOf.get(r.name)?.refused.filter((f) => f.at >= dayAgo).length ?? 0;
    if (recent >= REFUSED_BURST) alerts.push({ kind: 'refused_burst', unit: r.name, count: recent });
  }
  const unnamed = report.refusedUnnamed.filter((f) => f.at >= dayAgo).length;
  if (unnamed >= REFUSED_BURST) alerts.push({ kind: 'refused_burst', unit: null, count: unnamed });

  const notReported = rows.filter((r) => dueDay !== null && (r.lastDay === null || r.lastDay < dueDay))
    .map((r) => ({ name: r.name, enrolled: r.enrolled, lastDay: r.lastDay, silentWorkingDays: r.silentWorkingDays }))
    // Those that went silent first (longest first), then enrolled points never heard from, then units without a point.
    .sort((a, b) => group(a) - group(b) || (b.silentWorkingDays ?? 0) - (a.silentWorkingDays ?? 0) || a.name.localeCompare(b.name, 'vi'));

  return {
    period: report.period, until, timelyDays, generatedAt: now.toISOString(),
    reporting: reportingOf(facts, period.from, to, timelyDays),
    units: rows, alerts, notReported, dueDay,
    unknownSenders: report.unknownSenders.map((u) => ({ fingerprint: u.fingerprint, communeName: u.communeName, files: u.files })),
    province: report.province,
    targets: targets(rows, report.province, period.kind, reportingOf(facts, period.from, to, timelyDays)),
    ranking: ranking(rows, report.province.activities.filter((a) => a.minimum !== null).map((a) => a.kind)),
    pilotSpellingVariants: { ...PILOT_SPELLING_VARIANTS },
  };
}

const group = (u: { lastDay: string | null; enrolled: boolean }) => (u.lastDay ? 0 : u.enrolled ? 1 : 2);
const activityMet = (r: UnitRow, kind: string) => r.activities.find((a) => a.kind === kind)?.met === true;

/** The decision's targets (§I.3.2) beside what the points' data can say about each; null = not measurable from it. */
function targets(rows: UnitRow[], province: Overview['province'], kind: string, reporting: Overview['reporting']): z.output<typeof targetSchema>[] {
  const all = rows.length;
  const units = (n: number) => ({ value: percent(n, all), of: all, unit: 'units' as const });
  const none = (id: z.output<typeof targetSchema>['id'], section: string, target: string) => ({ id, section, target, measured: null, why: `province:targets.why.${id}` });
  return [
    { id: 'team_every_unit', section: '3.2.1', target: '100%', measured: units(rows.filter((r) => r.reporting.actual + r.reporting.extra > 0).length), why: null },
    { id: 'sessions_monthly', section: '3.2.1', target: '≥ 3', measured: units(rows.filter((r) => activityMet(r, 'support_session')).length), why: null },
    { id: 'daily_reporting', section: '3.2.1', target: '100%', measured: { value: reporting.ratePercent, of: reporting.expected, unit: 'percent' }, why: null },
    none('skills_80', '3.2.2', '80%'),
    none('vneid_95', '3.2.2', '95%'),
    none('yearly_30', '3.2.2', '30%'),
    { ...none('fully_online_80', '3.2.3', '80%'), measured: province.applications.total ? { value: province.applications.sharePercent, of: province.applications.total, unit: 'percent' } : null },
    none('assisted_70', '3.2.3', '70%'),
    none('pilot_30', '3.2.4', '30'),
    none('scam_households', '3.2.5', '100%'),
    kind === 'year'
      ? { id: 'scam_activities', section: '3.2.5', target: '≥ 2', measured: units(rows.filter((r) => activityMet(r, 'scam_awareness')).length), why: null }
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
    return { name: r.name, pilot: r.pilot, dutiesMet, duties, ratePercent: r.reporting.ratePercent, onTimePercent: r.reporting.onTimePercent, supports: r.supports };
  });
  scored.sort((a, b) => b.dutiesMet - a.dutiesMet || (b.ratePercent ?? -1) - (a.ratePercent ?? -1) || (b.onTimePercent ?? -1) - (a.onTimePercent ?? -1) || a.name.localeCompare(b.name, 'vi'));
  let rank = 0;
  return scored.map((s, i) => {
    const prev = scored[i - 1];
    if (!prev || prev.dutiesMet !== s.dutiesMet || prev.ratePercent !== s.ratePercent || prev.onTimePercent !== s.onTimePercent) rank = i + 1;
    return { rank, ...s };
  });
}
