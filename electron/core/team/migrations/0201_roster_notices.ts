import { execAll, type Migration } from '#core/db/migration';

/**
 * What changed for a member in a month already published: shown on their home screen until
 * they dismiss it. One row per member per edit (see team/schema.ts RosterNoticeTable).
 */
export const teamMigration0201: Migration = {
  name: '0201_roster_notices',
  up: (db) =>
    execAll(db, [
      `create table roster_notice (
        id integer primary key,
        member_id integer not null references member(id) on delete cascade,
        month text not null check (month glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        version integer not null,
        changes text not null check (json_valid(changes)),
        created_at text not null,
        created_by integer references member(id) on delete set null,
        dismissed_at text
      ) strict`,
      `create index roster_notice_open on roster_notice(member_id) where dismissed_at is null`,
    ]),
};
