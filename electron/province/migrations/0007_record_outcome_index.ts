import { sql } from 'kysely';
import type { Migration } from '#core/db/migration';
import { isPostgres } from '../dialect';

/**
 * The dashboard counts each point's supports, applications and fully-online ones per month
 * from the current records (`overview.ts`). This index holds what that count reads, the outcome
 * included (the same expression as `jsonText`), so a year is counted from the index alone on
 * SQLite instead of reading and parsing 270,000 records; PostgreSQL reads the same rows by it.
 * Its leading columns are those of `record_entity_day` (0003), which it replaces: one index more
 * to write at ingest would cost what the other saves.
 */
export const provinceMigration0007: Migration = {
  name: '0007_record_outcome_index',
  async up(db) {
    const outcome = isPostgres(db) ? sql`(("clear"::json ->> 'outcome'))` : sql`json_extract("clear", '$.outcome')`;
    await sql`create index record_entry_outcome on record (entity, day, point_id, state, current, ${outcome}) where current = 1`.execute(
      db,
    );
    await sql`drop index record_entity_day`.execute(db);
  },
};
