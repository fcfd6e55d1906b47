import type { Selectable } from 'kysely';
import { AppError, isOneOf } from '#shared/contract';
import { vnTime } from '#shared/time/vietnam';
import { HELP_KIND_KEYS, type HelpKind } from '#shared/team/schemas';
import { entryShape, lacksProcedure, type EntryData, type EntryGap, type RecordedVisit } from '#shared/logbook/schemas';
import { COMMON_PROCEDURES, type CommonProcedure } from '#shared/logbook/vocabulary';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { guideProgressForTicket } from '../guides/progress';
import { insertEntry } from './entries';
import { parseJsonColumn } from '../json';
import { priorityGroupsColumn } from '../queue/columns';
import type { QueueTicketTable } from '../queue/schema';

/** The columns of the queue's ticket the logbook needs (the queue owns the table). */
export type TicketRow = Pick<
  Selectable<QueueTicketTable>,
  | 'id'
  | 'day'
  | 'number'
  | 'help_kind'
  | 'procedure'
  | 'priority_groups'
  | 'language'
  | 'consent'
  | 'citizen_name'
  | 'citizen_phone'
  | 'desk'
  | 'member_id'
  | 'issued_at'
  | 'called_at'
  | 'served_at'
  | 'finished_at'
  | 'outcome'
>;

export async function readTicket(db: Db, ticketId: number): Promise<TicketRow> {
  const row = await db.selectFrom('queue_ticket').selectAll().where('id', '=', ticketId).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** Progress through a guide during the visit, as the logbook stores it. */
export interface GuideProgressPrefill {
  guideId: string;
  procedure: CommonProcedure | null;
  helpKind: HelpKind | null;
  stepsDone: number;
  stepCount: number;
  errors: { ref: string; label: string }[];
}

/** The most recent guide followed for the ticket; common errors keep their Vietnamese label. */
async function guideProgress(ctx: CoreContext, ticketId: number): Promise<GuideProgressPrefill | null> {
  const [latest] = await guideProgressForTicket(ctx, ticketId);
  if (!latest) return null;
  return {
    guideId: latest.guideId,
    procedure: isOneOf(COMMON_PROCEDURES, latest.procedureKey) ? latest.procedureKey : null,
    helpKind: isOneOf(HELP_KIND_KEYS, latest.helpKind) ? latest.helpKind : null,
    stepsDone: latest.stepsDone.length,
    stepCount: latest.stepCount,
    errors: latest.errors.map((e) => ({
      ref: `${latest.guideId}/${e.key}`,
      label: (e.whatHappens.vi ?? e.key).slice(0, 300),
    })),
  };
}

/** Minutes from being called (or served) to finishing, rounded up, at least one. */
function minutesSpent(t: TicketRow): number | undefined {
  const start = t.served_at ?? t.called_at;
  if (!start || !t.finished_at) return undefined;
  return Math.min(480, Math.max(1, Math.ceil((Date.parse(t.finished_at) - Date.parse(start)) / 60_000)));
}

/** Everything a ticket already tells the logbook, before anyone types a word. */
export function ticketFacts(t: TicketRow, progress: GuideProgressPrefill | null, fallbackMember: number | null) {
  const startedAt = t.served_at ?? t.called_at ?? t.issued_at;
  const minutes = minutesSpent(t);
  const contact = t.consent === 1 && !!(t.citizen_name || t.citizen_phone);
  return {
    ticketId: t.id,
    day: t.day,
    time: vnTime(new Date(startedAt)),
    channel: 'support_point' as const,
    desk: t.desk,
    memberIds: [t.member_id ?? fallbackMember].filter((m): m is number => m !== null),
    helpKinds: [...new Set([t.help_kind, ...(progress?.helpKind ? [progress.helpKind] : [])])],
    procedure: progress?.procedure ?? t.procedure ?? null,
    guideId: progress?.guideId ?? null,
    guideErrors: progress?.errors ?? [],
    guideStepsDone: progress?.stepsDone ?? null,
    guideStepCount: progress?.stepCount ?? null,
    ...(t.outcome ? { outcome: t.outcome } : {}),
    ...(minutes ? { minutes } : {}),
    language: t.language,
    priorityGroups: parseJsonColumn(priorityGroupsColumn, t.priority_groups),
    fullName: contact ? t.citizen_name : null,
    phone: contact ? t.citizen_phone : null,
    // Contact consent given at the kiosk carries over; sensitive consents are always asked at the desk.
    consent: { contact, ethnicity: false, disability: false },
  };
}

/** What a finished ticket tells the logbook form; the volunteer checks and completes the rest. */
export async function prefillFromTicket(ctx: CoreContext, ticketId: number) {
  const t = await readTicket(ctx.db, ticketId);
  const existing = await ctx.db
    .selectFrom('logbook_entry')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  const progress = await guideProgress(ctx, ticketId);
  return {
    ticket: { id: t.id, number: t.number, finishedAt: t.finished_at },
    existingEntryId: existing?.id ?? null,
    fromGuide: !!progress,
    entry: ticketFacts(t, progress, ctx.caller.memberId),
  };
}

/**
 * The entry a finished ticket makes by itself, from what is known: the ticket's facts and the
 * outcome chosen at the desk. What only the citizen can say (age, village…) keeps its
 * "not recorded" value; what the book needs and the finish could not know is listed in `gaps`.
 * A disability ticked at the kiosk is not written down without its separate consent, which is
 * asked at the desk: it becomes a gap instead.
 */
export function visitEntry(
  t: TicketRow,
  progress: GuideProgressPrefill | null,
  fallbackMember: number | null,
): { entry: EntryData; gaps: EntryGap[] } {
  const facts = ticketFacts(t, progress, fallbackMember);
  const gaps: EntryGap[] = [];
  if (facts.priorityGroups.includes('disability')) gaps.push('consentDisability');
  const entry = entryShape.parse({
    ...facts,
    minutes: facts.minutes ?? 1,
    priorityGroups: facts.priorityGroups.filter((g) => g !== 'disability'),
  });
  if (lacksProcedure(entry)) gaps.unshift('procedure');
  return { entry, gaps };
}

/**
 * Record the visit of a ticket being finished, in the caller's transaction: the ticket's
 * `outcome` and `finished_at` are already set, its status not yet (the database refuses a
 * finished ticket without its entry).
 */
export async function recordVisit(ctx: CoreContext, ticketId: number): Promise<RecordedVisit> {
  const t = await readTicket(ctx.db, ticketId);
  const { entry, gaps } = visitEntry(t, await guideProgress(ctx, ticketId), ctx.caller.memberId);
  const saved = await insertEntry(ctx, entry, gaps);
  return { ...saved, gaps };
}
