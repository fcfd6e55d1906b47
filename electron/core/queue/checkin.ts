import { sql, type Insertable } from 'kysely';
import type { z } from 'zod';
import { AppError } from '#shared/contract';
import { estimateWaitMinutes, peopleAhead } from '#shared/queue/estimate';
import { minutesUntil } from '#shared/queue/opening';
import { type checkInInput, DEFAULT_QUEUE_SETTINGS, prefixOf, type CitizenTicket } from '#shared/queue/schemas';
import { vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { preparedQuery } from '../db/prepared';
import { openingToday } from './opening';
import { limitCheckIns, sourceOf } from './flood';
import type { QueueTicketTable } from './schema';
import { changed, rollOver } from './tickets';

type Issue = z.output<typeof checkInInput> & { walkIn?: { desk: number; memberId: number } };

type TicketRow = Insertable<QueueTicketTable>;
/** What a new ticket's row takes from the call; its number is worked out inside the insert. */
type NewTicket = Pick<
  TicketRow,
  | 'day'
  | 'prefix'
  | 'help_kind'
  | 'procedure'
  | 'priority_groups'
  | 'priority'
  | 'language'
  | 'consent'
  | 'citizen_name'
  | 'citizen_phone'
  | 'status'
  | 'desk'
  | 'member_id'
  | 'walk_in'
  | 'issued_at'
  | 'called_at'
  | 'source'
>;

/**
 * A ticket in one statement, like the floor's one insert: its number is the next of its letter
 * today, taken inside the insert (so no read goes before it). The call's transaction holds the
 * only connection, and UNIQUE(day, prefix, seq) refuses a duplicate even if two writers raced.
 */
function insertNumbered(db: Db, v: NewTicket) {
  const next = sql<number>`coalesce(max(seq), 0) + 1`;
  return db
    .insertInto('queue_ticket')
    .columns([
      'day',
      'prefix',
      'seq',
      'number',
      'help_kind',
      'procedure',
      'priority_groups',
      'priority',
      'language',
      'consent',
      'citizen_name',
      'citizen_phone',
      'status',
      'desk',
      'target_desk',
      'member_id',
      'walk_in',
      'issued_at',
      'queued_at',
      'called_at',
      'served_at',
      'finished_at',
      'outcome',
      'recall_count',
      'transfer_count',
      'updated_at',
      'source',
    ])
    .expression(
      db
        .selectFrom('queue_ticket')
        .where('day', '=', v.day)
        .where('prefix', '=', v.prefix)
        .select((eb) => [
          eb.val(v.day).as('day'),
          eb.val(v.prefix).as('prefix'),
          next.as('seq'),
          // formatTicketNumber's form (shared/queue/numbers.ts): the letter, then at least three digits.
          sql<string>`printf('%s%03d', ${v.prefix}, ${next})`.as('number'),
          eb.val(v.help_kind).as('help_kind'),
          eb.val(v.procedure).as('procedure'),
          eb.val(v.priority_groups).as('priority_groups'),
          eb.val(v.priority).as('priority'),
          eb.val(v.language).as('language'),
          eb.val(v.consent).as('consent'),
          eb.val(v.citizen_name).as('citizen_name'),
          eb.val(v.citizen_phone).as('citizen_phone'),
          eb.val(v.status).as('status'),
          eb.val(v.desk).as('desk'),
          sql.lit(null).as('target_desk'),
          eb.val(v.member_id).as('member_id'),
          eb.val(v.walk_in).as('walk_in'),
          eb.val(v.issued_at).as('issued_at'),
          eb.val(v.issued_at).as('queued_at'),
          eb.val(v.called_at).as('called_at'),
          eb.val(v.called_at).as('served_at'),
          sql.lit(null).as('finished_at'),
          sql.lit(null).as('outcome'),
          sql.lit(0).as('recall_count'),
          sql.lit(0).as('transfer_count'),
          eb.val(v.issued_at).as('updated_at'),
          eb.val(v.source).as('source'),
        ]),
    );
}

/** The row of a ticket the call makes: nothing personal without consent, even if a client sent it. */
function newTicket(now: Date, input: Issue, source: string): NewTicket {
  const at = now.toISOString();
  const walkIn = input.walkIn;
  return {
    day: vnDay(now),
    prefix: prefixOf(input.helpKind),
    help_kind: input.helpKind,
    procedure: input.procedure,
    priority_groups: JSON.stringify(input.priority),
    priority: input.priority.length > 0 ? 1 : 0,
    language: input.language,
    consent: input.consent ? 1 : 0,
    citizen_name: input.consent ? (input.name ?? null) : null,
    citizen_phone: input.consent ? (input.phone ?? null) : null,
    status: walkIn ? 'serving' : 'waiting',
    desk: walkIn?.desk ?? null,
    member_id: walkIn?.memberId ?? null,
    walk_in: walkIn ? 1 : 0,
    issued_at: at,
    called_at: walkIn ? at : null,
    source,
  };
}

/** A walk-in's insert, built and compiled once. */
const insertWalkIn = preparedQuery((db, v: NewTicket) => insertNumbered(db, v).returning('id'));

/** A ticket made at the desk (a walk-in): the day rolled over, then one insert, numbered inside it. */
export async function issueTicket(ctx: CoreContext, input: Issue): Promise<number> {
  await rollOver(ctx);
  const { rows } = await insertWalkIn(ctx.db, newTicket(ctx.now(), input, sourceOf(ctx)));
  const id = rows[0]!.id;
  changed(ctx, id);
  return id;
}

/**
 * The citizen's ticket in one statement: what its answer says comes back with the row: those
 * waiting (this ticket among them, by class, for the interleaving), the desks open, today's real
 * service times, the interleaving setting, and what decides whether the point is open now (its
 * hours, today's closure or opening). A check-in the point refuses (closed, not set up) is rolled
 * back with the call's transaction.
 */
const insertCheckIn = preparedQuery((db, v: NewTicket) => {
  const waiting = (priority: 0 | 1) =>
    db
      .selectFrom('queue_ticket')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('day', '=', v.day)
      .where('status', '=', 'waiting')
      .where('priority', '=', priority)
      .where('queued_at', '<=', v.issued_at);
  return insertNumbered(db, v).returning((eb) => [
    'id',
    'seq',
    'number',
    waiting(1).as('priorities'),
    waiting(0).as('normals'),
    eb
      .selectFrom('queue_desk')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('day', '=', v.day)
      .as('desks'),
    eb
      .selectFrom('queue_ticket')
      .select(sql<string>`json_group_array((julianday(finished_at) - julianday(served_at)) * 1440)`.as('s'))
      .where('day', '=', v.day)
      .where('status', '=', 'finished')
      .where('served_at', 'is not', null)
      .as('services'),
    eb.selectFrom('queue_setting').select('normals_per_priority').where('id', '=', 1).as('k'),
    eb
      .selectFrom('point_setting')
      .where('id', '=', 1)
      .select(
        sql<string>`json_object('openTime', open_time, 'closeTime', close_time, 'saturdayOpen', json(iif(saturday_open, 'true', 'false')))`.as(
          'h',
        ),
      )
      .as('hours'),
    eb
      .selectFrom('closed_day')
      .where('day', '=', v.day)
      .select(sql<string>`json_object('kind', kind, 'reason', reason)`.as('o'))
      .as('override'),
  ]);
});

async function insertWithFacts(ctx: CoreContext, values: NewTicket) {
  const r = (await insertCheckIn(ctx.db, values)).rows[0]!;
  // The counts include the new ticket (waiting, queued at its own time): those ahead of it do not.
  const mine = values.priority === 1;
  return {
    id: r.id,
    number: r.number,
    priorities: Number(r.priorities) - (mine ? 1 : 0),
    normals: Number(r.normals) - (mine ? 0 : 1),
    desks: Number(r.desks),
    serviceMinutes: JSON.parse(r.services ?? '[]') as number[],
    normalsPerPriority: r.k ?? DEFAULT_QUEUE_SETTINGS.normalsPerPriority,
    // The point's hours and today's own decision (closed, or open on a holiday), for the opening.
    hours: r.hours ? (JSON.parse(r.hours) as { openTime: string; closeTime: string; saturdayOpen: boolean }) : null,
    override: r.override ? (JSON.parse(r.override) as { kind: 'closed' | 'open'; reason: string | null }) : null,
  };
}

/**
 * A citizen takes a number, during opening hours only (a member may issue one at any time, a
 * late arrival): one insert in the call's transaction, as the floor's (a LAN device's check-in
 * first counts its recent ones). The answer is built from what the insert returned, not read
 * back: those waiting before this ticket are exactly those queued at or before its time but
 * itself, as no other write runs inside the transaction.
 */
export async function checkIn(ctx: CoreContext, input: z.output<typeof checkInInput>): Promise<CitizenTicket> {
  await rollOver(ctx);
  const now = ctx.now();
  const at = now.toISOString();
  const source = sourceOf(ctx);
  await limitCheckIns(ctx, source);
  const priority = input.priority.length > 0;
  const facts = await insertWithFacts(ctx, newTicket(now, input, source));
  // Refused after the insert: the call's transaction is rolled back, and the number with it.
  if (!facts.hours) throw new AppError('not_configured');
  const opening = openingToday(now, facts.hours, facts.override);
  if (ctx.caller.role === 'citizen' && !opening.open) throw new AppError('conflict', { reason: 'closed' });
  changed(ctx, facts.id);
  const ahead = peopleAhead(facts.priorities, facts.normals, priority, facts.normalsPerPriority);
  const estimate = estimateWaitMinutes(ahead, facts.serviceMinutes, facts.desks);
  const closesAt = opening.open ? opening.closesAt : null;
  // A wait that ends after closing is not a promise the point can keep: say so instead.
  const pastClosing = closesAt !== null && estimate !== null && estimate > minutesUntil(now, closesAt);
  return {
    id: facts.id,
    number: facts.number,
    helpKind: input.helpKind,
    procedure: input.procedure,
    priority,
    issuedAt: at,
    ahead,
    estimatedWaitMinutes: closesAt === null || pastClosing ? null : estimate,
    closesAt,
    pastClosing,
  };
}
