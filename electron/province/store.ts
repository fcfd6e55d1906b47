import { Kysely } from 'kysely';
import { execAll, type Migration } from '../core/db/migration';
import { migrate } from '../core/db/migrate';
import { DURABLE_PRAGMAS } from '../core/db/open';
import { Sqlite3Dialect } from '../core/db/sqlite3-dialect';

/** The province's store: what arrived from each point, checked, never silently overwritten. */
export interface ProvinceDatabase {
  point: {
    point_id: string;
    commune_code: string;
    commune_name: string;
    public_key: string;
    fingerprint: string;
    first_seen_at: string;
    last_seq: number;
    head_hash: string;
  };
  batch: {
    point_id: string;
    seq: number;
    batch_id: string;
    manifest_hash: string;
    kind: string;
    created_at: string;
    received_at: string;
    period_from: string | null;
    period_to: string | null;
    closes_days: string;
    record_count: number;
    aggregates: string;
  };
  record: {
    point_id: string;
    ref: string;
    version: number;
    entity: string;
    day: string;
    supersedes: number | null;
    late: number;
    erased: number;
    clear: string;
    /** Coded person categories a measure needs, opened at ingest; the rest stays sealed. */
    categories: string;
    sealed: string | null;
    batch_seq: number;
  };
  closed_day: { point_id: string; day: string; batch_seq: number; received_at: string };
  rejection: { id: number | undefined; at: string; file: string; point_id: string | null; seq: number | null; reason: string };
}

export type ProvinceDb = Kysely<ProvinceDatabase>;

const PROVINCE_MIGRATIONS: Migration[] = [
  {
    name: '0001_province_store',
    up: (db) =>
      execAll(db, [
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
  },
];

export async function openProvinceStore(file: string): Promise<ProvinceDb> {
  const db = new Kysely<ProvinceDatabase>({ dialect: new Sqlite3Dialect({ file, onOpen: DURABLE_PRAGMAS }) });
  await migrate(db, PROVINCE_MIGRATIONS);
  return db;
}
