import { AppError } from '#shared/contract';
import type { DayClose, OpenItems } from '#shared/logbook/schemas';
import { addDays, vnDay, vnTime } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { pointWorkingDays } from '../reports/calendar';
import { audit } from '../settings/audit';
import { readPointSettings } from '../settings/service';
import { memberNames } from './records';
import { parseJsonColumn } from '../json';
import { carriedColumn, gapsColumn } from './columns';

/** A PC off for longer than this closes the last year of days only. */
const MAX_CATCH_UP_DAYS = 366;

/** Tickets not ended on their day: still waiting or at a desk, or left open when the day ended (`expired`). */
const UNENDED = ['waiting', 'called', 'serving', 'expired'] as const;

type Carried = DayClose['carried'];

/** What is still open on `day`: tickets not ended and entries the desk's finish left incomplete. */
export async function openItems(db: Db, day: string): Promise<OpenItems> {
  const [tickets, entries] = await Promise.all([
    db
      .selectFrom('queue_ticket')
      .leftJoin('member', 'member.id', 'queue_ticket.member_id')
      .select([
        'queue_ticket.id',
        'queue_ticket.number',
        'queue_ticket.status',
        'queue_ticket.help_kind',
        'queue_ticket.desk',
        'queue_ticket.issued_at',
        'member.full_name',
      ])
      .where('queue_ticket.day', '=', day)
      .where('queue_ticket.status', 'in', UNENDED)
      .$narrowType<{ status: (typeof UNENDED)[number] }>()
      .orderBy('queue_ticket.queued_at')
      .orderBy('queue_ticket.id')
      .execute(),
    db
      .selectFrom('logbook_entry')
      .leftJoin('queue_ticket', 'queue_ticket.id', 'logbook_entry.ticket_id')
      .select(['logbook_entry.id', 'logbook_entry.time', 'logbook_entry.gaps', 'queue_ticket.number'])
      .where('logbook_entry.day', '=', day)
      .where('logbook_entry.gaps', '!=', '[]')
      .orderBy('logbook_entry.time')
      .orderBy('logbook_entry.id')
      .execute(),
  ]);
  return {
    day,
    tickets: tickets.map((t) => ({
      id: t.id,
      number: t.number,
      status: t.status,
      helpKind: t.help_kind,
      desk: t.desk,
      memberName: t.full_name,
      issuedAt: t.issued_at,
    })),
    entries: entries.map((e) => ({
      id: e.id,
      time: e.time,
      ticketNumber: e.number,
      gaps: parseJsonColumn(gapsColumn, e.gaps),
    })),
  };
}

const carriedOf = (items: OpenItems): Carried => ({
  tickets: items.tickets.map((t) => ({ id: t.id, number: t.number, status: t.status })),
  entries: items.entries.map((e) => e.id),
});

const sameIds = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

async function insertClose(ctx: CoreContext, day: string, carried: Carried, automatic: boolean): Promise<void> {
  await ctx.db
    .insertInto('logbook_day_close')
    .values({
      day,
      closed_at: ctx.now().toISOString(),
      closed_by: automatic ? null : ctx.caller.memberId,
      automatic: automatic ? 1 : 0,
      carried: JSON.stringify(carried),
      seen_at: null,
      seen_by: null,
    })
    .execute();
  ctx.emit('logbook.changed', { day });
}

/**
 * The official closes a day. They were shown what is still open and chose to carry it: if the
 * day holds anything else now (a ticket taken meanwhile, an entry completed), nothing is closed
 * and they are asked to look again, so the record of what was carried is the truth.
 */
export async function closeDay(
  ctx: CoreContext,
  input: { day: string; carry: { tickets: number[]; entries: number[] } },
): Promise<void> {
  if (input.day > vnDay(ctx.now())) throw new AppError('invalid_input', {}, { day: 'logbook:problems.future' });
  if (await closeOf(ctx.db, input.day))
    throw new AppError('invalid_input', {}, { day: 'logbook:problems.alreadyClosed' });
  const items = await openItems(ctx.db, input.day);
  const carried = carriedOf(items);
  if (
    !sameIds(
      carried.tickets.map((t) => t.id),
      input.carry.tickets,
    ) ||
    !sameIds(carried.entries, input.carry.entries)
  ) {
    throw new AppError('conflict', {
      reason: 'openItemsChanged',
      tickets: carried.tickets.length,
      entries: carried.entries.length,
    });
  }
  await insertClose(ctx, input.day, carried, false);
  await audit(ctx, 'logbook.closeDay', {
    day: input.day,
    carriedTickets: carried.tickets.length,
    carriedEntries: carried.entries.length,
  });
}

