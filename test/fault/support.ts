import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { DEMO_PINS } from '../../electron/core/demo-pins';
import type { RunningServer } from '../support/server';

/** electron/core/app.ts DATABASE_FILE; not imported, so these tests load no domain code. */
export const DATABASE_FILE = 'diem-ho-tro-so.sqlite3';

export const DEMO_PIN = {
  admin: DEMO_PINS.admin, team_leader: DEMO_PINS.leader, commune_official: DEMO_PINS.official, duty_member: DEMO_PINS.member,
} as const;
export type StaffRole = keyof typeof DEMO_PIN;

/** Sign in one demo account of each role over HTTP; returns their tokens and ids. */
export async function demoSessions(server: RunningServer): Promise<Record<StaffRole, { token: string; memberId: number }>> {
  const options = (await server.call('access.signInOptions', {})).body.result as { id: number; role: StaffRole }[];
  const out = {} as Record<StaffRole, { token: string; memberId: number }>;
  for (const role of Object.keys(DEMO_PIN) as StaffRole[]) {
    const member = options.find((o) => o.role === role);
    if (!member) throw new Error(`no demo ${role}`);
    const res = await server.call('access.signIn', { memberId: member.id, pin: DEMO_PIN[role] });
    if (res.status !== 200) throw new Error(`sign-in ${role}: ${JSON.stringify(res.body)}`);
    out[role] = { token: res.body.result.token, memberId: member.id };
  }
  return out;
}

/** Open the data folder's database directly (after the server is gone): WAL recovery runs here. */
export async function withDataDb<T>(dataDir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

export async function integrity(db: Db): Promise<string> {
  const rows = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  return rows.rows.map((r) => r.integrity_check).join('; ');
}
