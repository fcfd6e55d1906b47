import { sql } from 'kysely';
import type { Migration } from '#core/db/migration';
import { isPostgres } from '../dialect';

/**
 * A year of batches comes in point by point, each point's days one after the other. Indexes led
 * by the day (`record_day`, 0002) or by the entity and day (`record_entry_outcome`, 0007) take
 * every point's records across the whole year: each run rewrote pages all over them, and on
 * SQLite a year's ingest wrote 1.3 GB for a 210 MB store. Led by the point, a run writes only
 * the point's own pages. The readers name the points they want (overview.ts, report.ts) and
 * read each one's range: what a month or a year holds, not the whole store.
 */
export const provinceMigration0008: Migration = {
  name: '0008_record_point_indexes',
  async up(db) {
    const outcome = isPostgres(db) ? sql`(("clear"::json ->> 'outcome'))` : sql`json_extract("clear", '$.outcome')`;
    await sql`create index record_point_outcome on record (point_id, entity, day, state, current, ${outcome}) where current = 1`.execute(
      db,
    );
    await sql`drop index record_entry_outcome`.execute(db);
    await sql`drop index record_day`.execute(db);
  },
};
