import { interpolate } from '../i18n/translate';
import { reports } from './i18n';
import type { ActivityMeasure, Report } from './kpis';

type Lng = 'vi' | 'en';

/** "Tháng 11 năm 2026" / "Quý 4 năm 2026" / "Năm 2026" — for places without i18next (core, CLI). */
export function periodName(period: Pick<Report['period'], 'kind' | 'key'>, lng: Lng): string {
  const y = period.key.slice(0, 4);
  const rest = period.key.slice(5);
  if (period.kind === 'day')
    return interpolate(reports[lng].periodLabel.day, { y, m: rest.slice(0, 2), d: rest.slice(3, 5) });
  return interpolate(reports[lng].periodLabel[period.kind as 'month'], {
    y,
    m: String(Number(rest) || rest),
    q: rest.replace('Q', ''),
  });
}

/** Activity kinds the team domain names; the report's own labels. */
export function activityLabel(a: Pick<ActivityMeasure, 'kind'>, lng: Lng): string {
  return (reports[lng].activityKinds as Record<string, string>)[a.kind] ?? a.kind;
}
