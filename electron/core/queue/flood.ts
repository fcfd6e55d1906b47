import { sql } from 'kysely';
import { AppError } from '#shared/contract';
import { vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { pointKeys } from '../security/keys';
import { audit } from '../settings/audit';
import { changed } from './tickets';

/**
 * Anonymous check-ins one LAN device may make in the window: a tablet at the door on its
 * busiest morning stays below it, a script does not. The point's own kiosk is not limited: it
 * stands in sight of the desk, and a script on the point's own PC would own the PC anyway.
 */
export const CHECKIN_WINDOW_MINUTES = 10;
export const MAX_CHECKINS_PER_DEVICE = 20;
/** All LAN devices together, so hopping addresses does not help. */
export const MAX_CHECKINS_FROM_LAN = 40;

/** The point's own screens by kind; a LAN device by a tag of its address (never the address). */
export function sourceOf(ctx: CoreContext): string {
  return ctx.caller.device === 'lan' ? `lan-${pointKeys(ctx.dataDir).tag(ctx.caller.peer)}` : ctx.caller.device;
}

/**
 * LAN devices' anonymous tickets issued today after `since`. The condition on `source` is written
 * as the partial index `queue_ticket_lan` is defined (a literal, not a parameter), so SQLite can
 * read that index.
 */
export function recentLanCheckIns(db: Db, day: string, since: string) {
  return db
    .selectFrom('queue_ticket')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('day', '=', day)
    .where(sql<boolean>`source like 'lan-%'`)
    .where('issued_at', '>', since)
    .where('walk_in', '=', 0);
}

/**
 * Before an anonymous ticket is made: has this device, or the LAN as a whole, taken too many
 * lately? Staff making walk-ins are not limited. 500 "elderly priority" numbers from one phone
 * would otherwise fill the board and the province's figures.
 */
export async function limitCheckIns(ctx: CoreContext, source: string): Promise<void> {
  if (ctx.caller.role !== 'citizen' || !source.startsWith('lan-')) return;
  const now = ctx.now();
  const since = new Date(now.getTime() - CHECKIN_WINDOW_MINUTES * 60_000).toISOString();
  const recent = recentLanCheckIns(ctx.db, vnDay(now), since);
  const mine = await recent.where('source', '=', source).executeTakeFirstOrThrow();
  const lan = await recent.executeTakeFirstOrThrow();
  if (Number(mine.n) >= MAX_CHECKINS_PER_DEVICE || Number(lan.n) >= MAX_CHECKINS_FROM_LAN) {
    ctx.log.warn(
      { event: 'queue.checkInThrottled', source, recent: Number(mine.n), lan: Number(lan.n) },
      'too many check-ins from one device',
    );
    throw new AppError('too_many_requests', { minutes: CHECKIN_WINDOW_MINUTES });
  }
}

/** Today's waiting tickets by the device that took them, for the desk to spot a flood. */
export async function waitingBySource(ctx: CoreContext) {
  const rows = await ctx.db
    .selectFrom('queue_ticket')
    .select(['id', 'number', 'source', 'issued_at', 'priority'])
    .where('day', '=', vnDay(ctx.now()))
    .where('status', '=', 'waiting')
    .where('walk_in', '=', 0)
    .orderBy('issued_at')
    .execute();
  const groups = new Map<string, typeof rows>();
  for (const r of rows) groups.set(r.source ?? 'kiosk', [...(groups.get(r.source ?? 'kiosk') ?? []), r]);
  return [...groups]
    .map(([source, tickets]) => ({
      source,
      count: tickets.length,
      priority: tickets.filter((t) => t.priority === 1).length,
      first: { number: tickets[0]!.number, at: tickets[0]!.issued_at },
      last: { number: tickets.at(-1)!.number, at: tickets.at(-1)!.issued_at },
    }))
    .sort((a, b) => b.count - a.count);
}

/**
 * Void today's waiting tickets from one device (a flood): they leave the queue, the board and
 * the figures, and are never sent to the province. Tickets already called are not touched.
 */
export async function voidWaiting(ctx: CoreContext, source: string, since: string | null): Promise<number> {
  const at = ctx.now().toISOString();
  let q = ctx.db
    .selectFrom('queue_ticket')
    .select('id')
    .where('day', '=', vnDay(ctx.now()))
    .where('status', '=', 'waiting')
    .where('walk_in', '=', 0);
  q =
    source === 'kiosk'
      ? q.where((eb) => eb.or([eb('source', '=', 'kiosk'), eb('source', 'is', null)]))
      : q.where('source', '=', source);
  if (since) q = q.where('issued_at', '>=', since);
  const ids = (await q.execute()).map((r) => r.id);
  if (!ids.length) return 0;
  await ctx.db
    .updateTable('queue_ticket')
    .set({ status: 'expired', voided_at: at, citizen_name: null, citizen_phone: null, updated_at: at })
    .where('id', 'in', ids)
    .execute();
  await audit(ctx, 'queue.voidFlood', { source, count: ids.length, since });
  ctx.log.warn(
    { event: 'queue.voidFlood', source, count: ids.length, by: ctx.caller.memberId },
    'desk voided a flood of tickets',
  );
  for (const id of ids) changed(ctx, id);
  return ids.length;
}
