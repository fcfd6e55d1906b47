import { execAll, type Migration } from '#core/db/migration';

export const guidesMigration0300: Migration = {
  name: '0300_guides',
  up: (db) =>
    execAll(db, [
      `create table guide_pack (
        version integer primary key check (version >= 1),
        issued text not null,
        issuer text not null,
        key_id text not null,
        file_bytes integer not null,
        guide_count integer not null,
        installed_at text not null,
        installed_by integer,
        active integer not null default 0 check (active in (0,1))
      ) strict`,
      `create unique index guide_pack_one_active on guide_pack (active) where active = 1`,
      `create table guide_trusted_key (
        key_id text primary key check (length(key_id) = 16),
        label text not null check (length(label) between 1 and 120),
        public_key_pem text not null,
        added_at text not null,
        added_by integer
      ) strict`,
      `create table guide_session (
        ticket_id integer not null,
        guide_id text not null,
        steps_done text not null default '[]' check (json_valid(steps_done)),
        stuck_step text,
        errors text not null default '[]' check (json_valid(errors)),
        member_id integer,
        pack_version integer not null,
        updated_at text not null,
        primary key (ticket_id, guide_id)
      ) strict`,
    ]),
};
