import { Kysely } from 'kysely';
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
] as const;

export function openDatabase(file: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new Sqlite3Dialect({ file, onOpen: DURABLE_PRAGMAS }) });
}

export type Db = Kysely<Database>;
