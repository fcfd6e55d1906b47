import { execAll, type Migration } from '#core/db/migration';

export const uploadsMigration0003: Migration = {
  name: '0003_uploads_outbox',
  up: (db) =>
    execAll(db, [
      // What the province has not yet acknowledged. Rows point at records rather than copying
      // them, so erasing a person's data also erases it from anything not yet sent.
      `create table outbox (
        id integer primary key,
        entity text not null,
        entity_id integer not null,
        version integer not null default 1,
        changed_at text not null,
        day text not null,
        batch_seq integer
      ) strict`,
      `create index outbox_unsent on outbox(batch_seq, id)`,
    ]),
};
