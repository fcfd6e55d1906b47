import { Kysely, sql } from 'kysely';
import type { Database } from './schema';
import { Sqlite3Dialect } from './sqlite3-dialect';

/**
 * WAL with synchronous=FULL: a commit is on disk before the caller hears "saved", so a ticket
 * shown or a logbook line saved survives a power cut the instant after.
 */
export const DURABLE_PRAGMAS = [
  'pragma journal_mode = wal',
  'pragma synchronous = full',
  'pragma foreign_keys = on',
  // Erased personal data is overwritten on disk, not just unlinked from the b-tree.
  'pragma secure_delete = on',
  // After a checkpoint the WAL shrinks back to this (4 MiB): old frames do not linger on disk.
  'pragma journal_size_limit = 4194304',
] as const;

export function openDatabase(file: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new Sqlite3Dialect({ file, onOpen: DURABLE_PRAGMAS }) });
}

export type Db = Kysely<Database>;

/**
 * Copy the WAL into the database and cut it to nothing: after an erasure, the old frames that
 * still held the name and phone are gone from the -wal file too (secure_delete already zeroes
 * the freed pages in the database file). Busy when a backup is reading; the next one catches up.
 */
export async function truncateWal(db: Kysely<Database>): Promise<{ busy: boolean }> {
  const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(truncate)`.execute(db);
  return { busy: rows[0]?.busy === 1 };
}
