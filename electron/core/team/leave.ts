import { AppError } from '#shared/contract';
import type { CoreContext } from '../context';
import { audit } from '../settings/audit';
import { noteRosterDays } from './roster-changes';

const isLeader = (ctx: CoreContext) => ctx.caller.role !== 'duty_member';

/** A member enters their own leave; a leader may enter anyone's. */
function checkOwner(ctx: CoreContext, memberId: number) {
  if (!isLeader(ctx) && memberId !== ctx.caller.memberId) throw new AppError('forbidden');
}

export async function listLeave(ctx: CoreContext, from: string) {
  let q = ctx.db
    .selectFrom('member_unavailable')
    .innerJoin('member', 'member.id', 'member_unavailable.member_id')
    .select([
      'member_unavailable.id',
      'member_unavailable.member_id',
      'member.full_name',
      'member_unavailable.from_day',
      'member_unavailable.to_day',
      'member_unavailable.reason',
    ])
    .where('member_unavailable.to_day', '>=', from);
  if (!isLeader(ctx)) q = q.where('member_unavailable.member_id', '=', ctx.caller.memberId!);
  const rows = await q.orderBy('member_unavailable.from_day').execute();
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    fullName: r.full_name,
    from: r.from_day,
    to: r.to_day,
    reason: r.reason,
  }));
}

/**
 * Leave takes the member off the planned days it covers, so the roster shows the gap the
 * leader must fill instead of a name that will not come.
 */
export async function addLeave(
  ctx: CoreContext,
  input: { memberId: number; from: string; to: string; reason: string | null },
) {
  checkOwner(ctx, input.memberId);
  const member = await ctx.db.selectFrom('member').select('id').where('id', '=', input.memberId).executeTakeFirst();
  if (!member) throw new AppError('not_found');
  const row = await ctx.db
    .insertInto('member_unavailable')
    .values({
      member_id: input.memberId,
      from_day: input.from,
      to_day: input.to,
      reason: input.reason,
      created_at: ctx.now().toISOString(),
      created_by: ctx.caller.memberId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const shifts = await ctx.db
    .selectFrom('roster_shift')
    .select(['id', 'day', 'shift'])
    .where('member_id', '=', input.memberId)
    .where('day', '>=', input.from)
    .where('day', '<=', input.to)
    .execute();
  if (shifts.length)
    await ctx.db
      .deleteFrom('roster_shift')
      .where(
        'id',
        'in',
        shifts.map((s) => s.id),
      )
      .execute();
  await audit(ctx, 'leave.add', {
    memberId: input.memberId,
    from: input.from,
    to: input.to,
    removedShifts: shifts.length,
  });
  // Told on their home screen only when someone else entered the leave for them.
  const told =
    input.memberId === ctx.caller.memberId
      ? []
      : shifts.map((s) => ({ memberId: input.memberId, day: s.day, before: s.shift, after: null }));
  await noteRosterDays(
    ctx,
    shifts.map((s) => s.day),
    told,
  );
  return { id: row.id, removedShifts: shifts.length };
}

export async function removeLeave(ctx: CoreContext, id: number) {
  const row = await ctx.db.selectFrom('member_unavailable').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  checkOwner(ctx, row.member_id);
  await ctx.db.deleteFrom('member_unavailable').where('id', '=', id).execute();
  await audit(ctx, 'leave.remove', { memberId: row.member_id, from: row.from_day, to: row.to_day });
  ctx.emit('roster.changed', {});
}
