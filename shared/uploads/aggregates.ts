import type { FactRecord } from '../reports/kpis';
import { bandCount, type AggregateRow } from './batch';

/**
 * The day's figures as they travel in clear: counts only, small ones banded ("<5"), so a
 * dashboard can show them without opening any record. `supports.total` is always present, so a
 * closed day with no visitors reads as 0, never as missing.
 */
export function dailyFigures(records: readonly FactRecord[], day: string): AggregateRow[] {
  const mine = records.filter((r) => r.day === day);
  const rows: AggregateRow[] = [];
  const add = (measure: string, category: string, n: number) => rows.push({ day, measure, category, value: bandCount(n) });
  const countBy = (measure: string, list: readonly FactRecord[], key: (r: FactRecord) => unknown) => {
    const counts = new Map<string, number>();
    for (const r of list) {
      const k = key(r);
      if (typeof k === 'string' && k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const [k, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) add(measure, k, n);
  };
  const supports = mine.filter((r) => r.entity === 'logbook_entry');
  add('supports', 'total', supports.length);
  countBy('supports.help_kind', supports, (r) => r.clear.helpKind);
  countBy('supports.outcome', supports, (r) => r.clear.outcome);
  countBy('supports.procedure', supports, (r) => r.clear.procedure);
  const tickets = mine.filter((r) => r.entity === 'ticket');
  add('tickets', 'total', tickets.length);
  countBy('activities.held', mine.filter((r) => r.entity === 'activity' && r.clear.status === 'held'), (r) => r.clear.kind);
  add('duty', 'present', mine.filter((r) => r.entity === 'attendance' && r.clear.status === 'present').length);
  return rows;
}
