import type { Selectable } from 'kysely';
import { AppError } from '#shared/contract';
import { OPEN_STATUSES, type StaffTicket } from '#shared/queue/schemas';
import { addDays, vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { recordForProvince } from '../uploads/outbox';
import { releaseDesksOffDuty } from './duty';
import type { QueueTicketTable } from './schema';
import { parseJsonColumn } from '../json';
import { priorityGroupsColumn } from './columns';

type TicketRow = Selectable<QueueTicketTable> & { member_name: string | null };

export function toStaffTicket(row: TicketRow): StaffTicket {
  return {
    id: row.id,
    day: row.day,
    number: row.number,
    helpKind: row.help_kind,
    procedure: row.procedure,
    priority: parseJsonColumn(priorityGroupsColumn, row.priority_groups),
    language: row.language,
    consent: row.consent === 1,
    name: row.citizen_name,
    phone: row.citizen_phone,
    status: row.status,
    desk: row.desk,
    targetDesk: row.target_desk,
    memberId: row.member_id,
    memberName: row.member_name,
    walkIn: row.walk_in === 1,
    issuedAt: row.issued_at,
    calledAt: row.called_at,
    servedAt: row.served_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    recallCount: row.recall_count,
    transferCount: row.transfer_count,
  };
}

export function ticketQuery(db: Db) {
  return db
    .selectFrom('queue_ticket')
    .leftJoin('member', 'member.id', 'queue_ticket.member_id')
    .selectAll('queue_ticket')
    .select('member.full_name as member_name');
}

export async function loadTicket(db: Db, id: number): Promise<StaffTicket> {
  const row = await ticketQuery(db).where('queue_ticket.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return toStaffTicket(row);
}

/**
 * Days a ticket keeps the name and phone given at the kiosk. They were given "only to call you
 * back about this visit"; the logbook entry made from the ticket keeps its own copy under the
 * logbook's retention rules.
 */
export const TICKET_CONTACT_DAYS = 30;

/**
 * The first write of a new Vietnamese day closes what yesterday left open (the PC may have been
 * off at midnight): tickets become `expired` and stay in history; desks are freed; contacts past
 * their days are cleared. Once a day per open database: tickets and desks are only ever made
 * for today, so after it has run nothing of an earlier day can be open again until the date
 * changes (a restored database is opened afresh, and rolls over at its first write).
 */
export async function rollOver(ctx: CoreContext): Promise<void> {
  const today = vnDay(ctx.now());
  await ctx.once('queue.rollOver', today, () => closeDaysBefore(ctx, today));
}

async function closeDaysBefore(ctx: CoreContext, today: string): Promise<void> {
  const stale = await ctx.db
    .selectFrom('queue_ticket')
    .select(['id', 'day'])
    .where('day', '<', today)
    .where('status', 'in', OPEN_STATUSES)
    .execute();
  if (stale.length > 0) {
    await ctx.db
      .updateTable('queue_ticket')
      .set({ status: 'expired', target_desk: null, updated_at: ctx.now().toISOString() })
      .where(
        'id',
        'in',
        stale.map((t) => t.id),
      )
      .execute();
    for (const t of stale) await recordForProvince(ctx, 'ticket', t.id, 1, t.day);
  }
  await ctx.db.deleteFrom('queue_desk').where('day', '<', today).execute();
  await releaseDesksOffDuty(ctx);
  await ctx.db
    .updateTable('queue_ticket')
    .set({ citizen_name: null, citizen_phone: null })
    .where('day', '<', addDays(today, -TICKET_CONTACT_DAYS))
    .where((eb) => eb.or([eb('citizen_name', 'is not', null), eb('citizen_phone', 'is not', null)]))
    .execute();
}

export function changed(ctx: CoreContext, ticketId: number): void {
  ctx.emit('queue.changed', { ticketId });
}
