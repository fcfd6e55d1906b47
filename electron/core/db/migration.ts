import { sql, type Kysely } from 'kysely';

/** A schema change, frozen once released. `up` runs inside a transaction of its own. */
export interface Migration {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema of its day, not today's types (Kysely's advice).
  up(db: Kysely<any>): Promise<void>;
}

/** Run DDL statements one by one (node-sqlite3 runs only the first statement of a string). */
// biome-ignore lint/suspicious/noExplicitAny: raw DDL, typed by no schema.
export async function execAll(db: Kysely<any>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
