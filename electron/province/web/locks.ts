import { AppError } from '#shared/contract/errors';
import { formatDate, formatTime } from '#shared/format/vietnamese';
import { MAX_WRONG_PINS_PER_PEER, PEER_WINDOW_MINUTES } from '#core/settings/access';
import { countWrongTry, LONGEST_LOCK_MINUTES, minutesLocked, type LockState } from '#core/settings/lock';
import type { HubDb } from './hub-store';

/**
 * Wrong sign-ins per network address, across accounts (the point's per-device limit, with the
 * point's growing lock): ten within a quarter of an hour lock the address for 5 minutes, then
 * 15, 45, … up to a day. A quiet quarter of an hour forgets the count, a quiet day the rounds,
 * so an office behind one address is not punished for last month's typos. A good sign-in does
 * not clear it: a stranger with one account of their own cannot use it to guess others.
 */
export const MAX_WRONG_SIGNINS_PER_ADDRESS = MAX_WRONG_PINS_PER_PEER;
export const ADDRESS_WINDOW_MINUTES = PEER_WINDOW_MINUTES;

/** The refusal, saying when to try again (Vietnam time, dd/mm/yyyy and 24-hour). */
export function addressLocked(minutes: number, now: Date): AppError {
  const at = new Date(now.getTime() + minutes * 60_000).toISOString();
  return new AppError('address_locked', { minutes, time: formatTime(at), date: formatDate(at) });
}

/** Refuse before any password or code is checked when the address is locked. */
export async function refuseLockedAddress(db: HubDb, address: string, now: Date): Promise<void> {
  const row = await db.selectFrom('hub_address_lock').selectAll().where('address', '=', address).executeTakeFirst();
  const minutes = row ? minutesLocked(row, now) : 0;
  if (minutes > 0) throw addressLocked(minutes, now);
}

/** Count a wrong password, name or setup code from `address`; the minutes of the lock it began, else null. */
export async function countAddressFailure(db: HubDb, address: string, now: Date): Promise<number | null> {
  const row = await db.selectFrom('hub_address_lock').selectAll().where('address', '=', address).executeTakeFirst();
  const quiet = row ? (now.getTime() - Date.parse(row.last_failure_at)) / 60_000 : Number.POSITIVE_INFINITY;
  const state: LockState = {
    failures: row && quiet < ADDRESS_WINDOW_MINUTES ? row.failures : 0,
    rounds: row && quiet < LONGEST_LOCK_MINUTES ? row.rounds : 0,
    locked_until: row?.locked_until ?? null,
  };
  const minutes = countWrongTry(state, now, MAX_WRONG_SIGNINS_PER_ADDRESS);
  const values = { ...state, last_failure_at: now.toISOString() };
  await db
    .insertInto('hub_address_lock')
    .values({ address, ...values })
    .onConflict((oc) => oc.column('address').doUpdateSet(values))
    .execute();
  return minutes;
}

/** For the admin: accounts and addresses locked now, and the locks of the last seven days. */
export async function listLocks(db: HubDb, now: Date) {
  const at = now.toISOString();
  const [accounts, addresses, recent] = await Promise.all([
    db
      .selectFrom('hub_account')
      .select(['name', 'locked_until', 'lock_rounds'])
      .where('locked_until', '>', at)
      .orderBy('locked_until', 'desc')
      .execute(),
    db
      .selectFrom('hub_address_lock')
      .select(['address', 'locked_until', 'rounds'])
      .where('locked_until', '>', at)
      .orderBy('locked_until', 'desc')
      .execute(),
    db
      .selectFrom('hub_audit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', 'in', ['account.locked', 'address.locked'])
      .where('at', '>', new Date(now.getTime() - 7 * 24 * 3_600_000).toISOString())
      .executeTakeFirstOrThrow(),
  ]);
  return {
    accounts: accounts.map((a) => ({ name: a.name, until: a.locked_until!, round: a.lock_rounds })),
    addresses: addresses.map((a) => ({ address: a.address, until: a.locked_until!, round: a.rounds })),
    locksThisWeek: Number(recent.n),
  };
}

/** Lift an account's or an address's lock and forget its count (the admin knows who it was). */
export async function unlock(db: HubDb, target: { kind: 'account' | 'address'; key: string }): Promise<void> {
  const changed =
    target.kind === 'account'
      ? await db
          .updateTable('hub_account')
          .set({ failures: 0, lock_rounds: 0, locked_until: null })
          .where('name', '=', target.key)
          .executeTakeFirst()
      : await db.deleteFrom('hub_address_lock').where('address', '=', target.key).executeTakeFirst();
  const n = 'numUpdatedRows' in changed ? changed.numUpdatedRows : changed.numDeletedRows;
  if (Number(n) === 0) throw new AppError('not_found');
}
