import { sql } from 'kysely';
import type { FigureRow } from '#shared/queue/schemas';
import { HELP_KIND_KEYS, type HelpKind } from '#shared/team/schemas';
import type { Db } from '../db/open';

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/**
 * Waiting time = issue → (last) call, for tickets taken at the kiosk (walk-ins have none);
 * service time = start → finish. Aggregated in SQLite: five years of tickets stay one query.
 */
const wait = sql<number>`(julianday(called_at) - julianday(issued_at)) * 1440`;
const service = sql<number>`(julianday(finished_at) - julianday(served_at)) * 1440`;
const waited = sql`walk_in = 0 and called_at is not null`;
const finished = sql`status = 'finished' and served_at is not null and finished_at is not null`;

function aggregates(db: Db, from: string, to: string) {
  return (
    db
      .selectFrom('queue_ticket')
      .select([
        sql<number>`count(*)`.as('tickets'),
        sql<number>`sum(status = 'finished')`.as('served'),
        sql<number>`sum(status = 'no_show')`.as('no_shows'),
        sql<number | null>`avg(case when ${waited} then ${wait} end)`.as('avg_wait'),
        sql<number | null>`max(case when ${waited} then ${wait} end)`.as('max_wait'),
        sql<number | null>`avg(case when ${finished} then ${service} end)`.as('avg_service'),
      ])
      .where('day', '>=', from)
      .where('day', '<=', to)
      // A flood the desk voided never happened, as far as the figures are concerned.
      .where('voided_at', 'is', null)
  );
}

type Aggregate = {
  tickets: number;
  served: number | null;
  no_shows: number | null;
  avg_wait: number | null;
  max_wait: number | null;
  avg_service: number | null;
};

function toRow(key: string, label: string | null, a: Aggregate | undefined): FigureRow {
  return {
    key,
    label,
    tickets: Number(a?.tickets ?? 0),
    served: Number(a?.served ?? 0),
    noShows: Number(a?.no_shows ?? 0),
    avgWaitMinutes: round1(a?.avg_wait ?? null),
    maxWaitMinutes: round1(a?.max_wait ?? null),
    avgServiceMinutes: round1(a?.avg_service ?? null),
  };
}

export async function queueFigures(db: Db, from: string, to: string) {
  const [total, kinds, members] = await Promise.all([
    aggregates(db, from, to).executeTakeFirst(),
    aggregates(db, from, to).select('help_kind').groupBy('help_kind').execute(),
    aggregates(db, from, to)
      .leftJoin('member', 'member.id', 'queue_ticket.member_id')
      .select(['queue_ticket.member_id', 'member.full_name'])
      .where('queue_ticket.member_id', 'is not', null)
      .groupBy('queue_ticket.member_id')
      .execute(),
  ]);
  const byKind = HELP_KIND_KEYS.map(
    (k) =>
      toRow(
        k,
        null,
        kinds.find((r) => r.help_kind === k),
      ) as FigureRow & { key: HelpKind },
  );
  const byMember = members
    .map((m) => toRow(String(m.member_id), m.full_name, m))
    .sort((a, b) => (a.label ?? '').localeCompare(b.label ?? '', 'vi'));
  return { byKind, byMember, total: toRow('total', null, total) };
}
