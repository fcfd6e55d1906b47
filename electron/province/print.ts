import { formatDate, formatDateTime } from '#shared/format/vietnamese';
import { vocabulary } from '#shared/logbook/vocabulary-i18n';
import { reports } from '#shared/reports/i18n';
import { activityLabel, periodName } from '#shared/reports/labels';
import { interpolate } from '#shared/i18n/translate';
import { UNIT_NAMES } from '#shared/settings/communes';
import type { Report } from '#shared/reports/kpis';
import type { ProvinceReport } from './report';

const UNIT_COUNT = UNIT_NAMES.length;

/** Plain-text report for the province's officer, in Vietnamese, from the same labels as the screens. */
export function formatProvinceReport(report: ProvinceReport, lng: 'vi' | 'en' = 'vi'): string {
  const r = reports[lng];
  const c = r.cli;
  const v = vocabulary[lng] as unknown as Record<string, Record<string, string>>;
  const when = (iso: string) => formatDateTime(iso);
  const lines = [
    interpolate(c.title, {
      period: periodName(report.period, lng),
      from: formatDate(report.period.from),
      to: formatDate(report.period.to),
      until: formatDate(report.until),
    }),
    '',
    c.communes,
    c.columns,
  ];
  if (report.points.length === 0) lines.push(c.none);
  for (const p of report.points) {
    const name = `${p.unitName ?? c.noUnit}${p.status === 'retired' ? ` (${c.retired})` : ''}`;
    lines.push(
      [
        p.unitCode ?? c.noCode,
        name,
        p.batches,
        `${p.daysClosed} (${p.daysClosedAutomatically})`,
        p.missingDays.length,
        p.lateDays.length,
        p.lateRecords,
        p.duplicates,
        p.refused.length,
      ].join(' | '),
    );
    if (p.missingDays.length)
      lines.push(
        interpolate(c.missingList, { first: formatDate(p.firstDay!), days: p.missingDays.map(formatDate).join(', ') }),
      );
    if (p.gap) lines.push(interpolate(c.gap, { missing: p.gap.missing.join(', '), held: p.gap.held.join(', ') }));
    for (const x of p.refused)
      lines.push(interpolate(c.refusedLine, { at: when(x.at), label: x.label, reason: x.reason }));
  }
  lines.push('', interpolate(c.silent, { count: report.silentUnits.length, total: UNIT_COUNT }));
  for (const u of report.silentUnits)
    lines.push(`  ${u.code ?? c.noCode} | ${u.name} | ${u.enrolled ? c.silentEnrolled : c.silentNotEnrolled}`);
  if (report.unknownSenders.length) {
    lines.push('', c.unknown);
    for (const u of report.unknownSenders)
      lines.push(
        interpolate(c.unknownLine, {
          fingerprint: u.fingerprint,
          commune: u.communeName,
          files: u.files,
          first: when(u.firstAt),
          last: when(u.lastAt),
        }),
      );
  }
  if (report.refusedUnnamed.length) {
    lines.push('', c.unnamed);
    for (const x of report.refusedUnnamed)
      lines.push(interpolate(c.refusedLine, { at: when(x.at), label: x.label, reason: x.reason }));
  }
  lines.push('', c.province, ...reportLines(report.province, lng, v, true));
  return lines.join('\n');
}

/** `pointDays`: the figures are summed over points, so day counts are point-days and said so. */
function reportLines(
  p: Report,
  lng: 'vi' | 'en',
  v: Record<string, Record<string, string>>,
  pointDays: boolean,
): string[] {
  const r = reports[lng];
  const pct = (n: number | null) => (n === null ? r.notApplicable : `${n}%`);
  const list = (counts: { key: string; count: number }[], labels: Record<string, string>) =>
    counts.map((c) => `    ${labels[c.key] ?? c.key}: ${c.count}`);
  return [
    `  ${r.summary.supports}: ${p.supports.total}`,
    `  ${r.summary.applications}: ${p.applications.total}`,
    `  ${r.summary.fullyOnline}: ${p.applications.fullyOnline}`,
    `  ${r.summary.onlineShare}: ${pct(p.applications.sharePercent)}`,
    `  ${r.summary.priority}: ${p.priority.supportsWithPriority}`,
    `  ${r.sections.helpKinds}`,
    ...list(p.supports.byHelpKind, r.helpKinds),
    `  ${r.sections.procedures}`,
    ...list(p.supports.byProcedure, v.procedures!),
    `  ${r.sections.outcomes}`,
    ...list(p.supports.byOutcome, v.outcomes!),
    `  ${r.sections.priority}`,
    ...list(p.priority.byGroup, v.priorityGroups!),
    `  ${r.sections.activities}`,
    ...p.activities.map((a) => `    ${activityLabel(a, lng)}: ${a.held}${a.minimum === null ? '' : ` / ${a.minimum}`}`),
    `  ${r.sections.duty}`,
    pointDays
      ? interpolate(r.cli.dutyPointDays, {
          working: p.duty.workingDays,
          covered: p.duty.coveredDays,
          coverage: pct(p.duty.coveragePercent),
        })
      : `    ${r.duty.workingDays}: ${p.duty.workingDays} · ${r.duty.coveredDays}: ${p.duty.coveredDays} · ${r.duty.coverage}: ${pct(p.duty.coveragePercent)}`,
    `  ${r.sections.obstacles}`,
    ...list(p.obstacles, v.obstacles!),
  ];
}
