import type { FigureRow } from '../../../shared/queue/schemas';
import { HELP_KIND_KEYS, type HelpKind } from '../../../shared/team/schemas';
import type { Db } from '../db/open';

interface Visit {
  help_kind: string;
  member_id: number | null;
  member_name: string | null;
  status: string;
  walk_in: number;
  issued_at: string;
  called_at: string | null;
  served_at: string | null;
  finished_at: string | null;
}

const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/**
 * Waiting time = issue → (last) call, for tickets taken at the kiosk; service time = start →
 * finish. Walk-ins count as visits but have no waiting time.
 */
export function summarise(key: string, label: string | null, visits: readonly Visit[]): FigureRow {
  const waits = visits.filter((v) => v.walk_in === 0 && v.called_at).map((v) => minutes(v.issued_at, v.called_at!));
  const services = visits.filter((v) => v.status === 'finished' && v.served_at && v.finished_at).map((v) => minutes(v.served_at!, v.finished_at!));
  return {
    key, label, tickets: visits.length,
    served: visits.filter((v) => v.status === 'finished').length,
    noShows: visits.filter((v) => v.status === 'no_show').length,
    avgWaitMinutes: mean(waits), maxWaitMinutes: waits.length ? round1(Math.max(...waits)) : null,
    avgServiceMinutes: mean(services),
  };
}

export async function queueFigures(db: Db, from: string, to: string) {
  const visits = await db.selectFrom('queue_ticket').leftJoin('member', 'member.id', 'queue_ticket.member_id')
    .select(['help_kind', 'member_id', 'member.full_name as member_name', 'status', 'walk_in', 'issued_at', 'called_at', 'served_at', 'finished_at'])
    .where('day', '>=', from).where('day', '<=', to).execute();
  const byKind = HELP_KIND_KEYS.map((k) => summarise(k, null, visits.filter((v) => v.help_kind === k)) as FigureRow & { key: HelpKind });
  const members = new Map<number, string>();
  for (const v of visits) if (v.member_id !== null) members.set(v.member_id, v.member_name ?? '');
  const byMember = [...members].map(([id, name]) => summarise(String(id), name, visits.filter((v) => v.member_id === id)))
    .sort((a, b) => (a.label ?? '').localeCompare(b.label ?? '', 'vi'));
  return { byKind, byMember, total: summarise('total', null, visits) };
}
