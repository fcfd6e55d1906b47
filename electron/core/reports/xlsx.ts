import { formatDate } from '#shared/format/vietnamese';
import { vocabulary } from '#shared/logbook/vocabulary-i18n';
import { reports } from '#shared/reports/i18n';
import type { Count, Report } from '#shared/reports/kpis';
import { activityLabel, periodName } from '#shared/reports/labels';
import { exportTable, type Cell, type ExportFile } from '../exports/table';

/** The report as a workbook: one sheet, a section per measure, the same labels as the screen (vi). */
export function reportWorkbook(report: Report, communeName: string): ExportFile {
  const r = reports.vi;
  const v = vocabulary.vi as unknown as Record<string, Record<string, string>>;
  const rows: Cell[][] = [];
  const section = (title: string) => rows.push([title, null, null]);
  const counts = (list: Count[], labels: Record<string, string>) => {
    const total = list.reduce((n, c) => n + c.count, 0);
    for (const c of list)
      rows.push([
        labels[c.key] ?? c.key,
        c.count,
        total ? { percent: Math.round((c.count / total) * 1000) / 10 } : null,
      ]);
  };
  const pct = (n: number | null): Cell => (n === null ? r.notApplicable : { percent: n });
  section(r.sections.summary);
  rows.push(
    [r.summary.supports, report.supports.total, null],
    [r.summary.applications, report.applications.total, null],
    [r.summary.fullyOnline, report.applications.fullyOnline, pct(report.applications.sharePercent)],
    [r.summary.priority, report.priority.supportsWithPriority, null],
    [r.summary.tickets, report.tickets.total, null],
    [r.summary.ticketsPriority, report.tickets.priority, null],
  );
  section(r.sections.helpKinds);
  counts(report.supports.byHelpKind, r.helpKinds);
  section(r.sections.procedures);
  counts(report.supports.byProcedure, v.procedures!);
  section(r.sections.outcomes);
  counts(report.supports.byOutcome, v.outcomes!);
  section(r.sections.priority);
  counts(report.priority.byGroup, v.priorityGroups!);
  section(r.sections.activities);
  for (const a of report.activities) {
    rows.push([
      activityLabel(a, 'vi'),
      a.held,
      a.minimum === null ? r.met.na : `${r.columns.minimum}: ${a.minimum} · ${a.met ? r.met.yes : r.met.no}`,
    ]);
  }
  section(r.sections.duty);
  const d = report.duty;
  rows.push(
    [r.duty.workingDays, d.workingDays, null],
    [r.duty.rosteredDays, d.rosteredDays, null],
    [r.duty.coveredDays, d.coveredDays, pct(d.coveragePercent)],
    [r.duty.shiftsPlanned, d.shiftsPlanned, null],
    [r.duty.shiftsPresent, d.shiftsPresent, null],
  );
  section(r.sections.obstacles);
  if (report.obstacles.length === 0) rows.push([r.noObstacles, null, null]);
  counts(report.obstacles, v.obstacles!);
  const title = `${r.docTitle} – ${communeName} – ${periodName(report.period, 'vi')} (${formatDate(report.period.from)}–${formatDate(report.period.to)})`;
  return exportTable(
    {
      title,
      columns: [
        { header: r.columns.item, width: 60 },
        { header: r.columns.value, width: 14 },
        { header: r.columns.share, width: 28 },
      ],
      rows,
    },
    'xlsx',
    `bao-cao-${report.period.key}-${communeName}`,
  );
}
