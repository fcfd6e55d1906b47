import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrate } from '#core/db/migrate';
import { DURABLE_PRAGMAS } from '#core/db/open';
import { Sqlite3Dialect } from '#core/db/sqlite3-dialect';
import { isPostgres } from './dialect';
import { provinceMigration0001 } from './migrations/0001_province_store';
import { provinceMigration0002 } from './migrations/0002_registry';
import { provinceMigration0003 } from './migrations/0003_refusal_tally';
import { provinceMigration0004 } from './migrations/0004_hub_accounts';
import { provinceMigration0006 } from './migrations/0006_hub_address_lock';
import { provinceMigration0007 } from './migrations/0007_record_outcome_index';
import { provinceMigration0008 } from './migrations/0008_record_point_indexes';

/**
 * The province's store: the registry of units and their enrolled points, what arrived from each
 * (checked, never silently overwritten), and a log of every file that came in. Reached through
 * Kysely so the hub (issue 17) can put the same tables on PostgreSQL.
 */
export interface ProvinceDatabase {
  unit: { id: number | undefined; name: string; kind: 'ward' | 'commune'; code: string | null; pilot: number };
  point: {
    id: number | undefined;
    unit_id: number | null;
    /** The fingerprint read out over the phone when the province enrolled the point. */
    enrolled_fingerprint: string;
    enrolled_at: string;
    enrolled_by: string;
    status: 'active' | 'retired';
    retired_at: string | null;
    retired_reason: string | null;
    /** The point's id and current key, bound by its first batch. */
    point_uuid: string | null;
    public_key: string | null;
    fingerprint: string | null;
    last_seq: number;
    head_hash: string;
    first_received_at: string | null;
    /** The first day its batches closed: missing days are counted from here. */
    first_day: string | null;
  };
  point_key: { point_id: number; fingerprint: string; public_key: string; from_seq: number; until_seq: number | null };
  batch: {
    point_id: number;
    seq: number;
    batch_id: string;
    hash: string;
    format: string;
    kind: string;
    created_at: string;
    received_at: string;
    record_count: number;
    /** The batch as signed, less its records and sealed parts (JSON): what it said about itself. */
    head: string;
  };
  record: {
    point_id: number;
    ref: string;
    version: number;
    entity: string;
    day: string;
    supersedes: number | null;
    late: number;
    state: 'recorded' | 'erased' | 'deleted';
    /** 1 for the newest version of its ref: what the figures read. */
    current: number;
    clear: string;
    /** Coded person categories a count needs (priority groups), opened on arrival. */
    categories: string;
    /** The sealed personal part with what opening it needs (JSON); null once erased or deleted. */
    personal: string | null;
    batch_seq: number;
  };
  closed_day: {
    point_id: number;
    day: string;
    batch_seq: number;
    received_at: string;
    closed_at: string | null;
    closed_by: 'official' | 'automatic' | null;
  };
  intake: {
    id: number | undefined;
    at: string;
    label: string;
    sha256: string;
    bytes: number;
    point_id: number | null;
    point_uuid: string | null;
    seq: number | null;
    fingerprint: string | null;
    commune_name: string | null;
    outcome: 'accepted' | 'duplicate' | 'held' | 'quarantined' | 'refused';
    reason: string | null;
  };
  quarantine: {
    id: number | undefined;
    at: string;
    reason: 'unknown_key' | 'held';
    sha256: string;
    point_uuid: string | null;
    seq: number | null;
    fingerprint: string | null;
    commune_name: string | null;
    label: string;
    content: string;
  };
  opening: {
    id: number | undefined;
    at: string;
    by: string;
    reason: string;
    point_id: number;
    ref: string;
    version: number;
  };
  /**
   * Files from a source (an HTTP peer's address) refused before an enrolled point was named, per
   * hour (`2026-11-05T09`, UTC): `files` refused after reading, `limited` turned away unread
   * once the hour's allowance was spent; the first few of each hour are also in `intake`.
   */
  refusal_tally: {
    source: string;
    hour: string;
    files: number;
    bytes: number;
    limited: number;
    first_at: string;
    last_at: string;
    last_reason: string;
  };
}

export type ProvinceDb = Kysely<ProvinceDatabase>;

export const PROVINCE_MIGRATIONS = [
  provinceMigration0001,
  provinceMigration0002,
  provinceMigration0003,
  provinceMigration0004,
  provinceMigration0006,
  provinceMigration0007,
  provinceMigration0008,
] as const;

/** A `postgres://` (or `postgresql://`) connection string, rather than a file's path. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/**
 * PostgreSQL's 64-bit integers and numerics (count(*), sum()) arrive as strings from `pg`; the
 * store's counts are far below 2^53, so they are read as numbers, as SQLite gives them. Set on
 * the store's own pool, not on `pg` for the whole process.
 */
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A year's run writes tens of MiB of record and index pages in one transaction; with SQLite's
 * default 2 MiB page cache the pages spill into the WAL again and again before the commit.
 * 64 MiB keeps a run's pages in memory until the commit. Each commit of a run adds a few MiB of
 * pages to the WAL, many of them the same index pages again (the day indexes take every point's
 * records day by day): copying the WAL into the database every 64 MiB rather than every 4 MiB
 * writes each such page once for many commits. Durability is unchanged (synchronous=FULL).
 */
const PROVINCE_PRAGMAS = ['pragma cache_size = -65536', 'pragma wal_autocheckpoint = 16384'];

/**
 * Open (and migrate) the store at `location`: a SQLite file (WAL, synchronous=FULL: what was
 * answered is on disk), or a PostgreSQL database by URL (`postgres://user@host:5432/db`), where
 * every ingest run is one transaction.
 */
export async function openProvinceStore(location: string, options: { poolSize?: number } = {}): Promise<ProvinceDb> {
  const db = isPostgresUrl(location)
    ? new Kysely<ProvinceDatabase>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: location, max: options.poolSize ?? 8, types: PG_TYPES }),
        }),
      })
    : new Kysely<ProvinceDatabase>({
        dialect: new Sqlite3Dialect({ file: location, onOpen: [...DURABLE_PRAGMAS, ...PROVINCE_PRAGMAS] }),
      });
  try {
    await migrate(db, PROVINCE_MIGRATIONS);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/**
 * After an erasure: move the WAL's pages into the database file and empty the WAL, so the
 * overwritten (secure_delete) pages are the only copy left on disk.
 */
export async function flushErased(db: ProvinceDb): Promise<void> {
  // PostgreSQL: the old row versions go at the next vacuum; its WAL is the server's (see README).
  if (isPostgres(db)) return;
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
}
