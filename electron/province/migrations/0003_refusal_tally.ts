import type { Migration } from '#core/db/migration';
import { execFor } from '../dialect';

/**
 * Files refused before any enrolled point could be named (not a batch, a stranger's key), as
 * counts per source and hour: a stranger posting again and again adds to a count, not a row
 * per file. The first few of each hour are still logged in full in `intake` as evidence. Also
 * indexes for the overview: one entity (supports, activities) over a month or a year; refusals.
 */
export const provinceMigration0003: Migration = {
  name: '0003_refusal_tally',
  up: (db) =>
    execFor(db, [
      `create table refusal_tally (
        source text not null, hour text not null, files integer not null, bytes integer not null,
        limited integer not null, first_at text not null, last_at text not null, last_reason text not null,
        primary key (source, hour)
      ) strict`,
      `create index refusal_tally_hour on refusal_tally(hour)`,
      // The overview reads one entity over a month or a year (supports, activities) for every point.
      `create index record_entity_day on record(entity, day) where current = 1`,
      `create index intake_refused on intake(at) where outcome = 'refused'`,
    ]),
};
