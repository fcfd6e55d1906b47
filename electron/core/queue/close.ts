import type { z } from 'zod';
import { AppError } from '#shared/contract';
import type { RecordedVisit } from '#shared/logbook/schemas';
import type { CommonProcedure, Outcome } from '#shared/logbook/vocabulary';
import type { StaffTicket, walkInInput } from '#shared/queue/schemas';
import { vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import { recordVisit } from '../logbook/tickets';
import { recordForProvince } from '../uploads/outbox';
import { issueTicket } from './checkin';
import { me, requireDesk, requireFree, ticketIn } from './desk';
import { readQueueSettings } from './settings';
import { changed, loadTicket } from './tickets';

/**
 * Finishing is recording: the ticket ends with the outcome chosen at the desk and, in the same
 * transaction, its logbook entry is written from everything already known (kind of help and
 * procedure, priority, the consenting contact, the member, the time spent). The longer form
 * refines that entry afterwards. The database refuses a finished ticket without its entry.
 */
export async function finish(
  ctx: CoreContext,
  id: number,
  choice: { outcome: Outcome; procedure: CommonProcedure | null },
): Promise<StaffTicket & { entry: RecordedVisit }> {
  const desk = await requireDesk(ctx);
  const t = await ticketIn(ctx, id, ['called', 'serving'], desk);
  const at = ctx.now().toISOString();
  await ctx.db
    .updateTable('queue_ticket')
    .set({
      outcome: choice.outcome,
      procedure: choice.procedure ?? t.procedure,
      finished_at: at,
      served_at: t.servedAt ?? t.calledAt ?? at,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
  const entry = await recordVisit(ctx, id);
  await ctx.db.updateTable('queue_ticket').set({ status: 'finished' }).where('id', '=', id).execute();
  await recordForProvince(ctx, 'ticket', id, 1, t.day);
  changed(ctx, id);
  return { ...(await loadTicket(ctx.db, id)), entry };
}

/**
 * Waiting tickets that will not be served today (the citizen left, or comes back another day),
 * ended from the day's close. They count as not served, like a citizen who did not come.
 */
export async function dismiss(ctx: CoreContext, ids: number[]): Promise<number> {
  const at = ctx.now().toISOString();
  const rows = await ctx.db
    .selectFrom('queue_ticket')
    .select(['id', 'day'])
    .where('id', 'in', ids)
    .where('status', '=', 'waiting')
    .where('day', '=', vnDay(ctx.now()))
    .execute();
  if (rows.length !== ids.length) throw new AppError('conflict', { reason: 'state' });
  await ctx.db
    .updateTable('queue_ticket')
    .set({ status: 'no_show', target_desk: null, finished_at: at, updated_at: at })
    .where('id', 'in', ids)
    .execute();
  for (const t of rows) {
    await recordForProvince(ctx, 'ticket', t.id, 1, t.day);
    changed(ctx, t.id);
  }
  return rows.length;
}

export async function noShow(ctx: CoreContext, id: number): Promise<StaffTicket> {
  const desk = await requireDesk(ctx);
  const t = await ticketIn(ctx, id, ['called'], desk);
  const { recallsBeforeNoShow } = await readQueueSettings(ctx.db);
  // Only after the recalls: a citizen slow to reach the desk must not lose their turn.
  if (t.recallCount < recallsBeforeNoShow)
    throw new AppError('conflict', { reason: 'recalls', needed: recallsBeforeNoShow });
  const at = ctx.now().toISOString();
  await ctx.db
    .updateTable('queue_ticket')
    .set({ status: 'no_show', finished_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
  await recordForProvince(ctx, 'ticket', id, 1, t.day);
  changed(ctx, id);
  return loadTicket(ctx.db, id);
}

/** Someone at the desk without a ticket: a ticket is made, already being served, so figures and the logbook see the visit. */
export async function walkIn(ctx: CoreContext, input: z.output<typeof walkInInput>): Promise<StaffTicket> {
  const desk = await requireDesk(ctx);
  await requireFree(ctx, desk);
  const id = await issueTicket(ctx, { ...input, consent: false, walkIn: { desk, memberId: me(ctx) } });
  return loadTicket(ctx.db, id);
}
