import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { openTestApp } from '../../electron/core/testing';
import { DURABLE_PRAGMAS } from '../../electron/core/db/open';
import { morningClock, openingMorning, startServer } from '../support/server';

const N = 200;
const INPUT = { helpKind: 'dvc', priority: ['elderly'], language: 'vi' };

async function timed(n: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let i = 0;
  while (i < 5) await op(i++); // warm-up: JIT, page cache, prepared paths
  const start = performance.now();
  while (i < n + 5) await op(i++);
  return (performance.now() - start) / n;
}

/** The floor: one row per transaction in a WAL database with synchronous=FULL, nothing else. */
async function bareSqlite(dir: string): Promise<number> {
  const db = new sqlite3.Database(join(dir, 'bare.sqlite3'));
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  for (const pragma of DURABLE_PRAGMAS) await run(pragma);
  await run('create table t (id integer primary key, day text not null, number text not null, issued_at text not null, unique(day, number)) strict');
  const ms = await timed(N, async (i) => {
    await run('begin immediate');
    await run('insert into t (day, number, issued_at) values (?, ?, ?)', ['2026-11-25', `A${i}`, new Date().toISOString()]);
    await run('commit');
  });
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return ms;
}

/**
 * A check-in through the HTTP API against the real server, through the core (the gate), and
 * the bare durable insert underneath, measured in the same run on the same disk.
 */
export async function benchQueue(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-queue-'));
  try {
    const bare = await bareSqlite(dir);

    // The point's clock at a working morning: the kiosk takes numbers only in opening hours.
    const app = await openTestApp({ now: morningClock() });
    const core = await timed(N, () => app.invoke('queue.checkIn', INPUT, { device: 'kiosk' }));
    await app.cleanup();

    const server = await startServer({ dataDir: join(dir, 'server'), demo: true, clock: openingMorning() });
    let http: number;
    let parallel: number;
    try {
      http = await timed(N, async () => {
        const r = await server.call('queue.checkIn', INPUT);
        if (r.status !== 200) throw new Error(`check-in failed: ${JSON.stringify(r.body)}`);
      });
      const start = performance.now();
      const all = await Promise.all(Array.from({ length: N }, () => server.call('queue.checkIn', INPUT)));
      parallel = performance.now() - start;
      if (new Set(all.map((r) => r.body.result.number)).size !== N) throw new Error('duplicate numbers under parallel check-ins');
    } finally {
      await server.stop();
    }
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return {
      queue_checkin_http_ms: round(http),
      queue_checkin_core_ms: round(core),
      queue_bare_sqlite_insert_ms: round(bare),
      queue_checkin_http_vs_bare_ratio: round(http / bare),
      queue_checkin_core_vs_bare_ratio: round(core / bare),
      queue_checkin_200_parallel_http_total_ms: round(parallel),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
