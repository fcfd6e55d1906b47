import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '#shared/contract/errors';
import { HUB_ACCOUNT_ROLES, type HubAccountRole, type HubRole } from '#shared/province/roles';
import { lockMinutes, MAX_WRONG_PINS } from '#core/settings/access';
import { hashPin as hashSecret, needsRehash, verifyPin as verifySecret } from '#core/settings/pin';
import type { HubDb } from './hub-store';

/**
 * Accounts of the hub: scrypt like the point's PINs (same parameters, same rehash), a lock after
 * five wrong passwords that grows threefold each time up to a day (the point's rule), sessions
 * kept only as a hash of the cookie's token, and API tokens that can only read.
 */
export const SESSION_HOURS = 10;
export const MIN_PASSWORD_LENGTH = 12;

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
): Promise<void> {
  const name = input.name.trim();
  if (!/^[\p{L}\p{N}._@-]{3,80}$/u.test(name))
    throw new AccountError('an account name is 3 to 80 letters, digits or . _ @ -');
  if (!(HUB_ACCOUNT_ROLES as readonly string[]).includes(input.role))
    throw new AccountError(`a role is one of: ${HUB_ACCOUNT_ROLES.join(', ')}`);
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new AccountError(`a password has at least ${MIN_PASSWORD_LENGTH} characters`);
  if (await db.selectFrom('hub_account').select('id').where('name', '=', name).executeTakeFirst())
    throw new AccountError(`account ${name} already exists`);
  const password_hash = await hashSecret(input.password);
  await db.transaction().execute(async (trx) => {
    await trx
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
      .execute();
    await trx
      .insertInto('hub_audit')
      .values({
        id: undefined,
        at: input.at.toISOString(),
        account_id: null,
        action: 'account.add',
        detail: JSON.stringify({ name, role: input.role, by: input.by }),
      })
      .execute();
  });
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

/** Check a password; a wrong one counts (committed even though the call fails). */
export async function signIn(
  db: HubDb,
  name: string,
  password: string,
  now: Date,
): Promise<{ name: string; role: HubAccountRole; token: string; expiresAt: string }> {
  const account = await db
    .selectFrom('hub_account')
    .selectAll()
    .where('name', '=', name.trim())
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!account) {
    decoy ??= hashSecret(randomBytes(16).toString('hex'));
    await verifySecret(password, await decoy);
    throw new AppError('wrong_password');
  }
  if (account.locked_until && account.locked_until > now.toISOString()) {
    throw new AppError('account_locked', {
      minutes: Math.ceil((Date.parse(account.locked_until) - now.getTime()) / 60_000),
    });
  }
  if (!(await verifySecret(password, account.password_hash))) {
    const failures = account.failures + 1;
    const locks = failures >= MAX_WRONG_PINS;
    const rounds = locks ? account.lock_rounds + 1 : account.lock_rounds;
    const minutes = lockMinutes(rounds);
    await db
      .updateTable('hub_account')
      .set({
        failures: locks ? 0 : failures,
        lock_rounds: rounds,
        locked_until: locks ? new Date(now.getTime() + minutes * 60_000).toISOString() : account.locked_until,
      })
      .where('id', '=', account.id!)
      .execute();
    await audit(
      db,
      account.id!,
      locks ? 'account.locked' : 'account.wrongPassword',
      locks ? { minutes, round: rounds } : { failures },
      now,
    );
    if (locks) throw new AppError('account_locked', { minutes, commit: 1 });
    throw new AppError('wrong_password', { commit: 1 });
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  const rehash = needsRehash(account.password_hash) ? await hashSecret(password) : account.password_hash;
  await db
    .updateTable('hub_account')
    .set({ failures: 0, lock_rounds: 0, locked_until: null, password_hash: rehash })
    .where('id', '=', account.id!)
    .execute();
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
