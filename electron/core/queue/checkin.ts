import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import { estimateWaitMinutes, peopleAhead } from '../../../shared/queue/estimate';
import { minutesUntil } from '../../../shared/queue/opening';
import { checkInInput, prefixOf, type CitizenTicket } from '../../../shared/queue/schemas';
import { vnDay } from '../../../shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { openingNow } from './opening';
import { limitCheckIns, sourceOf } from './flood';
import { readQueueSettings } from './settings';
import { changed, nextNumber, rollOver } from './tickets';
import { parseJsonColumn } from '../json';

type Issue = z.output<typeof checkInInput> & { walkIn?: { desk: number; memberId: number } };

/** Make a ticket inside the call's transaction: roll the day over, take the next number, insert. */
export async function issueTicket(ctx: CoreContext, input: Issue): Promise<number> {
  const source = sourceOf(ctx);
  if (!input.walkIn) await limitCheckIns(ctx, source);
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
    finished_at: null, outcome: null, recall_count: 0, transfer_count: 0, updated_at: at, source,
  }).returning('id').executeTakeFirstOrThrow();
  changed(ctx, row.id);
  return row.id;
}

/**
 * What the citizen's ticket says beyond its number, in one read: those waiting before it (by
 * class, for the interleaving), the desks open, and today's real service times.
 */
async function queueFacts(db: Db, t: { id: number; day: string; queued_at: string }) {
  const before = sql`day = ${t.day} and status = 'waiting' and id <> ${t.id}
    and (queued_at < ${t.queued_at} or (queued_at = ${t.queued_at} and id < ${t.id}))`;
  const { rows } = await sql<{ priorities: number; normals: number; desks: number; services: string }>`select
    (select count(*) from queue_ticket where ${before} and priority = 1) as priorities,
    (select count(*) from queue_ticket where ${before} and priority = 0) as normals,
    (select count(*) from queue_desk where day = ${t.day}) as desks,
    (select json_group_array((julianday(finished_at) - julianday(served_at)) * 1440) from queue_ticket
      where day = ${t.day} and status = 'finished' and served_at is not null) as services`.execute(db);
  const r = rows[0]!;
  return { priorities: Number(r.priorities), normals: Number(r.normals), desks: Number(r.desks), serviceMinutes: parseJsonColumn(z.array(z.number()), r.services) };
}

export async function citizenTicket(ctx: CoreContext, id: number): Promise<CitizenTicket> {
  const t = await ctx.db.selectFrom('queue_ticket').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [settings, facts, opening] = await Promise.all([readQueueSettings(ctx.db), queueFacts(ctx.db, t), openingNow(ctx.db, ctx.now())]);
  const ahead = peopleAhead(facts.priorities, facts.normals, t.priority === 1, settings.normalsPerPriority);
  const estimate = estimateWaitMinutes(ahead, facts.serviceMinutes, facts.desks);
  const closesAt = opening.open ? opening.closesAt : null;
  // A wait that ends after closing is not a promise the point can keep: say so instead.
  const pastClosing = closesAt !== null && estimate !== null && estimate > minutesUntil(ctx.now(), closesAt);
  return {
    id: t.id, number: t.number, helpKind: t.help_kind, procedure: t.procedure,
    priority: t.priority === 1, issuedAt: t.issued_at, ahead,
    estimatedWaitMinutes: closesAt === null || pastClosing ? null : estimate, closesAt, pastClosing,
  };
}

/** Citizens take numbers during opening hours only; a member may issue one at any time (a late arrival). */
export async function checkIn(ctx: CoreContext, input: z.output<typeof checkInInput>): Promise<CitizenTicket> {
  if (ctx.caller.role === 'citizen' && !(await openingNow(ctx.db, ctx.now())).open) throw new AppError('conflict', { reason: 'closed' });
  const id = await issueTicket(ctx, input);
  return citizenTicket(ctx, id);
}
