import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '#shared/contract/errors';
import { ACCOUNT_NAME_PATTERN, MIN_PASSWORD_LENGTH } from '#shared/province/accounts';
import { HUB_ACCOUNT_ROLES, type HubAccountRole, type HubRole } from '#shared/province/roles';
import { countWrongTry, minutesLocked } from '#core/settings/lock';
import { hashPin as hashSecret, needsRehash, pinTurn, verifyPin as verifySecret } from '#core/settings/pin';
import type { HubDb } from './hub-store';
import { addressLocked, countAddressFailure, refuseLockedAddress } from './locks';

/**
 * Accounts of the hub: scrypt like the point's PINs (same parameters, same rehash), a lock after
 * five wrong passwords that grows threefold each time up to a day, and one per address across
 * accounts (the point's rule, electron/core/settings/lock.ts), sessions kept only as a hash of
 * the cookie's token, and API tokens that can only read.
 */
export const SESSION_HOURS = 10;
export { MIN_PASSWORD_LENGTH } from '#shared/province/accounts';

export interface HubCaller {
  role: HubRole;
  accountId: number | null;
  name: string | null;
  sessionKey: string | null;
  peer: string;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export class AccountError extends Error {}

export async function addAccount(
  db: HubDb,
  input: { name: string; role: string; password: string; by: string; at: Date },
  options: { onlyFirstAdmin?: boolean } = {},
): Promise<number> {
  const name = input.name.trim();
  if (!ACCOUNT_NAME_PATTERN.test(name)) throw new AccountError('an account name is 3 to 80 letters, digits or . _ @ -');
  if (!(HUB_ACCOUNT_ROLES as readonly string[]).includes(input.role))
    throw new AccountError(`a role is one of: ${HUB_ACCOUNT_ROLES.join(', ')}`);
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new AccountError(`a password has at least ${MIN_PASSWORD_LENGTH} characters`);
  if (await db.selectFrom('hub_account').select('id').where('name', '=', name).executeTakeFirst())
    throw new AccountError(`account ${name} already exists`);
  const password_hash = await hashSecret(input.password);
  return db.transaction().execute(async (trx) => {
    // Read again in the transaction: two first admins made at once are one too many.
    if (options.onlyFirstAdmin && (await hasAdmin(trx))) throw new AppError('not_found');
    const { id } = await trx
      .insertInto('hub_account')
      .values({
        id: undefined,
        name,
        role: input.role as HubAccountRole,
        password_hash,
        active: 1,
        created_at: input.at.toISOString(),
        created_by: input.by,
        failures: 0,
        lock_rounds: 0,
        locked_until: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, null, 'account.add', { name, role: input.role, by: input.by }, input.at);
    return id!;
  });
}

/** Is there an active province admin? Until there is, the hub offers to make the first one. */
export async function hasAdmin(db: HubDb): Promise<boolean> {
  const row = await db
    .selectFrom('hub_account')
    .select('id')
    .where('role', '=', 'province_admin')
    .where('active', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listAccounts(db: HubDb) {
  return db
    .selectFrom('hub_account')
    .select(['name', 'role', 'active', 'created_at', 'locked_until'])
    .orderBy('name')
    .execute();
}

/** A token for another provincial system: shown once, kept as a hash; it can call read methods only. */
export async function addApiToken(db: HubDb, label: string, by: string, at: Date): Promise<string> {
  if (!label.trim()) throw new AccountError('say which system the token is for (--label)');
  const token = `dhsh_${randomBytes(32).toString('base64url')}`;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('hub_api_token')
      .values({
        id: undefined,
        token_hash: tokenHash(token),
        label: label.trim(),
        created_at: at.toISOString(),
        created_by: by,
        revoked_at: null,
      })
      .execute();
    await trx
      .insertInto('hub_audit')
      .values({
        id: undefined,
        at: at.toISOString(),
        account_id: null,
        action: 'token.add',
        detail: JSON.stringify({ label: label.trim(), by }),
      })
      .execute();
  });
  return token;
}

/** A hash to check against when the name is unknown, so a wrong name costs as long as a wrong password. */
let decoy: Promise<string> | null = null;

export interface SignedIn {
  name: string;
  role: HubAccountRole;
  token: string;
  expiresAt: string;
}

/**
 * Check a password. Checks take turns with every other check and setup-code try (the point's
 * `pinTurn`): the counters are read, the password hashed with no transaction open, and the
 * outcome committed before the next check reads them, so guesses sent at once count exactly.
 * A locked address is refused before anything is checked; a wrong name counts on the address
 * and costs as long as a wrong password.
 */
export async function signIn(
  db: HubDb,
  input: { name: string; password: string; peer: string },
  now: Date,
): Promise<SignedIn> {
  const done = await pinTurn();
  try {
    await refuseLockedAddress(db, input.peer, now);
    const account = await db
      .selectFrom('hub_account')
      .selectAll()
      .where('name', '=', input.name.trim())
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!account) {
      decoy ??= hashSecret(randomBytes(16).toString('hex'));
      await verifySecret(input.password, await decoy);
      throw await wrongTry(db, null, input.peer, now, 'signIn.unknownName');
    }
    const locked = minutesLocked(account, now);
    if (locked > 0) throw new AppError('account_locked', { minutes: locked });
    if (!(await verifySecret(input.password, account.password_hash)))
      throw await wrongTry(db, account, input.peer, now);
    const rehash = needsRehash(account.password_hash) ? await hashSecret(input.password) : account.password_hash;
    return await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('hub_account')
        .set({ failures: 0, lock_rounds: 0, locked_until: null, password_hash: rehash })
        .where('id', '=', account.id!)
        .execute();
      return openSession(trx, account, now);
    });
  } finally {
    done();
  }
}

