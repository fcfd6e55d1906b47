import { AppError } from '../../../shared/contract';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { audit } from './audit';
import { verifyPin } from './pin';
import { createSession } from './sessions';

export const MAX_WRONG_PINS = 5;
export const LOCK_MINUTES = 5;

async function findActiveMember(db: Db, memberId: number) {
  const member = await db.selectFrom('member').selectAll().where('id', '=', memberId).where('active', '=', 1).executeTakeFirst();
  if (!member) throw new AppError('not_found');
  return member;
}

/**
 * Check a member's PIN. Five wrong in a row lock the member for LOCK_MINUTES; the counter is
 * committed even though the call fails (`commit: 1`), so restarting does not reset it.
 */
export async function checkPin(ctx: CoreContext, memberId: number, pin: string) {
  const member = await findActiveMember(ctx.db, memberId);
  const now = ctx.now();
  if (member.locked_until && member.locked_until > now.toISOString()) {
    const minutes = Math.ceil((Date.parse(member.locked_until) - now.getTime()) / 60_000);
    throw new AppError('member_locked', { minutes });
  }
  if (await verifyPin(pin, member.pin_hash)) {
    await ctx.db.updateTable('member').set({ failed_pin_count: 0, locked_until: null }).where('id', '=', member.id).execute();
    return member;
  }
  const failures = member.failed_pin_count + 1;
  const locked = failures >= MAX_WRONG_PINS;
  await ctx.db
    .updateTable('member')
    .set({
      failed_pin_count: locked ? 0 : failures,
      locked_until: locked ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null,
    })
    .where('id', '=', member.id)
    .execute();
  await audit(ctx, locked ? 'access.locked' : 'access.wrongPin', { memberId: member.id });
  if (locked) throw new AppError('member_locked', { minutes: LOCK_MINUTES, commit: 1 });
  throw new AppError('wrong_pin', { remaining: MAX_WRONG_PINS - failures, commit: 1 });
}

export async function signIn(ctx: CoreContext, memberId: number, pin: string) {
  const member = await checkPin(ctx, memberId, pin);
  const session = await createSession(ctx.db, member.id, member.access_role, ctx.now());
  await audit(ctx, 'access.signIn', { memberId: member.id });
  return { ...session, member: { id: member.id, fullName: member.full_name, role: member.access_role } };
}

export async function signInOptions(db: Db) {
  const rows = await db
    .selectFrom('member')
    .select(['id', 'full_name', 'access_role'])
    .where('active', '=', 1)
    .orderBy('access_role', 'desc')
    .orderBy('full_name')
    .execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, role: r.access_role }));
}

/**
 * Leaving the kiosk needs an active admin's PIN. Refusals are counted from the audit trail, so
 * five wrong tries lock the kiosk exit for LOCK_MINUTES as they would lock a member.
 */
export async function verifyAdminPin(ctx: CoreContext, pin: string): Promise<void> {
  const since = new Date(ctx.now().getTime() - LOCK_MINUTES * 60_000).toISOString();
  const refusals = await ctx.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'access.kioskExitRefused')
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (refusals.n >= MAX_WRONG_PINS) throw new AppError('member_locked', { minutes: LOCK_MINUTES });
  const admins = await ctx.db.selectFrom('member').select('pin_hash').where('access_role', '=', 'admin').where('active', '=', 1).execute();
  for (const admin of admins) if (await verifyPin(pin, admin.pin_hash)) return;
  await audit(ctx, 'access.kioskExitRefused');
  throw new AppError('wrong_pin', { remaining: Math.max(0, MAX_WRONG_PINS - refusals.n - 1), commit: 1 });
}
