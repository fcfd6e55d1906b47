import { closeSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { sql } from 'kysely';
import { AppError } from '#shared/contract';
import { DatabaseTooNewError, migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';

/** A five-year database is tens of MiB; anything near this is not one of ours. */
export const MAX_BACKUP_BYTES = 2 * 1024 ** 3;
const SIGNATURE = Buffer.from('SQLite format 3\0', 'latin1');
/** Migrations every database of this app has had since the first version. */
const FOUNDATION = ['0001_team_members', '0002_settings_and_access'];

/** The reason goes to the form as an i18n key; the message says "nothing was changed". */
export function refuse(problem: string): AppError {
  return new AppError('invalid_file', {}, { source: `backups:problems.${problem}` });
}

/** A regular file (not a folder, a device or a link) of at most `limit` bytes: its size. */
export function checkRegularFile(path: string, limit: number): number {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch {
    throw refuse('missing');
  }
  if (!stat.isFile()) throw refuse('notFile');
  if (stat.size > limit) throw refuse('tooLarge');
  return stat.size;
}

/**
 * Cheap checks before SQLite touches the file: a regular file (not a folder, a device or a
 * link), not too big, the SQLite signature, and as long as its header says it is (truncation).
 */
export function checkFileShape(path: string): number {
  const stat = { size: checkRegularFile(path, MAX_BACKUP_BYTES) };
  if (stat.size < 512) throw refuse('notSqlite');
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, 16).equals(SIGNATURE)) throw refuse('notSqlite');
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  if (pageSize < 512 || pageSize & (pageSize - 1)) throw refuse('notSqlite');
  if (pages > 0 && stat.size < pages * pageSize) throw refuse('truncated');
  return stat.size;
}

/** SQLite's own verdict, then: is it this app's database, from this version or an older one? */
async function checkContent(db: Db): Promise<void> {
  let integrity: string[];
  try {
    const rows = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    integrity = rows.rows.map((r) => r.integrity_check);
  } catch {
    throw refuse('damaged');
  }
  if (integrity.length !== 1 || integrity[0] !== 'ok') throw refuse('damaged');
  const tables = new Set(
    (await sql<{ name: string }>`select name from sqlite_schema where type = 'table'`.execute(db)).rows.map(
      (r) => r.name,
    ),
  );
  if (!tables.has('schema_migration') || !tables.has('point_setting') || !tables.has('member')) throw refuse('notOurs');
  const applied = (await sql<{ name: string }>`select name from schema_migration`.execute(db)).rows.map((r) => r.name);
  if (!FOUNDATION.every((name) => applied.includes(name))) throw refuse('notOurs');
  const known = new Set(MIGRATIONS.map((m) => m.name));
  if (applied.some((name) => !known.has(name))) throw refuse('tooNew');
  const configured = await sql<{ n: number }>`select count(*) as n from point_setting`.execute(db);
  if (!configured.rows[0]?.n) throw refuse('notOurs');
}

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };

async function schemaOf(db: Db): Promise<Map<string, string>> {
  const { rows } =
    await sql<SchemaRow>`select type, name, tbl_name, sql from sqlite_schema where substr(name, 1, 7) <> 'sqlite_' order by name`.execute(
      db,
    );
  return new Map(
    rows.map((r) => [`${r.type} ${r.name}`, `${r.tbl_name}|${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`]),
  );
}

let reference: Promise<Map<string, string>> | null = null;

/** What this version's migrations make, from nothing: the only schema a restored copy may have. */
function referenceSchema(): Promise<Map<string, string>> {
  reference ??= (async () => {
    const db = openDatabase(':memory:');
    try {
      await migrate(db, MIGRATIONS);
      return await schemaOf(db);
    } finally {
      await db.destroy();
    }
  })();
  return reference;
}

/**
 * After migration the copy's whole schema (tables, indexes, triggers, views) must be exactly
 * what the migrations make: a trigger that copies erased data into a hidden table, an extra
 * table or view, a changed column, and the copy is refused.
 */
async function checkSchema(db: Db): Promise<void> {
  const [mine, theirs] = await Promise.all([referenceSchema(), schemaOf(db)]);
  const extra = [...theirs.keys()].filter((k) => mine.get(k) !== theirs.get(k));
  const missing = [...mine.keys()].filter((k) => !theirs.has(k));
  if (extra.length || missing.length)
    throw Object.assign(refuse('schema'), { detail: [...extra, ...missing].slice(0, 5).join(', ') });
}

/**
 * Check a candidate that is already a private copy in the data folder, and bring it up to this
 * version's schema so the swap at start-up cannot fail half-way. The copy is left closed with
 * no WAL beside it.
 */
export async function checkAndMigrateCopy(path: string): Promise<void> {
  checkFileShape(path);
  const db = openDatabase(path);
  try {
    try {
      await checkContent(db);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refuse('damaged');
    }
    try {
      await migrate(db, MIGRATIONS);
    } catch (error) {
      throw error instanceof DatabaseTooNewError ? refuse('tooNew') : refuse('damaged');
    }
    await checkSchema(db);
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  } finally {
    await db.destroy().catch(() => undefined);
  }
}
