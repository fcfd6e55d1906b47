import { sql } from 'kysely';
import { AppError } from '#shared/contract';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { pointKeys } from '../security/keys';
import { audit } from './audit';
import { hashPin, needsRehash, pinIsWeak, pinTurn, verifyPin } from './pin';
import type { PinStateTable } from './schema';
import type { MemberTable } from '../team/schema';
import { createSession } from './sessions';
import { countWrongTry, MAX_WRONG_PINS, minutesLocked } from './lock';

export { LOCK_MINUTES, LONGEST_LOCK_MINUTES, lockMinutes, MAX_WRONG_PINS } from './lock';

/** Wrong PINs one device may send in a window, whichever members they were for. */
export const PEER_WINDOW_MINUTES = 15;
export const MAX_WRONG_PINS_PER_PEER = 10;
/** The point's own PC is one "device" for everyone who sits at it: a higher bar, same window. */
export const MAX_WRONG_PINS_ON_OWN_SCREENS = 30;
/** Wrong PINs from all LAN devices together in a window (a stranger with many addresses). */
export const MAX_WRONG_PINS_FROM_LAN = 30;

type Scope = PinStateTable['scope'];
type Member = Pick<MemberTable, 'pin_hash' | 'access_role' | 'full_name'> & { id: number };

/** A LAN device's guesses never lock a member out of the point's own screens. */
function scopeOf(ctx: CoreContext): Scope {
  return ctx.caller.device === 'lan' ? 'lan' : 'own';
}

async function findActiveMember(db: Db, memberId: number): Promise<Member> {
  const member = await db
    .selectFrom('member')
    .select(['id', 'pin_hash', 'access_role', 'full_name'])
    .where('id', '=', memberId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!member) throw new AppError('not_found');
  return member;
}

async function statesOf(db: Db, ids: number[], scope: Scope): Promise<Map<number, PinStateTable>> {
  const rows = ids.length
    ? await db.selectFrom('pin_state').selectAll().where('member_id', 'in', ids).where('scope', '=', scope).execute()
    : [];
  const map = new Map(rows.map((r) => [r.member_id, r]));
  for (const id of ids)
    if (!map.has(id)) map.set(id, { member_id: id, scope, failures: 0, rounds: 0, locked_until: null });
  return map;
}

async function saveState(db: Db, state: PinStateTable): Promise<void> {
  const { member_id: _id, scope: _scope, ...values } = state;
  await db
    .insertInto('pin_state')
    .values(state)
    .onConflict((oc) => oc.columns(['member_id', 'scope']).doUpdateSet(values))
    .execute();
}

/** Before any PIN is checked: has this device, or the LAN as a whole, guessed too much lately? */
async function limitGuesses(ctx: CoreContext, scope: Scope, peer: string): Promise<void> {
  const since = new Date(ctx.now().getTime() - PEER_WINDOW_MINUTES * 60_000).toISOString();
  const { rows } = await sql<{ peer: number; lan: number }>`select
      coalesce(sum(json_extract(detail, '$.peer') = ${peer}), 0) as peer,
      coalesce(sum(json_extract(detail, '$.scope') = 'lan'), 0) as lan
    from audit_event where action = 'access.wrongPin' and at > ${since}`.execute(ctx.db);
  const counts = rows[0]!;
  const perPeer = scope === 'lan' ? MAX_WRONG_PINS_PER_PEER : MAX_WRONG_PINS_ON_OWN_SCREENS;
  if (counts.peer >= perPeer || (scope === 'lan' && counts.lan >= MAX_WRONG_PINS_FROM_LAN)) {
    ctx.log.warn(
      { event: 'access.throttled', scope, peer, recent: counts },
      'too many wrong PINs: refused before checking',
    );
    throw new AppError('too_many_requests', { minutes: PEER_WINDOW_MINUTES });
  }
}

/**
 * Check a PIN against one member, or against every active admin (leaving the kiosk): one
 * counter per member and scope covers every way of trying it (sign-in, duty sign-in, PIN change,
 * kiosk exit). Wrong tries are committed although the call fails (`commitAnyway`), so a restart
 * forgets nothing; each lock lasts longer than the last until a good PIN; a lock from the LAN
 * never stops the right PIN on the point's own screens, and an admin can lift any lock.
 *
 * The hash (scrypt, most of a second) is computed with the database's write lock released, so
 * a check-in at the kiosk never waits for a sign-in. PIN checks take turns (`pinTurn`): the
 * counters are read, the PIN checked and the outcome recorded before the next check reads
 * them, so guesses sent at once count exactly as if sent one after another, and no more than
 * the limit are ever checked. The answer is sent only once the outcome is committed.
 */
async function tryPin(ctx: CoreContext, candidates: Member[], pin: string, via: string): Promise<Member> {
  const done = await ctx.whileUnlocked(() => pinTurn());
  try {
    return await tryPinInTurn(ctx, candidates, pin, via);
  } finally {
    // The outcome is written in this call's transaction, which holds the only connection until
    // it commits: the next check cannot read the counters before that.
    done();
  }
}

