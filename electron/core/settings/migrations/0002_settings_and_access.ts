import { execAll, type Migration } from '#core/db/migration';

export const settingsMigration0002: Migration = {
  name: '0002_settings_and_access',
  up: (db) =>
    execAll(db, [
      `create table point_setting (
        id integer primary key check (id = 1),
        commune_name text not null,
        is_pilot_commune integer not null check (is_pilot_commune in (0,1)),
        commune_code text check (commune_code is null or (length(commune_code) = 5 and commune_code not glob '*[^0-9]*')),
        point_name text not null,
        address text not null,
        desk_count integer not null check (desk_count between 1 and 9),
        open_time text not null,
        close_time text not null,
        saturday_open integer not null check (saturday_open in (0,1)),
        local_languages text not null default '[]' check (json_valid(local_languages)),
        configured_at text not null
      ) strict`,
      `create table session (
        token_hash text primary key,
        member_id integer not null references member(id) on delete cascade,
        role text not null,
        created_at text not null,
        expires_at text not null
      ) strict`,
      `create table audit_event (
        id integer primary key,
        at text not null,
        member_id integer references member(id) on delete set null,
        action text not null,
        detail text not null default '{}' check (json_valid(detail))
      ) strict`,
      `create index audit_event_at on audit_event(at)`,
    ]),
};
