import { createHash, randomBytes } from 'node:crypto';
import type { StaffRole } from '#shared/contract';
import type { Caller, Device } from '../context';
import type { Db } from '../db/open';

/** A working day: a duty member signs in once in the morning. */
export const SESSION_HOURS = 10;

export function sessionKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, memberId: number, role: StaffRole, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db
    .insertInto('session')
    .values({
      token_hash: sessionKey(token),
      member_id: memberId,
      role,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

export async function endSession(db: Db, key: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', key).execute();
}

/**
 * A valid, unexpired session of an active member makes the caller that member with the role
 * stored on the member now (a role taken away takes effect at once); anything else is a citizen.
 */
export async function resolveCaller(
  db: Db,
  token: string | null,
  device: Device,
  now: Date,
): Promise<Omit<Caller, 'peer'>> {
  const citizen = { role: 'citizen' as const, memberId: null, sessionKey: null, device };
  if (!token || token.length > 200) return citizen;
  const key = sessionKey(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('member', 'member.id', 'session.member_id')
    .select([
      'member.id as memberId',
      'member.access_role as role',
      'member.active as active',
      'session.expires_at as expiresAt',
    ])
    .where('session.token_hash', '=', key)
    .executeTakeFirst();
  if (!row?.active || row.expiresAt <= now.toISOString()) return citizen;
  return { role: row.role, memberId: row.memberId, sessionKey: key, device };
}
