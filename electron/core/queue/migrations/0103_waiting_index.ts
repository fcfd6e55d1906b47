import { execAll, type Migration } from '#core/db/migration';

/**
 * The check-in counts those waiting before the new ticket, by class: with the priority and the
 * time in the index that count reads the index alone, not every waiting ticket's row. Queries
 * by status and day use it as they used the index it replaces.
 */
export const queueMigration0103: Migration = {
  name: '0103_waiting_index',
  up: (db) =>
    execAll(db, [
      'drop index queue_ticket_status',
      'create index queue_ticket_status on queue_ticket(status, day, priority, queued_at)',
    ]),
};