/** A wrong password, name or setup code: counted on the account (if any) and the address in one transaction; the answer to give. */
export async function wrongTry(
  db: HubDb,
  account: { id: number | undefined; failures: number; lock_rounds: number; locked_until: string | null } | null,
  address: string,
  now: Date,
  what = 'account.wrongPassword',
): Promise<AppError> {
  return db.transaction().execute(async (trx) => {
    const addressMinutes = await countAddressFailure(trx, address, now);
    if (addressMinutes !== null) await audit(trx, null, 'address.locked', { address, minutes: addressMinutes }, now);
    let accountMinutes: number | null = null;
    if (account) {
      const state = { failures: account.failures, rounds: account.lock_rounds, locked_until: account.locked_until };
      accountMinutes = countWrongTry(state, now);
      await trx
        .updateTable('hub_account')
        .set({ failures: state.failures, lock_rounds: state.rounds, locked_until: state.locked_until })
        .where('id', '=', account.id!)
        .execute();
      await audit(
        trx,
        account.id!,
        accountMinutes !== null ? 'account.locked' : what,
        accountMinutes !== null
          ? { minutes: accountMinutes, round: state.rounds, address }
          : { failures: state.failures, address },
        now,
      );
    } else await audit(trx, null, what, { address }, now);
    if (addressMinutes !== null) return addressLocked(addressMinutes, now);
    if (accountMinutes !== null) return new AppError('account_locked', { minutes: accountMinutes });
    return new AppError('wrong_password');
  });
}

/** A new session for an account: the token goes to the cookie, only its hash is kept. */
export async function openSession(
  db: HubDb,
  account: { id: number | undefined; name: string; role: HubAccountRole },
  now: Date,
): Promise<SignedIn> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db.deleteFrom('hub_session').where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('hub_session')
    .values({
      token_hash: tokenHash(token),
      account_id: account.id!,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { name: account.name, role: account.role, token, expiresAt };
}

/** The session cookie's account (its role as stored now), an API token's system, or nobody. */
export async function resolveHubCaller(
  db: HubDb,
  credentials: { session: string | null; bearer: string | null; peer: string },
  now: Date,
): Promise<HubCaller> {
  const nobody: HubCaller = {
    role: 'anonymous',
    accountId: null,
    name: null,
    sessionKey: null,
    peer: credentials.peer,
  };
  if (credentials.bearer && credentials.bearer.length <= 200) {
    const row = await db
      .selectFrom('hub_api_token')
      .select(['label'])
      .where('token_hash', '=', tokenHash(credentials.bearer))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? { ...nobody, role: 'api', name: `api:${row.label}` } : nobody;
  }
  if (!credentials.session || credentials.session.length > 200) return nobody;
  const key = tokenHash(credentials.session);
  const row = await db
    .selectFrom('hub_session')
    .innerJoin('hub_account', 'hub_account.id', 'hub_session.account_id')
    .select(['hub_account.id', 'hub_account.name', 'hub_account.role', 'hub_account.active', 'hub_session.expires_at'])
    .where('hub_session.token_hash', '=', key)
    .executeTakeFirst();
  if (row?.active !== 1 || row.expires_at <= now.toISOString()) return nobody;
  return { role: row.role, accountId: row.id!, name: row.name, sessionKey: key, peer: credentials.peer };
}

export async function signOut(db: HubDb, caller: HubCaller): Promise<void> {
  if (caller.sessionKey) await db.deleteFrom('hub_session').where('token_hash', '=', caller.sessionKey).execute();
}

export async function audit(
  db: HubDb,
  accountId: number | null,
  action: string,
  detail: unknown,
  at: Date,
): Promise<void> {
  await db
    .insertInto('hub_audit')
    .values({
      id: undefined,
      at: at.toISOString(),
      account_id: accountId,
      action,
      detail: JSON.stringify(detail ?? null),
    })
    .execute();
}
