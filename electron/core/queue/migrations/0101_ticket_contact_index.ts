import { execAll, type Migration } from '#core/db/migration';

/** Finds the few tickets still holding a name or phone without scanning years of tickets. */
export const queueMigration0101: Migration = {
  name: '0101_ticket_contact_index',
  up: (db) =>
    execAll(db, [
      `create index queue_ticket_contact on queue_ticket(day)
        where citizen_name is not null or citizen_phone is not null`,
    ]),
};
