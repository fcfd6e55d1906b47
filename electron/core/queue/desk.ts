import { AppError } from '#shared/contract';
import type { DeskView } from '#shared/queue/contract';
import { OPEN_STATUSES, type StaffTicket } from '#shared/queue/schemas';
import { pickNext, type DeskMember, type WaitingTicket } from '#shared/queue/selection';
import { MINORITY_LANGUAGES } from '#shared/settings/schemas';
import { vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import { readPointSettings } from '../settings/service';
import { startDuty } from '../team/attendance';
import { readQueueSettings } from './settings';
import { changed, loadTicket, rollOver, ticketQuery, toStaffTicket } from './tickets';
import { parseJsonColumn } from '../json';
import { languagesColumn, skillsColumn } from '../team/columns';

export function me(ctx: CoreContext): number {
  if (ctx.caller.memberId === null) throw new AppError('unauthorized');
  return ctx.caller.memberId;
}

/** The members sitting at a desk today, with what they can do and the languages they speak. */
async function deskMembers(ctx: CoreContext): Promise<(DeskMember & { memberId: number; memberName: string })[]> {
  const rows = await ctx.db
    .selectFrom('queue_desk')
    .innerJoin('member', 'member.id', 'queue_desk.member_id')
    .select(['queue_desk.desk', 'queue_desk.member_id', 'member.full_name', 'member.skills', 'member.languages'])
    .where('queue_desk.day', '=', vnDay(ctx.now()))
    .orderBy('queue_desk.desk')
    .execute();
  return rows.map((r) => ({
    desk: r.desk,
    memberId: r.member_id,
    memberName: r.full_name,
    skills: parseJsonColumn(skillsColumn, r.skills),
    languages: parseJsonColumn(languagesColumn, r.languages),
  }));
}

export async function myDesk(ctx: CoreContext): Promise<number | null> {
  const row = await ctx.db
    .selectFrom('queue_desk')
    .select('desk')
    .where('member_id', '=', me(ctx))
    .where('day', '=', vnDay(ctx.now()))
    .executeTakeFirst();
  return row?.desk ?? null;
}

export async function requireDesk(ctx: CoreContext): Promise<number> {
  const desk = await myDesk(ctx);
  if (desk === null) throw new AppError('conflict', { reason: 'no_desk' });
  return desk;
}

/** One ticket at a time per desk: calling a second while one is open would lose track of it. */
export async function requireFree(ctx: CoreContext, desk: number): Promise<void> {
  const busy = await ctx.db
    .selectFrom('queue_ticket')
    .select('id')
    .where('desk', '=', desk)
    .where('day', '=', vnDay(ctx.now()))
    .where('status', 'in', ['called', 'serving'])
    .executeTakeFirst();
  if (busy) throw new AppError('conflict', { reason: 'desk_busy' });
}

/** A ticket of today in one of the given states (and at this desk, when given). */
export async function ticketIn(
  ctx: CoreContext,
  id: number,
  statuses: readonly string[],
  desk?: number,
): Promise<StaffTicket> {
  const t = await loadTicket(ctx.db, id);
  if (t.day !== vnDay(ctx.now())) throw new AppError('conflict', { reason: 'old_ticket' });
  if (!statuses.includes(t.status) || (desk !== undefined && t.desk !== desk))
    throw new AppError('conflict', { reason: 'state' });
  return t;
}

export async function deskView(ctx: CoreContext): Promise<DeskView> {
  const day = vnDay(ctx.now());
  const [point, settings, members, mine] = await Promise.all([
    readPointSettings(ctx.db),
    readQueueSettings(ctx.db),
    deskMembers(ctx),
    myDesk(ctx),
  ]);
  const open = await ticketQuery(ctx.db)
    .where('queue_ticket.day', '=', day)
    .where('queue_ticket.status', 'in', OPEN_STATUSES)
    .orderBy('queue_ticket.queued_at')
    .orderBy('queue_ticket.id')
    .execute();
  const now = ctx.now().getTime();
  return {
    day,
    deskCount: point.deskCount,
    myDesk: mine,
    maxWaitMinutes: settings.maxWaitMinutes,
    desks: Array.from({ length: point.deskCount }, (_, i) => {
      const m = members.find((x) => x.desk === i + 1);
      return { desk: i + 1, memberId: m?.memberId ?? null, memberName: m?.memberName ?? null };
    }),
    current: mine === null ? [] : open.filter((t) => t.status !== 'waiting' && t.desk === mine).map(toStaffTicket),
    waiting: open
      .filter((t) => t.status === 'waiting')
      .map((t) => {
        const waitedMinutes = Math.max(0, Math.floor((now - Date.parse(t.issued_at)) / 60_000));
        return { ...toStaffTicket(t), waitedMinutes, overdue: waitedMinutes >= settings.maxWaitMinutes };
      }),
    recallsBeforeNoShow: settings.recallsBeforeNoShow,
  };
}

export async function openDesk(ctx: CoreContext, input: { desk: number; takeOver: boolean }): Promise<void> {
  await rollOver(ctx);
  const point = await readPointSettings(ctx.db);
  if (input.desk > point.deskCount) throw new AppError('invalid_input', {}, { desk: 'queue:problems.desk' });
  const holder = await ctx.db
    .selectFrom('queue_desk')
    .select('member_id')
    .where('desk', '=', input.desk)
    .executeTakeFirst();
  if (holder && holder.member_id !== me(ctx) && !input.takeOver)
    throw new AppError('conflict', { reason: 'desk_taken' });
  const previous = await myDesk(ctx);
  if (previous !== null && previous !== input.desk) await requireFree(ctx, previous);
  await ctx.db
    .deleteFrom('queue_desk')
    .where((eb) => eb.or([eb('desk', '=', input.desk), eb('member_id', '=', me(ctx))]))
    .execute();
  await ctx.db
    .insertInto('queue_desk')
    .values({ desk: input.desk, member_id: me(ctx), day: vnDay(ctx.now()), opened_at: ctx.now().toISOString() })
    .execute();
  // Sitting at a desk is being on duty: the presence is recorded (once a day) without asking again.
  await startDuty(ctx, me(ctx));
  ctx.emit('queue.changed', {});
}

export async function closeDesk(ctx: CoreContext): Promise<void> {
  const desk = await myDesk(ctx);
  if (desk === null) return;
  await requireFree(ctx, desk);
  await ctx.db.deleteFrom('queue_desk').where('desk', '=', desk).execute();
  ctx.emit('queue.changed', {});
}

/** Normal calls since the last priority call today (null: no priority call yet). */
async function normalsSincePriority(ctx: CoreContext): Promise<number | null> {
  const calls = await ctx.db
    .selectFrom('queue_call')
    .select('priority')
    .where('day', '=', vnDay(ctx.now()))
    .where('kind', '=', 'call')
    .orderBy('id', 'desc')
    .execute();
  const last = calls.findIndex((c) => c.priority === 1);
  return last === -1 ? null : last;
}

async function announce(ctx: CoreContext, t: StaffTicket, desk: number, kind: 'call' | 'recall'): Promise<void> {
  await ctx.db
    .insertInto('queue_call')
    .values({
      ticket_id: t.id,
      day: t.day,
      number: t.number,
      desk,
      kind,
      priority: t.priority.length > 0 ? 1 : 0,
      at: ctx.now().toISOString(),
    })
    .execute();
  const language = MINORITY_LANGUAGES.find((l) => l === t.language);
  ctx.emit('queue.called', { ticketId: t.id, number: t.number, desk, ...(language ? { language } : {}) });
  changed(ctx, t.id);
}

async function call(ctx: CoreContext, id: number, desk: number): Promise<StaffTicket> {
  const at = ctx.now().toISOString();
  await ctx.db
    .updateTable('queue_ticket')
    .set({
      status: 'called',
      desk,
      target_desk: null,
      member_id: me(ctx),
      called_at: at,
      recall_count: 0,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
  const t = await loadTicket(ctx.db, id);
  await announce(ctx, t, desk, 'call');
  return t;
}

export async function callNext(ctx: CoreContext): Promise<StaffTicket | null> {
  await rollOver(ctx);
  const desk = await requireDesk(ctx);
  await requireFree(ctx, desk);
  const settings = await readQueueSettings(ctx.db);
  const members = await deskMembers(ctx);
  const self = members.find((m) => m.desk === desk)!;
  const waiting = await ctx.db
    .selectFrom('queue_ticket')
    .select(['id', 'help_kind', 'priority', 'language', 'issued_at', 'queued_at', 'target_desk'])
    .where('day', '=', vnDay(ctx.now()))
    .where('status', '=', 'waiting')
    .execute();
  const candidates: WaitingTicket[] = waiting.map((w) => ({
    id: w.id,
    helpKind: w.help_kind,
    priority: w.priority === 1,
    language: w.language,
    issuedAt: w.issued_at,
    queuedAt: w.queued_at,
    targetDesk: w.target_desk,
  }));
  const next = pickNext(candidates, self, {
    now: ctx.now(),
    normalsSincePriority: await normalsSincePriority(ctx),
    normalsPerPriority: settings.normalsPerPriority,
    maxWaitMinutes: settings.maxWaitMinutes,
    others: members.filter((m) => m.desk !== desk),
  });
  return next ? call(ctx, next.id, desk) : null;
}

export async function callTicket(ctx: CoreContext, id: number): Promise<StaffTicket> {
  const desk = await requireDesk(ctx);
  await requireFree(ctx, desk);
  await ticketIn(ctx, id, ['waiting']);
  return call(ctx, id, desk);
}

export async function recall(ctx: CoreContext, id: number): Promise<StaffTicket> {
  const desk = await requireDesk(ctx);
  await ticketIn(ctx, id, ['called'], desk);
  await ctx.db
    .updateTable('queue_ticket')
    .set((eb) => ({ recall_count: eb('recall_count', '+', 1), updated_at: ctx.now().toISOString() }))
    .where('id', '=', id)
    .execute();
  const t = await loadTicket(ctx.db, id);
  await announce(ctx, t, desk, 'recall');
  return t;
}

export async function start(ctx: CoreContext, id: number): Promise<StaffTicket> {
  const desk = await requireDesk(ctx);
  await ticketIn(ctx, id, ['called'], desk);
  const at = ctx.now().toISOString();
  await ctx.db
    .updateTable('queue_ticket')
    .set({ status: 'serving', served_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
  changed(ctx, id);
  return loadTicket(ctx.db, id);
}

export async function putBack(ctx: CoreContext, id: number): Promise<StaffTicket> {
  const desk = await requireDesk(ctx);
  await ticketIn(ctx, id, ['called', 'serving'], desk);
  const at = ctx.now().toISOString();
  // Back to the end of the line: the citizen stepped away (to fetch a paper, a phone…).
  await ctx.db
    .updateTable('queue_ticket')
    .set({ status: 'waiting', desk: null, member_id: null, served_at: null, queued_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
  changed(ctx, id);
  return loadTicket(ctx.db, id);
}

export async function transfer(
  ctx: CoreContext,
  input: { ticketId: number; toDesk: number | null; toKind: StaffTicket['helpKind'] | null },
) {
  const t = await loadTicket(ctx.db, input.ticketId);
  if (t.status !== 'waiting') {
    const desk = await requireDesk(ctx);
    await ticketIn(ctx, t.id, ['called', 'serving'], desk);
  } else {
    await ticketIn(ctx, t.id, ['waiting']);
  }
  const point = await readPointSettings(ctx.db);
  if (input.toDesk !== null && input.toDesk > point.deskCount)
    throw new AppError('invalid_input', {}, { toDesk: 'queue:problems.desk' });
  const at = ctx.now().toISOString();
  // It keeps its place in line (queued_at): the citizen has already waited.
  await ctx.db
    .updateTable('queue_ticket')
    .set((eb) => ({
      status: 'waiting',
      desk: null,
      member_id: null,
      served_at: null,
      target_desk: input.toDesk,
      help_kind: input.toKind ?? t.helpKind,
      transfer_count: eb('transfer_count', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', t.id)
    .execute();
  changed(ctx, t.id);
  return loadTicket(ctx.db, t.id);
}