/** Working days nobody closed whose next working morning (opening time) has come. */
export async function daysDueForAutoClose(db: Db, now: Date): Promise<string[]> {
  const point = await readPointSettings(db);
  const today = vnDay(now);
  const setup = await db
    .selectFrom('point_setting')
    .select('configured_at')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  let from = vnDay(new Date(setup.configured_at));
  if (from < addDays(today, -MAX_CATCH_UP_DAYS)) from = addDays(today, -MAX_CATCH_UP_DAYS);
  if (from >= today) return [];
  // Far enough ahead to find the next working morning after any day before today (Tết included).
  const working = await pointWorkingDays(db, from, addDays(today, 31));
  const closed = new Set(
    (await db.selectFrom('logbook_day_close').select('day').where('day', '>=', from).execute()).map((r) => r.day),
  );
  const opened = vnTime(now) >= point.openTime;
  return working.filter((day, i) => {
    if (day >= today || closed.has(day)) return false;
    const morning = working[i + 1];
    return morning !== undefined && (morning < today || (morning === today && opened));
  });
}

/** The point closes the days nobody closed, carrying whatever was still open (for the system caller). */
export async function autoCloseDueDays(ctx: CoreContext): Promise<string[]> {
  const due = await daysDueForAutoClose(ctx.db, ctx.now());
  for (const day of due) await insertClose(ctx, day, carriedOf(await openItems(ctx.db, day)), true);
  return due;
}

type CloseRow = {
  day: string;
  closed_at: string;
  closed_by: number | null;
  automatic: number;
  carried: string;
  seen_at: string | null;
};

function toDayClose(row: CloseRow, names: Map<number, string>): DayClose {
  return {
    day: row.day,
    at: row.closed_at,
    byName: row.closed_by === null ? null : (names.get(row.closed_by) ?? null),
    automatic: row.automatic === 1,
    carried: parseJsonColumn(carriedColumn, row.carried),
    seenAt: row.seen_at,
  };
}

/**
 * How a day was closed, for screens, the day book and the batch: by whom and when, or by the
 * point itself; null while open. The format of the province's batch reads the same row.
 */
export async function closeOf(db: Db, day: string, names?: Map<number, string>): Promise<DayClose | null> {
  const row = await db
    .selectFrom('logbook_day_close')
    .select(['day', 'closed_at', 'closed_by', 'automatic', 'carried', 'seen_at'])
    .where('day', '=', day)
    .executeTakeFirst();
  return row ? toDayClose(row, names ?? (await memberNames(db))) : null;
}

/** Automatic closes no official has acknowledged yet, oldest first (the home screen's notice). */
export async function unseenAutoCloses(db: Db): Promise<DayClose[]> {
  const rows = await db
    .selectFrom('logbook_day_close')
    .select(['day', 'closed_at', 'closed_by', 'automatic', 'carried', 'seen_at'])
    .where('automatic', '=', 1)
    .where('seen_at', 'is', null)
    .orderBy('day')
    .limit(60)
    .execute();
  const names = await memberNames(db);
  return rows.map((r) => toDayClose(r, names));
}

/** An official has seen that the point closed these days by itself. */
export async function acknowledgeAutoCloses(ctx: CoreContext, days: string[]): Promise<number> {
  const result = await ctx.db
    .updateTable('logbook_day_close')
    .set({ seen_at: ctx.now().toISOString(), seen_by: ctx.caller.memberId })
    .where('day', 'in', days)
    .where('automatic', '=', 1)
    .where('seen_at', 'is', null)
    .executeTakeFirst();
  const count = Number(result.numUpdatedRows);
  if (count) {
    await audit(ctx, 'logbook.acknowledgeAutoClose', { days });
    ctx.emit('logbook.changed', {});
  }
  return count;
}
