import type { Localized } from '#shared/guides/pack-schema';
import { sessionInput, type GuideSession, type SessionInput } from '#shared/guides/schemas';
import { ALLOW, AppError, isOneOf } from '#shared/contract';
import { vnDay } from '#shared/time/vietnam';
import { loadTicket } from '../queue/tickets';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { activePack, type PackPlaces } from './pack-store';
import { parseJsonColumn } from '../json';
import { z } from 'zod';

/** `steps_done` and `errors`: JSON arrays of the guide's step and common-error keys. */
const stepKeys = z.array(z.string());

function rowToSession(row: {
  ticket_id: number;
  guide_id: string;
  steps_done: string;
  stuck_step: string | null;
  errors: string;
  pack_version: number;
  updated_at: string;
}): GuideSession {
  return {
    ticketId: row.ticket_id,
    guideId: row.guide_id,
    stepsDone: parseJsonColumn(stepKeys, row.steps_done),
    stuckStep: row.stuck_step,
    errors: parseJsonColumn(stepKeys, row.errors),
    packVersion: row.pack_version,
    updatedAt: row.updated_at,
  };
}

export async function getSession(db: Db, ticketId: number, guideId: string): Promise<GuideSession | null> {
  const row = await db
    .selectFrom('guide_session')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('guide_id', '=', guideId)
    .executeTakeFirst();
  return row ? rowToSession(row) : null;
}

/**
 * The visit the checklist is recorded on, bound by the ticket's id (never by a typed number):
 * today's ticket, called, being served or just finished, by the member saving (or a leader).
 */
async function requireVisit(ctx: CoreContext, ticketId: number): Promise<void> {
  const ticket = await loadTicket(ctx.db, ticketId);
  if (ticket.day !== vnDay(ctx.now())) throw new AppError('conflict', { reason: 'old_ticket' });
  if (!['called', 'serving', 'finished'].includes(ticket.status)) throw new AppError('conflict', { reason: 'state' });
  const leader = isOneOf(ALLOW.leaders, ctx.caller.role);
  if (ticket.memberId !== ctx.caller.memberId && !leader) throw new AppError('conflict', { reason: 'not_mine' });
}

/** Save guided-mode progress; step and error keys must belong to the guide, so figures stay clean. */
export async function saveSession(ctx: CoreContext, raw: SessionInput): Promise<GuideSession> {
  const input = sessionInput.parse(raw);
  await requireVisit(ctx, input.ticketId);
  const pack = await activePack(ctx.db, ctx);
  const guide = pack.byId.get(input.guideId);
  if (!guide) throw new AppError('not_found');
  const steps = new Set(guide.steps.map((s) => s.key));
  const errors = new Set(guide.commonErrors.map((e) => e.key));
  const fields: Record<string, string> = {};
  if (input.stepsDone.some((k) => !steps.has(k))) fields.stepsDone = 'guides:problems.unknownStep';
  if (input.stuckStep && !steps.has(input.stuckStep)) fields.stuckStep = 'guides:problems.unknownStep';
  if (input.errors.some((k) => !errors.has(k))) fields.errors = 'guides:problems.unknownError';
  if (Object.keys(fields).length) throw new AppError('invalid_input', {}, fields);
  // Stored in the guide's step order, whatever order they were ticked in.
  const row = {
    ticket_id: input.ticketId,
    guide_id: input.guideId,
    steps_done: JSON.stringify(guide.steps.map((s) => s.key).filter((k) => input.stepsDone.includes(k))),
    stuck_step: input.stuckStep,
    errors: JSON.stringify(guide.commonErrors.map((e) => e.key).filter((k) => input.errors.includes(k))),
    member_id: ctx.caller.memberId,
    pack_version: pack.version,
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db
    .insertInto('guide_session')
    .values(row)
    .onConflict((oc) => oc.columns(['ticket_id', 'guide_id']).doUpdateSet({ ...row }))
    .execute();
  return rowToSession(row);
}

export interface GuideProgress {
  guideId: string;
  title: Localized;
  procedureKey: string;
  procedureCode: string | null;
  helpKind: string;
  stepCount: number;
  stepsDone: string[];
  /** All steps done: the citizen got through the whole guide. */
  completed: boolean;
  stuckStep: { key: string; instruction: Localized } | null;
  errors: { key: string; whatHappens: Localized }[];
  packVersion: number;
  updatedAt: string;
}

/**
 * What guided mode recorded for a ticket, most recently updated first, for the logbook entry of
 * that visit (procedure, where the citizen got stuck, which common errors happened). Step and
 * error texts come from the pack in use; keys missing from it (an older pack) keep their key.
 */
export async function guideProgressForTicket(at: PackPlaces & { db: Db }, ticketId: number): Promise<GuideProgress[]> {
  const rows = await at.db
    .selectFrom('guide_session')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('updated_at', 'desc')
    .execute();
  if (!rows.length) return [];
  const pack = await activePack(at.db, at);
  const fallback = (key: string): Localized => ({ vi: key });
  return rows.map((row) => {
    const s = rowToSession(row);
    const g = pack.byId.get(s.guideId);
    const step = s.stuckStep ? g?.steps.find((x) => x.key === s.stuckStep) : undefined;
    return {
      guideId: s.guideId,
      title: g?.title ?? fallback(s.guideId),
      procedureKey: g?.procedureKey ?? 'other',
      procedureCode: g?.procedureCode ?? null,
      helpKind: g?.helpKind ?? 'other',
      stepCount: g?.steps.length ?? s.stepsDone.length,
      stepsDone: s.stepsDone,
      completed: !!g && s.stepsDone.length === g.steps.length,
      stuckStep: s.stuckStep ? { key: s.stuckStep, instruction: step?.instruction ?? fallback(s.stuckStep) } : null,
      errors: s.errors.map((key) => ({
        key,
        whatHappens: g?.commonErrors.find((e) => e.key === key)?.whatHappens ?? fallback(key),
      })),
      packVersion: s.packVersion,
      updatedAt: s.updatedAt,
    };
  });
}
