import { AppError } from '#shared/contract';
import { monthMinimums, yearMinimums, type ActivityKind } from '#shared/team/activities';
import type { Activity } from '#shared/team/roster-contract';
import { addDays, vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { recordForProvince } from '../uploads/outbox';

export interface ActivityFields {
  kind: ActivityKind;
  day: string;
  startTime: string | null;
  place: string;
  village: string | null;
  responsibleMemberId: number | null;
  targetGroup: string;
  topic: string | null;
}

async function rows(db: Db, from: string, to: string): Promise<Activity[]> {
  const list = await db
    .selectFrom('activity')
    .leftJoin('member', 'member.id', 'activity.responsible_member_id')
    .selectAll('activity')
    .select('member.full_name as responsible_name')
    .where('activity.day', '>=', from)
    .where('activity.day', '<=', to)
    .orderBy('activity.day')
    .orderBy('activity.start_time')
    .execute();
  return list.map((r) => ({
    id: r.id,
    kind: r.kind,
    day: r.day,
    startTime: r.start_time,
    place: r.place,
    village: r.village,
    responsibleMemberId: r.responsible_member_id,
    responsibleName: r.responsible_name,
    targetGroup: r.target_group,
    topic: r.topic,
    status: r.status,
    peopleReached: r.people_reached,
    result: r.result,
    version: r.version,
  }));
}

/** The month's plan with the minimums checked for the month and for the year up to it. */
export async function listActivities(ctx: CoreContext, month: string) {
  const year = Number(month.slice(0, 4));
  // A week straddling the month's edges counts activities on both sides.
  const all = await rows(ctx.db, addDays(`${year}-01-01`, -7), addDays(`${year}-12-31`, 7));
  const current = vnDay(ctx.now()).slice(0, 7);
  return {
    activities: all.filter((a) => a.day.startsWith(month)),
    monthChecks: monthMinimums(month, all),
    yearChecks: yearMinimums(year, month < current ? month : current < `${year}-01` ? `${year}-12` : current, all),
  };
}

async function checkResponsible(db: Db, memberId: number | null) {
  if (memberId === null) return;
  const m = await db.selectFrom('member').select('active').where('id', '=', memberId).executeTakeFirst();
  if (!m?.active) throw new AppError('invalid_input', {}, { responsibleMemberId: 'team:problems.notInTeam' });
}

export async function saveActivity(ctx: CoreContext, input: ActivityFields & { id?: number | undefined }) {
  await checkResponsible(ctx.db, input.responsibleMemberId);
  const at = ctx.now().toISOString();
  const values = {
    kind: input.kind,
    day: input.day,
    start_time: input.startTime,
    place: input.place,
    village: input.village,
    responsible_member_id: input.responsibleMemberId,
    target_group: input.targetGroup,
    topic: input.topic,
    updated_at: at,
  };
  let id: number;
  let version = 1;
  if (input.id) {
    const existing = await ctx.db
      .selectFrom('activity')
      .select(['id', 'version'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!existing) throw new AppError('not_found');
    version = existing.version + 1;
    await ctx.db
      .updateTable('activity')
      .set({ ...values, version })
      .where('id', '=', input.id)
      .execute();
    id = input.id;
  } else {
    const row = await ctx.db
      .insertInto('activity')
      .values({ ...values, status: 'planned', people_reached: null, result: null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  await recordForProvince(ctx, 'activity', id, version, input.day);
  ctx.emit('roster.changed', {});
  return { id };
}

/** Afterwards: what happened. A leader, or the member responsible for it. */
export async function reportActivity(
  ctx: CoreContext,
  input: { id: number; status: 'planned' | 'done' | 'cancelled'; peopleReached: number | null; result: string | null },
) {
  const existing = await ctx.db
    .selectFrom('activity')
    .select(['id', 'version', 'day', 'responsible_member_id'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!existing) throw new AppError('not_found');
  if (ctx.caller.role === 'duty_member' && existing.responsible_member_id !== ctx.caller.memberId)
    throw new AppError('forbidden');
  if (input.status === 'done' && existing.day > vnDay(ctx.now()))
    throw new AppError('invalid_input', {}, { status: 'team:problems.future' });
  const version = existing.version + 1;
  await ctx.db
    .updateTable('activity')
    .set({
      status: input.status,
      people_reached: input.status === 'done' ? input.peopleReached : null,
      result: input.result,
      version,
      updated_at: ctx.now().toISOString(),
    })
    .where('id', '=', input.id)
    .execute();
  await recordForProvince(ctx, 'activity', input.id, version, existing.day);
  ctx.emit('roster.changed', {});
}
