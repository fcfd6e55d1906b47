import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

export class DatabaseTooNewError extends Error {
  constructor(readonly unknown: string[]) {
    super(`database has migrations this version does not know: ${unknown.join(', ')}`);
  }
}

/**
 * Apply, in order, every registered migration not yet applied, each in its own transaction
 * (Kysely's Migrator does not wrap DDL in a transaction on SQLite). A database written by a
 * newer version is refused rather than guessed at.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types.
export async function migrate(db: Kysely<any>, migrations: readonly Migration[]): Promise<string[]> {
  // STRICT is SQLite's; the province's store may be on PostgreSQL (electron/province/dialect.ts).
  const strict = sql.raw(db.getExecutor().adapter instanceof SqliteAdapter ? ' strict' : '');
  await sql`create table if not exists schema_migration (name text primary key, applied_at text not null)${strict}`.execute(
    db,
  );
  const applied = new Set(
    (await sql<{ name: string }>`select name from schema_migration`.execute(db)).rows.map((r) => r.name),
  );
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied].filter((name) => !known.has(name));
  if (unknown.length) throw new DatabaseTooNewError(unknown);

  const ran: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      await sql`insert into schema_migration (name, applied_at) values (${migration.name}, ${new Date().toISOString()})`.execute(
        trx,
      );
    });
    ran.push(migration.name);
  }
  return ran;
}
