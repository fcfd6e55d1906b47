import type { Count, Report } from './kpis';

function sumCounts(lists: Count[][], keepOrder: boolean): Count[] {
  const total = new Map<string, number>();
  for (const list of lists) for (const c of list) total.set(c.key, (total.get(c.key) ?? 0) + c.count);
  const merged = [...total].map(([key, count]) => ({ key, count }));
  return keepOrder
    ? merged
    : merged.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** Province-wide figures: the communes' reports added up, shares recomputed from the sums. */
export function mergeReports(reports: readonly Report[], period: Report['period']): Report {
  const sum = (pick: (r: Report) => number) => reports.reduce((n, r) => n + pick(r), 0);
  const apps = { total: sum((r) => r.applications.total), fullyOnline: sum((r) => r.applications.fullyOnline) };
  const duty = {
    workingDays: sum((r) => r.duty.workingDays),
    rosteredDays: sum((r) => r.duty.rosteredDays),
    coveredDays: sum((r) => r.duty.coveredDays),
    shiftsPlanned: sum((r) => r.duty.shiftsPlanned),
    shiftsPresent: sum((r) => r.duty.shiftsPresent),
  };
  const activities = (reports[0]?.activities ?? []).map((a, i) => {
    const teams = reports.map((r) => r.activities[i]!);
    // Across the province, "met" is the number of teams that met their own minimum.
    return {
      kind: a.kind,
      per: a.per,
      held: teams.reduce((n, t) => n + t.held, 0),
      minimum: a.minimum,
      met: a.minimum === null ? null : teams.every((t) => t.met === true),
    };
  });
  return {
    period,
    supports: {
      total: sum((r) => r.supports.total),
      byHelpKind: sumCounts(
        reports.map((r) => r.supports.byHelpKind),
        true,
      ),
      byProcedure: sumCounts(
        reports.map((r) => r.supports.byProcedure),
        false,
      ),
      byOutcome: sumCounts(
        reports.map((r) => r.supports.byOutcome),
        true,
      ),
      byChannel: sumCounts(
        reports.map((r) => r.supports.byChannel),
        false,
      ),
    },
    applications: { ...apps, sharePercent: percent(apps.fullyOnline, apps.total) },
    priority: {
      supportsWithPriority: sum((r) => r.priority.supportsWithPriority),
      byGroup: sumCounts(
        reports.map((r) => r.priority.byGroup),
        true,
      ),
    },
    activities,
    duty: { ...duty, coveragePercent: percent(duty.coveredDays, duty.workingDays) },
    obstacles: sumCounts(
      reports.map((r) => r.obstacles),
      false,
    ).slice(0, 10),
    tickets: { total: sum((r) => r.tickets.total), priority: sum((r) => r.tickets.priority) },
  };
}
