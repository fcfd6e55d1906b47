import type { BoardView } from '#shared/queue/schemas';
import { HELP_KIND_KEYS } from '#shared/team/schemas';
import { vnDay } from '#shared/time/vietnam';
import type { Db } from '../db/open';
import { readPointRow } from '../settings/service';

const RECENT = 6;
const MISSED = 8;

/** What the board shows: numbers, desks and counts only; never a name. */
export async function boardView(db: Db, now: Date): Promise<BoardView> {
  const day = vnDay(now);
  const calls = await db
    .selectFrom('queue_call')
    .select(['id', 'ticket_id', 'number', 'desk', 'at', 'priority'])
    .where('day', '=', day)
    .orderBy('id', 'desc')
    .limit(40)
    .execute();
  // A recall moves the number back to the top instead of listing it twice.
  const seen = new Set<number>();
  const distinct = calls.filter((c) => !seen.has(c.ticket_id) && seen.add(c.ticket_id));
  const list = distinct
    .slice(0, RECENT + 1)
    .map((c) => ({ id: c.id, number: c.number, desk: c.desk, at: c.at, priority: c.priority === 1 }));
  const counts = await db
    .selectFrom('queue_ticket')
    .select(['help_kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('day', '=', day)
    .where('status', '=', 'waiting')
    .groupBy('help_kind')
    .execute();
  const missed = await db
    .selectFrom('queue_ticket')
    .select(['id', 'number', 'finished_at'])
    .where('day', '=', day)
    .where('status', '=', 'no_show')
    .orderBy('finished_at', 'desc')
    .limit(MISSED)
    .execute();
  const point = await readPointRow(db);
  return {
    missed: missed.map((m) => ({ id: m.id, number: m.number, at: m.finished_at ?? '' })),
    pointName: point?.point_name ?? null,
    current: list[0] ?? null,
    recent: list.slice(1),
    waiting: HELP_KIND_KEYS.map((k) => ({ helpKind: k, count: Number(counts.find((c) => c.help_kind === k)?.n ?? 0) })),
  };
}
