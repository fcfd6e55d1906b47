import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * One hash over every row of every table (and the schema): equal before and after a refused
 * call means the call wrote nothing at all, whatever domain's tables it might have touched.
 */
export async function databaseChecksum(db: Kysely<any>, options: { skip?: readonly string[] } = {}): Promise<string> {
  const hash = createHash('sha256');
  const tables = (
    await sql<{
      name: string;
      sql: string;
    }>`select name, sql from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
  ).rows;
  for (const table of tables) {
    hash.update(`${table.name}\n${table.sql}\n`);
    if (options.skip?.includes(table.name)) continue;
    const rows = await sql
      .raw(`select * from "${table.name.replaceAll('"', '""')}" order by rowid`)
      .execute(db)
      .catch(() => sql.raw(`select * from "${table.name.replaceAll('"', '""')}"`).execute(db));
    for (const row of rows.rows) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** SQLite's integrity check, joined: 'ok' when the file is sound. */
export async function integrityOf(db: Kysely<any>): Promise<string> {
  return (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows
    .map((r) => r.integrity_check)
    .join('; ');
}
