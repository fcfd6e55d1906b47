import { AppError } from '#shared/contract';
import { todayProblem } from '#shared/team/coverage';
import { vnDay, vnTime } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { checkPin } from '../settings/access';
import { readPointSettings } from '../settings/service';
import { releaseDesksOffDuty } from '../queue/duty';
import { recordForProvince } from '../uploads/outbox';
import { calendarOf } from './roster';

async function presenceOf(db: Db, id: number) {
  const r = await db
    .selectFrom('attendance')
    .innerJoin('member', 'member.id', 'attendance.member_id')
    .select([
      'attendance.id',
      'attendance.member_id',
      'member.full_name',
      'attendance.signed_in_at',
      'attendance.signed_out_at',
      'attendance.planned',
    ])
    .where('attendance.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    attendanceId: r.id,
    memberId: r.member_id,
    fullName: r.full_name,
    signedInAt: r.signed_in_at,
    signedOutAt: r.signed_out_at,
    planned: r.planned === 1,
  };
}

async function openRow(db: Db, memberId: number, day: string) {
  return db
    .selectFrom('attendance')
    .select(['id', 'version'])
    .where('member_id', '=', memberId)
    .where('day', '=', day)
    .where('signed_out_at', 'is', null)
    .executeTakeFirst();
}

/**
 * The member's own session proves who they are; for someone else at the same PC (a colleague
 * arriving while the leader is signed in) their PIN does (wrong PINs count towards the lock).
 */
async function proveIdentity(ctx: CoreContext, memberId: number, pin: string | undefined): Promise<void> {
  if (pin === undefined && memberId === ctx.caller.memberId) return;
  if (pin === undefined) throw new AppError('invalid_input', {}, { pin: 'team:problems.pinForOther' });
  await checkPin(ctx, memberId, pin);
}

/** Sign in for duty. Signing in twice is harmless: the open presence is returned, never doubled. */
export async function signInForDuty(ctx: CoreContext, memberId: number, pin: string | undefined) {
  await proveIdentity(ctx, memberId, pin);
  return startDuty(ctx, memberId);
}

/** Open today's presence of a member whose identity is already proven (duty sign-in, opening a desk). */
export async function startDuty(ctx: CoreContext, memberId: number) {
  const day = vnDay(ctx.now());
  const open = await openRow(ctx.db, memberId, day);
  if (open) return presenceOf(ctx.db, open.id);
  const planned = await ctx.db
    .selectFrom('roster_shift')
    .select('id')
    .where('day', '=', day)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  const at = ctx.now().toISOString();
  const row = await ctx.db
    .insertInto('attendance')
    .values({
      member_id: memberId,
      day,
      signed_in_at: at,
      signed_out_at: null,
      planned: planned ? 1 : 0,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordForProvince(ctx, 'attendance', row.id, 1, day);
  ctx.emit('roster.changed', {});
  return presenceOf(ctx.db, row.id);
}

/** Sign out of duty; the member's desk, if they still hold one, is freed for the others. */
export async function signOutOfDuty(ctx: CoreContext, memberId: number, pin: string | undefined) {
  await proveIdentity(ctx, memberId, pin);
  const day = vnDay(ctx.now());
  const open = await openRow(ctx.db, memberId, day);
  if (!open) throw new AppError('invalid_input', {}, { memberId: 'team:problems.notSignedIn' });
  const at = ctx.now().toISOString();
  const version = open.version + 1;
  await ctx.db
    .updateTable('attendance')
    .set({ signed_out_at: at, version, updated_at: at })
    .where('id', '=', open.id)
    .execute();
  await recordForProvince(ctx, 'attendance', open.id, version, day);
  await releaseDesksOffDuty(ctx, memberId);
  ctx.emit('roster.changed', {});
  return presenceOf(ctx.db, open.id);
}

/** Today at the point: planned, present, and the problem the leader must see this morning. */
export async function today(ctx: CoreContext) {
  const now = ctx.now();
  const day = vnDay(now);
  const point = await readPointSettings(ctx.db);
  const { days } = await calendarOf(ctx.db, day.slice(0, 7));
  const working = days.find((d) => d.day === day)!.working;
  const planned = await ctx.db
    .selectFrom('roster_shift')
    .innerJoin('member', 'member.id', 'roster_shift.member_id')
    .select(['roster_shift.member_id', 'member.full_name', 'roster_shift.shift'])
    .where('roster_shift.day', '=', day)
    .orderBy('member.full_name')
    .execute();
  const rows = await ctx.db
    .selectFrom('attendance')
    .select('id')
    .where('day', '=', day)
    .orderBy('signed_in_at')
    .execute();
  const present = [];
  for (const r of rows) present.push(await presenceOf(ctx.db, r.id));
  return {
    day,
    working,
    openTime: point.openTime,
    planned: planned.map((p) => ({ memberId: p.member_id, fullName: p.full_name, shift: p.shift })),
    present,
    problem: todayProblem({
      working,
      planned: planned.length,
      signedIn: new Set(present.map((p) => p.memberId)).size,
      openTime: point.openTime,
      nowTime: vnTime(now),
    }),
  };
}
