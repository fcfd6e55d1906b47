import { formatDate } from '../../shared/format/vietnamese';
import { vocabulary } from '../../shared/logbook/vocabulary-i18n';
import { reports } from '../../shared/reports/i18n';
import { activityLabel, periodName } from '../../shared/reports/labels';
import { interpolate } from '../../shared/i18n/translate';
import type { Report } from '../../shared/reports/kpis';
import type { ProvinceReport } from './report';

/** Plain-text report for the province's officer, in Vietnamese, from the same labels as the screens. */
export function formatProvinceReport(report: ProvinceReport, lng: 'vi' | 'en' = 'vi'): string {
  const r = reports[lng];
  const v = vocabulary[lng] as unknown as Record<string, Record<string, string>>;
  const lines = [
    interpolate(r.cli.title, { period: periodName(report.period, lng), from: formatDate(report.period.from), to: formatDate(report.period.to), until: formatDate(report.until) }),
    '',
    r.cli.communes,
    r.cli.columns,
  ];
  if (report.communes.length === 0) lines.push(r.cli.none);
  for (const c of report.communes) {
    lines.push([c.communeCode, c.communeName, c.batches, c.daysClosed, c.missingDays.length, c.lateDays.length, c.lateRecords, c.rejections].join(' | '));
    if (c.missingDays.length) lines.push(interpolate(r.cli.missingList, { days: c.missingDays.map(formatDate).join(', ') }));
  }
  lines.push('', r.cli.province, ...reportLines(report.province, lng, v));
  return lines.join('\n');
}

function reportLines(p: Report, lng: 'vi' | 'en', v: Record<string, Record<string, string>>): string[] {
  const r = reports[lng];
  const pct = (n: number | null) => (n === null ? r.notApplicable : `${n}%`);
  const list = (counts: { key: string; count: number }[], labels: Record<string, string>) => counts.map((c) => `    ${labels[c.key] ?? c.key}: ${c.count}`);
  return [
    `  ${r.summary.supports}: ${p.supports.total}`,
    `  ${r.summary.applications}: ${p.applications.total}`,
    `  ${r.summary.fullyOnline}: ${p.applications.fullyOnline}`,
    `  ${r.summary.onlineShare}: ${pct(p.applications.sharePercent)}`,
    `  ${r.summary.priority}: ${p.priority.supportsWithPriority}`,
    `  ${r.sections.helpKinds}`, ...list(p.supports.byHelpKind, r.helpKinds),
    `  ${r.sections.procedures}`, ...list(p.supports.byProcedure, v.procedures!),
    `  ${r.sections.outcomes}`, ...list(p.supports.byOutcome, v.outcomes!),
    `  ${r.sections.priority}`, ...list(p.priority.byGroup, v.priorityGroups!),
    `  ${r.sections.activities}`,
    ...p.activities.map((a) => `    ${activityLabel(a, lng)}: ${a.held}${a.minimum === null ? '' : ` / ${a.minimum}`}`),
    `  ${r.sections.duty}`,
    `    ${r.duty.workingDays}: ${p.duty.workingDays} · ${r.duty.coveredDays}: ${p.duty.coveredDays} · ${r.duty.coverage}: ${pct(p.duty.coveragePercent)}`,
    `  ${r.sections.obstacles}`, ...list(p.obstacles, v.obstacles!),
  ];
}
