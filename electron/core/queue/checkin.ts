import { sql, type Insertable } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract';
import { estimateWaitMinutes, peopleAhead } from '../../../shared/queue/estimate';
import { minutesUntil } from '../../../shared/queue/opening';
import { checkInInput, DEFAULT_QUEUE_SETTINGS, formatTicketNumber, prefixOf, type CitizenTicket } from '../../../shared/queue/schemas';
import { vnDay } from '../../../shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { preparedQuery } from '../db/prepared';
import { openingToday } from './opening';
import { limitCheckIns, sourceOf } from './flood';
import type { QueueTicketTable } from './schema';
import { changed, nextNumber, rollOver } from './tickets';

type Issue = z.output<typeof checkInInput> & { walkIn?: { desk: number; memberId: number } };
type Issued = { id: number; number: string; at: string; day: string };

type TicketRow = Insertable<QueueTicketTable>;
type Varying = Pick<TicketRow, 'day' | 'prefix' | 'seq' | 'number' | 'help_kind' | 'procedure' | 'priority_groups' | 'priority' | 'language'
  | 'consent' | 'citizen_name' | 'citizen_phone' | 'status' | 'desk' | 'member_id' | 'walk_in' | 'issued_at' | 'called_at' | 'source'>;

/** The insert of every ticket, built and compiled once. */
const insertRow = preparedQuery((db, v: Varying) => db.insertInto('queue_ticket').values({
  day: v.day, prefix: v.prefix, seq: v.seq, number: v.number, help_kind: v.help_kind, procedure: v.procedure,
  priority_groups: v.priority_groups, priority: v.priority, language: v.language, consent: v.consent,
  citizen_name: v.citizen_name, citizen_phone: v.citizen_phone, status: v.status, desk: v.desk, target_desk: null,
  member_id: v.member_id, walk_in: v.walk_in, issued_at: v.issued_at, queued_at: v.issued_at, called_at: v.called_at,
  served_at: v.called_at, finished_at: null, outcome: null, recall_count: 0, transfer_count: 0, updated_at: v.issued_at, source: v.source,
}).returning('id'));

/** The ticket's row, in the call's transaction, with the number already taken. */
async function insertTicket(ctx: CoreContext, input: Issue, source: string, issued: Omit<Issued, 'id'> & { prefix: string; seq: number }): Promise<number> {
  const { at, day, prefix, seq, number } = issued;
  const walkIn = input.walkIn;
  const { rows } = await insertRow(ctx.db, {
    day, prefix, seq, number, help_kind: input.helpKind, procedure: input.procedure,
    priority_groups: JSON.stringify(input.priority), priority: input.priority.length > 0 ? 1 : 0, language: input.language,
    consent: input.consent ? 1 : 0,
    // Without consent nothing personal is kept, even if a client sent it.
    citizen_name: input.consent ? input.name ?? null : null,
    citizen_phone: input.consent ? input.phone ?? null : null,
    status: walkIn ? 'serving' : 'waiting', desk: walkIn?.desk ?? null, member_id: walkIn?.memberId ?? null,
    walk_in: walkIn ? 1 : 0, issued_at: at, called_at: walkIn ? at : null, source,
  });
  const id = rows[0]!.id;
  changed(ctx, id);
  return id;
}

/** A ticket made at the desk (a walk-in): the day rolled over, the next number of its letter, inserted. */
export async function issueTicket(ctx: CoreContext, input: Issue): Promise<number> {
  await rollOver(ctx);
  const now = ctx.now();
  const issued = { at: now.toISOString(), day: vnDay(now), prefix: prefixOf(input.helpKind) };
  const { seq, number } = await nextNumber(ctx.db, issued.day, issued.prefix);
  return insertTicket(ctx, input, sourceOf(ctx), { ...issued, seq, number });
}

/**
 * Everything the citizen's ticket says, read in one statement before it is inserted: the last
 * number of its letter today, those waiting (all queued before it, by class, for the
 * interleaving), the desks open, today's real service times, the interleaving setting, and
 * what decides whether the point is open now (its hours, today's closure or opening).
 */
