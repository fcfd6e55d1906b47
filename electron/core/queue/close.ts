import type { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { Outcome } from '../../../shared/logbook/vocabulary';
import type { StaffTicket, walkInInput } from '../../../shared/queue/schemas';
import type { CoreContext } from '../context';
import { recordForProvince } from '../uploads/outbox';
import { issueTicket } from './checkin';
import { me, requireDesk, requireFree, ticketIn } from './desk';
import { readQueueSettings } from './settings';
import { changed, loadTicket } from './tickets';

/** How a visit ends: finished with an outcome, or the citizen never came. Both go to the province. */
export async function finish(ctx: CoreContext, id: number, outcome: Outcome): Promise<StaffTicket> {
  const desk = await requireDesk(ctx);
  const t = await ticketIn(ctx, id, ['called', 'serving'], desk);
  const at = ctx.now().toISOString();
  await ctx.db.updateTable('queue_ticket')
    .set({ status: 'finished', outcome, finished_at: at, served_at: t.servedAt ?? t.calledAt ?? at, updated_at: at })
    .where('id', '=', id).execute();
  await recordForProvince(ctx, 'ticket', id, 1, t.day);
  changed(ctx, id);
  return loadTicket(ctx.db, id);
}

export async function noShow(ctx: CoreContext, id: number): Promise<StaffTicket> {
  const desk = await requireDesk(ctx);
  const t = await ticketIn(ctx, id, ['called'], desk);
  const { recallsBeforeNoShow } = await readQueueSettings(ctx.db);
  // Only after the recalls: a citizen slow to reach the desk must not lose their turn.
  if (t.recallCount < recallsBeforeNoShow) throw new AppError('conflict', { reason: 'recalls', needed: recallsBeforeNoShow });
  const at = ctx.now().toISOString();
  await ctx.db.updateTable('queue_ticket').set({ status: 'no_show', finished_at: at, updated_at: at }).where('id', '=', id).execute();
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
