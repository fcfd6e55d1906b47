import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { DURABLE_PRAGMAS } from '#core/db/open';

/** Floors: one row per transaction in a WAL database with synchronous=FULL, nothing else. */
export async function bareSqlite(dir: string) {
  const db = new sqlite3.Database(join(dir, 'bare.sqlite3'));
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  for (const pragma of DURABLE_PRAGMAS) await run(pragma);
  await run(
    'create table t (id integer primary key, day text not null, number text not null, issued_at text not null, unique(day, number)) strict',
  );
  const INSERT = 'insert into t (day, number, issued_at) values (?, ?, ?)';
  const prepared = ['begin immediate', INSERT, 'commit'].map((sql) => db.prepare(sql));
  const step = (stmt: sqlite3.Statement, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => stmt.run(params, (err) => (err ? reject(err) : resolve())));
  let i = 0;
  return {
    /** As the bench has always measured it: each statement prepared when it runs. */
    async insert() {
      await run('begin immediate');
      await run(INSERT, ['2026-11-25', `A${i++}`, new Date().toISOString()]);
      await run('commit');
    },
    /** The least node-sqlite3 can do: the three statements prepared once. */
    async insertPrepared() {
      await step(prepared[0]!);
      await step(prepared[1]!, ['2026-11-25', `A${i++}`, new Date().toISOString()]);
      await step(prepared[2]!);
    },
    close: async () => {
      for (const stmt of prepared) await new Promise<void>((resolve) => stmt.finalize(() => resolve()));
      await new Promise<void>((resolve) => db.close(() => resolve()));
    },
  };
}