const readFacts = preparedQuery((db, v: { day: string; prefix: string; at: string }) => {
  const waiting = (priority: 0 | 1) => db.selectFrom('queue_ticket').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('day', '=', v.day).where('status', '=', 'waiting').where('priority', '=', priority).where('queued_at', '<=', v.at);
  return db.selectNoFrom((eb) => [
    eb.selectFrom('queue_ticket').select((e) => e.fn.max('seq').as('m')).where('day', '=', v.day).where('prefix', '=', v.prefix).as('last'),
    waiting(1).as('priorities'),
    waiting(0).as('normals'),
    eb.selectFrom('queue_desk').select((e) => e.fn.countAll<number>().as('n')).where('day', '=', v.day).as('desks'),
    eb.selectFrom('queue_ticket').select(sql<string>`json_group_array((julianday(finished_at) - julianday(served_at)) * 1440)`.as('s'))
      .where('day', '=', v.day).where('status', '=', 'finished').where('served_at', 'is not', null).as('services'),
    eb.selectFrom('queue_setting').select('normals_per_priority').where('id', '=', 1).as('k'),
    eb.selectFrom('point_setting').where('id', '=', 1)
      .select(sql<string>`json_object('openTime', open_time, 'closeTime', close_time, 'saturdayOpen', json(iif(saturday_open, 'true', 'false')))`.as('h')).as('hours'),
    eb.selectFrom('closed_day').where('day', '=', v.day).select(sql<string>`json_object('kind', kind, 'reason', reason)`.as('o')).as('override'),
  ]);
});

async function queueFacts(db: Db, day: string, prefix: string, at: string) {
  const r = (await readFacts(db, { day, prefix, at })).rows[0]!;
  return {
    seq: Number(r.last ?? 0) + 1, priorities: Number(r.priorities), normals: Number(r.normals), desks: Number(r.desks),
    serviceMinutes: JSON.parse(r.services ?? '[]') as number[], normalsPerPriority: r.k ?? DEFAULT_QUEUE_SETTINGS.normalsPerPriority,
    // The point's hours and today's own decision (closed, or open on a holiday), for the opening.
    hours: r.hours ? (JSON.parse(r.hours) as { openTime: string; closeTime: string; saturdayOpen: boolean }) : null,
    override: r.override ? (JSON.parse(r.override) as { kind: 'closed' | 'open'; reason: string | null }) : null,
  };
}

/**
 * A citizen takes a number, during opening hours only (a member may issue one at any time, a
 * late arrival): one read and one insert in the call's transaction. The answer is built from
 * what was read and written, not read back: those waiting before this ticket are exactly those
 * queued at or before its time, as no other write runs inside the transaction.
 */
export async function checkIn(ctx: CoreContext, input: z.output<typeof checkInInput>): Promise<CitizenTicket> {
  await rollOver(ctx);
  const now = ctx.now();
  const issued = { at: now.toISOString(), day: vnDay(now), prefix: prefixOf(input.helpKind) };
  const facts = await queueFacts(ctx.db, issued.day, issued.prefix, issued.at);
  if (!facts.hours) throw new AppError('not_configured');
  const opening = openingToday(now, facts.hours, facts.override);
  if (ctx.caller.role === 'citizen' && !opening.open) throw new AppError('conflict', { reason: 'closed' });
  const source = sourceOf(ctx);
  await limitCheckIns(ctx, source);
  const number = formatTicketNumber(issued.prefix, facts.seq);
  const id = await insertTicket(ctx, input, source, { ...issued, seq: facts.seq, number });
  const priority = input.priority.length > 0;
  const ahead = peopleAhead(facts.priorities, facts.normals, priority, facts.normalsPerPriority);
  const estimate = estimateWaitMinutes(ahead, facts.serviceMinutes, facts.desks);
  const closesAt = opening.open ? opening.closesAt : null;
  // A wait that ends after closing is not a promise the point can keep: say so instead.
  const pastClosing = closesAt !== null && estimate !== null && estimate > minutesUntil(now, closesAt);
  return {
    id, number, helpKind: input.helpKind, procedure: input.procedure, priority, issuedAt: issued.at, ahead,
    estimatedWaitMinutes: closesAt === null || pastClosing ? null : estimate, closesAt, pastClosing,
  };
}
