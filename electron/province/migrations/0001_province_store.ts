import type { Migration } from '#core/db/migration';
import { execFor } from '../dialect';

/**
 * The first store (dhs-batch/1 only): points registered by their first batch. Frozen; see 0002.
 * The /1 tool only ever wrote SQLite files: on PostgreSQL these tables are made empty, and 0002
 * drops them.
 */
export const provinceMigration0001: Migration = {
  name: '0001_province_store',
  up: (db) =>
    execFor(db, [
      `create table point (
        point_id text primary key, commune_code text not null, commune_name text not null,
        public_key text not null, fingerprint text not null, first_seen_at text not null,
        last_seq integer not null, head_hash text not null
      ) strict`,
      `create table batch (
        point_id text not null references point(point_id), seq integer not null, batch_id text not null unique,
        manifest_hash text not null, kind text not null, created_at text not null, received_at text not null,
        period_from text, period_to text, closes_days text not null, record_count integer not null,
        aggregates text not null, primary key (point_id, seq)
      ) strict`,
      `create table record (
        point_id text not null, ref text not null, version integer not null, entity text not null, day text not null,
        supersedes integer, late integer not null, erased integer not null, clear text not null, categories text not null,
        sealed text, batch_seq integer not null, primary key (point_id, ref, version)
      ) strict`,
      `create index record_day on record(day)`,
      `create table closed_day (
        point_id text not null, day text not null, batch_seq integer not null, received_at text not null,
        primary key (point_id, day)
      ) strict`,
      `create table rejection (
        id integer primary key, at text not null, file text not null, point_id text, seq integer, reason text not null
      ) strict`,
    ]),
};
