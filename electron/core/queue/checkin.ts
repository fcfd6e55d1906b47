import type { z } from 'zod';
import { estimateWaitMinutes, peopleAhead } from '../../../shared/queue/estimate';
import { checkInInput, prefixOf, type CitizenTicket } from '../../../shared/queue/schemas';
import { vnDay } from '../../../shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { readQueueSettings } from './settings';
import { changed, nextNumber, rollOver } from './tickets';

type Issue = z.output<typeof checkInInput> & { walkIn?: { desk: number; memberId: number } };

/** Make a ticket inside the call's transaction: roll the day over, take the next number, insert. */
export async function issueTicket(ctx: CoreContext, input: Issue): Promise<number> {
  await rollOver(ctx);
  const now = ctx.now();
  const at = now.toISOString();
  const day = vnDay(now);
  const prefix = prefixOf(input.helpKind);
  const { seq, number } = await nextNumber(ctx.db, day, prefix);
  const walkIn = input.walkIn;
  const row = await ctx.db.insertInto('queue_ticket').values({
    day, prefix, seq, number, help_kind: input.helpKind, procedure: input.procedure,
    priority_groups: JSON.stringify(input.priority), priority: input.priority.length > 0 ? 1 : 0, language: input.language,
    consent: input.consent ? 1 : 0,
    // Without consent nothing personal is kept, even if a client sent it.
    citizen_name: input.consent ? input.name ?? null : null,
    citizen_phone: input.consent ? input.phone ?? null : null,
    status: walkIn ? 'serving' : 'waiting', desk: walkIn?.desk ?? null, target_desk: null, member_id: walkIn?.memberId ?? null,
    walk_in: walkIn ? 1 : 0, issued_at: at, queued_at: at, called_at: walkIn ? at : null, served_at: walkIn ? at : null,
    finished_at: null, outcome: null, recall_count: 0, transfer_count: 0, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  changed(ctx, row.id);
  return row.id;
}

/** How many are ahead of a waiting ticket: a priority ticket passes all but the interleaved normals. */
async function countAhead(db: Db, ticket: { id: number; day: string; priority: number; queued_at: string }, normalsPerPriority: number) {
  const before = await db.selectFrom('queue_ticket')
    .select(['priority', (eb) => eb.fn.countAll<number>().as('n')])
    .where('day', '=', ticket.day).where('status', '=', 'waiting').where('id', '<>', ticket.id)
    .where((eb) => eb.or([eb('queued_at', '<', ticket.queued_at), eb.and([eb('queued_at', '=', ticket.queued_at), eb('id', '<', ticket.id)])]))
    .groupBy('priority').execute();
  const count = (p: number) => Number(before.find((b) => b.priority === p)?.n ?? 0);
  return peopleAhead(count(1), count(0), ticket.priority === 1, normalsPerPriority);
  return count(0) + count(1);
}

/** Service minutes of today's finished visits: what the estimate learns from. */
export async function serviceMinutesToday(db: Db, day: string): Promise<number[]> {
  const rows = await db.selectFrom('queue_ticket').select(['served_at', 'finished_at'])
    .where('day', '=', day).where('status', '=', 'finished').where('served_at', 'is not', null).execute();
  return rows.map((r) => (Date.parse(r.finished_at!) - Date.parse(r.served_at!)) / 60_000);
}

export async function citizenTicket(ctx: CoreContext, id: number): Promise<CitizenTicket> {
  const t = await ctx.db.selectFrom('queue_ticket').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const settings = await readQueueSettings(ctx.db);
  const ahead = await countAhead(ctx.db, t, settings.normalsPerPriority);
  const desks = await ctx.db.selectFrom('queue_desk').select((eb) => eb.fn.countAll<number>().as('n')).where('day', '=', t.day).executeTakeFirst();
  return {
    id: t.id, number: t.number, helpKind: t.help_kind as CitizenTicket['helpKind'], procedure: t.procedure as CitizenTicket['procedure'],
    priority: t.priority === 1, issuedAt: t.issued_at, ahead,
    estimatedWaitMinutes: estimateWaitMinutes(ahead, await serviceMinutesToday(ctx.db, t.day), Number(desks?.n ?? 0)),
  };
}

export async function checkIn(ctx: CoreContext, input: z.output<typeof checkInInput>): Promise<CitizenTicket> {
  const id = await issueTicket(ctx, input);
  return citizenTicket(ctx, id);
}
