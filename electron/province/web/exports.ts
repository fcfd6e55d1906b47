import { exportTable, type Cell, type ExportFile } from '#core/exports/table';
import { province } from '#shared/province/i18n';
import type { Overview } from './dashboard';

/** Column headers in Vietnamese: the file is a record for the province's offices. */
const vi = () => province.vi as { export: Record<string, string> };

/**
 * The overview as a table for a spreadsheet: one row a unit, days as real dates, rates as real
 * percentages, counts as numbers; a unit with no data for the period has empty cells, not zeros.
 */
export function overviewTable(overview: Overview) {
  const h = vi().export;
  const columns = [
    'unit',
    'kind',
    'pilot',
    'enrolled',
    'lastDay',
    'silent',
    'expected',
    'actual',
    'onTime',
    'late',
    'extra',
    'rate',
    'onTimeRate',
    'missing',
    'gap',
    'refused',
    'supports',
    'applications',
    'fullyOnline',
  ].map((k) => ({ header: h[k]!, width: k === 'unit' ? 26 : 14 }));
  const pct = (v: number | null): Cell => (v === null ? null : { percent: v });
  const yes = (v: boolean) => (v ? h.yes! : h.no!);
  const rows: Cell[][] = overview.units.map((u) => [
    u.name,
    u.kind === 'ward' ? h.ward! : h.commune!,
    yes(u.pilot),
    yes(u.enrolled),
    u.lastDay ? { day: u.lastDay } : null,
    u.silentWorkingDays,
    u.reporting.expected,
    u.reporting.actual,
    u.reporting.onTime,
    u.reporting.late,
    u.reporting.extra,
    pct(u.reporting.ratePercent),
    pct(u.reporting.onTimePercent),
    u.missingDays,
    u.gap ? u.gap.missing.length : 0,
    u.refusedFiles,
    u.supports,
    u.applications,
    pct(u.fullyOnlinePercent),
  ]);
  return { title: `${h.title} ${overview.period.key}`, columns, rows };
}

export function exportOverview(overview: Overview, format: 'csv' | 'xlsx'): ExportFile {
  return exportTable(overviewTable(overview), format, `tong-hop-${overview.period.key}`);
}