async function tryPinInTurn(ctx: CoreContext, candidates: Member[], pin: string, via: string): Promise<Member> {
  const scope = scopeOf(ctx);
  const peer = pointKeys(ctx.dataDir).tag(ctx.caller.peer);
  await limitGuesses(ctx, scope, peer);
  // Read again in this turn: the member may have been deactivated or changed meanwhile.
  const members = await stillActive(ctx.db, candidates);
  if (!members.length) throw new AppError('not_found');
  const now = ctx.now();
  const states = await statesOf(
    ctx.db,
    members.map((m) => m.id),
    scope,
  );
  const isOpen = (m: Member) => minutesLocked(states.get(m.id)!, now) === 0;
  const open = members.filter(isOpen);
  if (!open.length) {
    throw new AppError('member_locked', {
      minutes: Math.min(...members.map((m) => minutesLocked(states.get(m.id)!, now))),
    });
  }
  const verdict = await ctx.whileUnlocked(() => verifyAmong(open, pin));
  if (verdict) {
    await saveState(ctx.db, { member_id: verdict.member.id, scope, failures: 0, rounds: 0, locked_until: null });
    const changes: { pin_change_required: number; pin_hash?: string } = { pin_change_required: pinIsWeak(pin) ? 1 : 0 };
    if (verdict.rehashed) changes.pin_hash = verdict.rehashed;
    await ctx.db.updateTable('member').set(changes).where('id', '=', verdict.member.id).execute();
    return verdict.member;
  }
  let remaining = MAX_WRONG_PINS;
  let locked: number | null = null;
  for (const member of open) {
    const state = states.get(member.id)!;
    const minutes = countWrongTry(state, now);
    if (minutes !== null) {
      locked = Math.max(locked ?? 0, minutes);
      await audit(ctx, 'access.locked', { memberId: member.id, scope, round: state.rounds, minutes, via });
      ctx.log.warn(
        { event: 'access.locked', memberId: member.id, scope, round: state.rounds, minutes, via, peer },
        'member locked after wrong PINs',
      );
    } else {
      remaining = Math.min(remaining, MAX_WRONG_PINS - state.failures);
    }
    await saveState(ctx.db, state);
  }
  await audit(ctx, 'access.wrongPin', { memberIds: open.map((m) => m.id), scope, peer, via });
  ctx.log.info({ event: 'access.wrongPin', memberIds: open.map((m) => m.id), scope, peer, via }, 'wrong PIN');
  if (locked !== null && !open.some(isOpen))
    throw new AppError('member_locked', { minutes: locked }, {}, { commitAnyway: true });
  throw new AppError('wrong_pin', { remaining }, {}, { commitAnyway: true });
}

/** The first member whose hash the PIN matches (no database: runs with the lock released). */
async function verifyAmong(
  members: Member[],
  pin: string,
): Promise<{ member: Member; rehashed: string | null } | null> {
  for (const member of members) {
    if (!(await verifyPin(pin, member.pin_hash))) continue;
    return { member, rehashed: needsRehash(member.pin_hash) ? await hashPin(pin) : null };
  }
  return null;
}

async function stillActive(db: Db, members: Member[]): Promise<Member[]> {
  if (!members.length) return [];
  return db
    .selectFrom('member')
    .select(['id', 'pin_hash', 'access_role', 'full_name'])
    .where(
      'id',
      'in',
      members.map((m) => m.id),
    )
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
}

export async function checkPin(ctx: CoreContext, memberId: number, pin: string, via = 'signIn') {
  return tryPin(ctx, [await findActiveMember(ctx.db, memberId)], pin, via);
}

export async function signIn(ctx: CoreContext, memberId: number, pin: string) {
  const member = await checkPin(ctx, memberId, pin);
  const session = await createSession(ctx.db, member.id, member.access_role, ctx.now());
  await audit(ctx, 'access.signIn', { memberId: member.id, scope: scopeOf(ctx) });
  return { ...session, member: { id: member.id, fullName: member.full_name, role: member.access_role } };
}

/** Names are for the point's own screens; a LAN device signs in with the member's number. */
export async function signInOptions(ctx: CoreContext) {
  if (ctx.caller.device === 'lan') return { namesShown: false, members: [] };
  const rows = await ctx.db
    .selectFrom('member')
    .select(['id', 'full_name', 'access_role'])
    .where('active', '=', 1)
    .orderBy('access_role', 'desc')
    .orderBy('full_name')
    .execute();
  return { namesShown: true, members: rows.map((r) => ({ id: r.id, fullName: r.full_name, role: r.access_role })) };
}

/** Leaving the kiosk needs an active admin's PIN; guesses count on the admins' own counters. */
export async function verifyAdminPin(ctx: CoreContext, pin: string): Promise<void> {
  const admins = await ctx.db
    .selectFrom('member')
    .select(['id', 'pin_hash', 'access_role', 'full_name'])
    .where('access_role', '=', 'admin')
    .where('active', '=', 1)
    .execute();
  if (!admins.length) throw new AppError('not_configured');
  await tryPin(ctx, admins, pin, 'kioskExit');
}

/** For the admin's home screen: who is locked now, and how many locks there were this week. */
export async function pinLocks(ctx: CoreContext) {
  const now = ctx.now();
  const locked = await ctx.db
    .selectFrom('pin_state')
    .innerJoin('member', 'member.id', 'pin_state.member_id')
    .select(['member.id', 'member.full_name', 'pin_state.scope', 'pin_state.locked_until', 'pin_state.rounds'])
    .where('pin_state.locked_until', '>', now.toISOString())
    .orderBy('pin_state.locked_until', 'desc')
    .execute();
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3_600_000).toISOString();
  const recent = await ctx.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'access.locked')
    .where('at', '>', weekAgo)
    .executeTakeFirstOrThrow();
  return {
    locked: locked.map((r) => ({
      memberId: r.id,
      fullName: r.full_name,
      scope: r.scope,
      until: r.locked_until!,
      round: r.rounds,
    })),
    locksThisWeek: Number(recent.n),
  };
}

export async function unlockMember(ctx: CoreContext, memberId: number): Promise<void> {
  await findActiveMember(ctx.db, memberId);
  await ctx.db.deleteFrom('pin_state').where('member_id', '=', memberId).execute();
  await audit(ctx, 'access.unlock', { memberId });
  ctx.log.info({ event: 'access.unlock', memberId, by: ctx.caller.memberId }, 'admin lifted a PIN lock');
}
