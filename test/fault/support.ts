import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Db } from '#core/db/open';
import { DEMO_PINS } from '#core/demo-pins';
import type { RunningServer } from '../support/server';

/** electron/core/app.ts DATABASE_FILE; not imported, so these tests load no domain code. */
export const DATABASE_FILE = 'diem-ho-tro-so.sqlite3';

export const DEMO_PIN = {
  admin: DEMO_PINS.admin,
  team_leader: DEMO_PINS.leader,
  commune_official: DEMO_PINS.official,
  duty_member: DEMO_PINS.member,
} as const;
export type StaffRole = keyof typeof DEMO_PIN;

/** Sign in one demo account of each role over HTTP; returns their tokens and ids. */
export async function demoSessions(
  server: RunningServer,
): Promise<Record<StaffRole, { token: string; memberId: number }>> {
  const options = (await server.call('access.signInOptions', {})).body.result.members as {
    id: number;
    role: StaffRole;
  }[];
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

export interface RawResponse {
  status: number;
  body: any;
  error?: string;
}

/**
 * One HTTP request as a hostile peer sends it: any Host, Origin or x-device header, a body
 * streamed in chunks (never held whole here), and a source address of our choosing. Tests may
 * only use loopback: 127.0.0.1 is the point's own PC, any other 127.x address plays a LAN device.
 */
export function rawRequest(
  url: string,
  options: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    from?: string;
    chunks?: number;
    chunkBytes?: number;
  },
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: options.path,
        method: options.method ?? 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        localAddress: options.from,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: kept as text
          }
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, body: null, error: error.code ?? error.message }),
    );
    if (options.body !== undefined) return void req.end(options.body);
    if (!options.chunks) return void req.end();
    const chunk = Buffer.alloc(options.chunkBytes ?? 1 << 20, 0x41);
    let sent = 0;
    const pump = () => {
      while (sent < options.chunks!) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** The server process's peak resident memory so far (Linux VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}
