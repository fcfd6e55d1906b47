import { sql } from 'kysely';
import { GIA_LAI_UNITS, isPilotUnit } from '#shared/settings/communes';
import type { Migration } from '#core/db/migration';
import { execFor, isPostgres } from '../dialect';

/**
 * The registry and dhs-batch/2. Points are enrolled by the province (by key fingerprint, for one
 * of the 135 units), not registered by whoever sends first; every arrival is logged; files that
 * may become good later (an unknown key, a batch ahead of a gap) are kept in quarantine; records
 * keep what opening their sealed part later needs. What the /1 store held is carried over: each
 * point it knew is enrolled as it was, under the unit of the same name when there is one.
 */
export const provinceMigration0002: Migration = {
  name: '0002_registry',
  async up(db) {
    // A PostgreSQL store was never a /1 store: its 0001 tables are empty, and are dropped (renamed,
    // their primary keys' names would clash with the new tables' there).
    const carry = !isPostgres(db);
    await execFor(
      db,
      carry
        ? [
            `alter table point rename to v1_point`,
            `alter table batch rename to v1_batch`,
            `alter table record rename to v1_record`,
            `alter table closed_day rename to v1_closed_day`,
            `drop index record_day`,
          ]
        : [
            'drop table rejection',
            'drop table record',
            'drop table closed_day',
            'drop table batch',
            'drop table point',
          ],
    );
    await execFor(db, [
      // Names from the list of units; codes are entered by the province (never invented).
      `create table unit (
        id integer primary key, name text not null unique, kind text not null check (kind in ('ward','commune')),
        code text unique check (code is null or code glob '[0-9][0-9][0-9][0-9][0-9]'), pilot integer not null
      ) strict`,
      `create table point (
        id integer primary key,
        unit_id integer references unit(id),
        enrolled_fingerprint text not null,
        enrolled_at text not null,
        enrolled_by text not null,
        status text not null check (status in ('active','retired')),
        retired_at text,
        retired_reason text,
        point_uuid text unique,
        public_key text,
        fingerprint text,
        last_seq integer not null default 0,
        head_hash text not null,
        first_received_at text,
        first_day text
      ) strict`,
      `create unique index point_active_unit on point(unit_id) where status = 'active'`,
      `create unique index point_waiting_fingerprint on point(enrolled_fingerprint) where point_uuid is null and status = 'active'`,
      `create table point_key (
        point_id integer not null references point(id), fingerprint text not null, public_key text not null,
        from_seq integer not null, until_seq integer, primary key (point_id, from_seq)
      ) strict`,
      `create table batch (
        point_id integer not null references point(id), seq integer not null, batch_id text not null unique,
        hash text not null, format text not null, kind text not null, created_at text not null, received_at text not null,
        record_count integer not null, head text not null, primary key (point_id, seq)
      ) strict`,
      `create table record (
        point_id integer not null references point(id), ref text not null, version integer not null, entity text not null,
        day text not null, supersedes integer, late integer not null,
        state text not null check (state in ('recorded','erased','deleted')),
        current integer not null, clear text not null, categories text not null,
        personal text, batch_seq integer not null, primary key (point_id, ref, version)
      ) strict`,
      `create index record_current_day on record(point_id, day) where current = 1`,
      `create index record_day on record(day) where current = 1`,
      `create table closed_day (
        point_id integer not null references point(id), day text not null, batch_seq integer not null, received_at text not null,
        closed_at text, closed_by text check (closed_by is null or closed_by in ('official','automatic')),
        primary key (point_id, day)
      ) strict`,
      `create table intake (
        id integer primary key, at text not null, label text not null, sha256 text not null, bytes integer not null,
        point_id integer, point_uuid text, seq integer, fingerprint text, commune_name text,
        outcome text not null check (outcome in ('accepted','duplicate','held','quarantined','refused')),
        reason text
      ) strict`,
      `create index intake_at on intake(at)`,
      `create table quarantine (
        id integer primary key, at text not null, reason text not null check (reason in ('unknown_key','held')),
        sha256 text not null unique, point_uuid text, seq integer, fingerprint text, commune_name text, label text not null,
        content text not null
      ) strict`,
      `create table opening (
        id integer primary key, at text not null, by text not null, reason text not null,
        point_id integer not null, ref text not null, version integer not null
      ) strict`,
    ]);
    for (const unit of GIA_LAI_UNITS) {
      await sql`insert into unit (name, kind, code, pilot) values (${unit.name}, ${unit.kind}, null, ${isPilotUnit(unit.name) ? 1 : 0})`.execute(
        db,
      );
    }
    if (!carry) return;
    await execFor(db, [
      `insert into point (unit_id, enrolled_fingerprint, enrolled_at, enrolled_by, status, point_uuid, public_key, fingerprint,
          last_seq, head_hash, first_received_at, first_day)
        select (select id from unit where unit.name = p.commune_name), p.fingerprint, p.first_seen_at, 'dhs-batch/1 store (first batch)',
          'active', p.point_id, p.public_key, p.fingerprint, p.last_seq, p.head_hash, p.first_seen_at,
          (select min(day) from v1_closed_day c where c.point_id = p.point_id)
        from v1_point p`,
      `insert into point_key (point_id, fingerprint, public_key, from_seq, until_seq)
        select id, fingerprint, public_key, 1, null from point`,
      `insert into batch (point_id, seq, batch_id, hash, format, kind, created_at, received_at, record_count, head)
        select p.id, b.seq, b.batch_id, b.manifest_hash, 'dhs-batch/1', b.kind, b.created_at, b.received_at, b.record_count, '{}'
        from v1_batch b join point p on p.point_uuid = b.point_id`,
      // /1 kept no one-time key with the sealed part, so it could never be opened: it is dropped.
      `insert into record (point_id, ref, version, entity, day, supersedes, late, state, current, clear, categories, personal, batch_seq)
        select p.id, r.ref, r.version, r.entity, r.day, r.supersedes, r.late, case when r.erased = 1 then 'deleted' else 'recorded' end,
          case when r.version = (select max(version) from v1_record m where m.point_id = r.point_id and m.ref = r.ref) then 1 else 0 end,
          r.clear, r.categories, null, r.batch_seq
        from v1_record r join point p on p.point_uuid = r.point_id`,
      `insert into closed_day (point_id, day, batch_seq, received_at, closed_at, closed_by)
        select p.id, c.day, c.batch_seq, c.received_at, null, null from v1_closed_day c join point p on p.point_uuid = c.point_id`,
      `insert into intake (at, label, sha256, bytes, point_id, point_uuid, seq, fingerprint, commune_name, outcome, reason)
        select r.at, r.file, '', 0, (select id from point where point_uuid = r.point_id), r.point_id, r.seq, null, null, 'refused', r.reason
        from rejection r`,
      `drop table rejection`,
      `drop table v1_record`,
      `drop table v1_closed_day`,
      `drop table v1_batch`,
      `drop table v1_point`,
    ]);
  },
};
