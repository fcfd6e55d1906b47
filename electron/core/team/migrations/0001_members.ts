import { execAll, type Migration } from '#core/db/migration';

export const teamMigration0001: Migration = {
  name: '0001_team_members',
  up: (db) =>
    execAll(db, [
      `create table member (
        id integer primary key,
        full_name text not null check (length(full_name) between 1 and 80),
        access_role text not null check (access_role in ('duty_member','team_leader','commune_official','admin')),
        position text check (position in ('leader','deputy','member')),
        origin text,
        sub_group text,
        village text,
        skills text not null default '[]' check (json_valid(skills)),
        languages text not null default '["vi"]' check (json_valid(languages)),
        phone text,
        pin_hash text not null,
        active integer not null default 1 check (active in (0,1)),
        failed_pin_count integer not null default 0,
        locked_until text,
        created_at text not null,
        updated_at text not null
      ) strict`,
    ]),
};
