import { execAll, type Migration } from '#core/db/migration';

export const backupsMigration0600: Migration = {
  name: '0600_backups',
  up: (db) =>
    execAll(db, [
      `create table backup_setting (
        id integer primary key check (id = 1),
        keep_days integer not null check (keep_days between 1 and 365)
      ) strict`,
      // What was backed up or restored, and what failed: the screen shows the last of each.
      `create table backup_log (
        id integer primary key,
        at text not null,
        action text not null check (action in ('auto', 'manual', 'download', 'restore_staged', 'restore_done', 'restore_failed')),
        ok integer not null check (ok in (0,1)),
        file text not null,
        bytes integer,
        error text
      ) strict`,
      `create index backup_log_at on backup_log(at)`,
    ]),
};
