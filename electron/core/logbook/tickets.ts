import { sql } from 'kysely';
import { AppError } from '../../../shared/contract';
import { vnTime } from '../../../shared/time/vietnam';
import { HELP_KIND_KEYS, type HelpKind } from '../../../shared/team/schemas';
import { COMMON_PROCEDURES, type CommonProcedure } from '../../../shared/logbook/vocabulary';
import type { CoreContext } from '../context';
import { guideProgressForTicket } from '../guides/progress';

/** The columns of the queue's ticket the logbook needs (the queue owns the table). */
interface TicketRow {
  id: number;
  day: string;
  number: string;
  help_kind: string;
  procedure: string | null;
  priority_groups: string;
  language: string;
  consent: number;
  citizen_name: string | null;
  citizen_phone: string | null;
  desk: number | null;
  member_id: number | null;
  issued_at: string;
  called_at: string | null;
  served_at: string | null;
  finished_at: string | null;
  outcome: string | null;
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
    procedure: (COMMON_PROCEDURES as readonly string[]).includes(latest.procedureKey) ? (latest.procedureKey as CommonProcedure) : null,
    helpKind: (HELP_KIND_KEYS as readonly string[]).includes(latest.helpKind) ? (latest.helpKind as HelpKind) : null,
    stepsDone: latest.stepsDone.length,
    stepCount: latest.stepCount,
    errors: latest.errors.map((e) => ({ ref: `${latest.guideId}/${e.key}`, label: (e.whatHappens.vi ?? e.key).slice(0, 300) })),
  };
}

/** Minutes from being called (or served) to finishing, rounded up, at least one. */
function minutesSpent(t: TicketRow): number | undefined {
  const start = t.served_at ?? t.called_at;
  if (!start || !t.finished_at) return undefined;
  return Math.min(480, Math.max(1, Math.ceil((Date.parse(t.finished_at) - Date.parse(start)) / 60_000)));
}

/** What a finished ticket tells the logbook; the volunteer checks and completes the rest. */
export async function prefillFromTicket(ctx: CoreContext, ticketId: number) {
  const { rows } = await sql<TicketRow>`select * from queue_ticket where id = ${ticketId}`.execute(ctx.db);
  const t = rows[0];
  if (!t) throw new AppError('not_found');
  const existing = await ctx.db.selectFrom('logbook_entry').select('id').where('ticket_id', '=', ticketId).executeTakeFirst();
  const progress = await guideProgress(ctx, ticketId);
  const startedAt = t.served_at ?? t.called_at ?? t.issued_at;
  const minutes = minutesSpent(t);
  const procedure = (progress?.procedure ?? t.procedure) as never;
  return {
    ticket: { id: t.id, number: t.number, finishedAt: t.finished_at },
    existingEntryId: existing?.id ?? null,
    fromGuide: !!progress,
    entry: {
      ticketId: t.id,
      day: t.day,
      time: vnTime(new Date(startedAt)),
      channel: 'support_point' as const,
      desk: t.desk,
      memberIds: [t.member_id ?? ctx.caller.memberId].filter((m): m is number => m !== null),
      helpKinds: [...new Set([t.help_kind, progress?.helpKind].filter(Boolean))] as never[],
      procedure: procedure ?? null,
      guideId: progress?.guideId ?? null,
      guideErrors: progress?.errors ?? [],
      guideStepsDone: progress?.stepsDone ?? null,
      guideStepCount: progress?.stepCount ?? null,
      ...(t.outcome ? { outcome: t.outcome as never } : {}),
      ...(minutes ? { minutes } : {}),
      language: t.language as never,
      priorityGroups: JSON.parse(t.priority_groups) as never[],
      fullName: t.consent ? t.citizen_name : null,
      phone: t.consent ? t.citizen_phone : null,
      // Contact consent given at the kiosk carries over; sensitive consents are always asked here.
      consent: { contact: t.consent === 1 && !!(t.citizen_name || t.citizen_phone), ethnicity: false, disability: false },
    },
  };
}
