import { execAll, type Migration } from '#core/db/migration';

/**
 * Fewer pages written with every ticket (each is a WAL frame in the citizen's fsync'd commit):
 * - `queue_ticket_day_number` only repeated `queue_ticket_day_prefix_seq`: a number is its
 *   letter and its sequence (printf('%s%03d')), so (day, prefix, seq) unique makes it unique,
 *   and nothing looks a ticket up by its number.
 * - The per-device limit only ever counts LAN devices' tickets: its index now holds only those,
 *   so a check-in at the point's own kiosk does not write to it.
 */
export const queueMigration0104: Migration = {
  name: '0104_ticket_write_indexes',
  up: (db) =>
    execAll(db, [
      'drop index queue_ticket_day_number',
      'drop index queue_ticket_source',
      `create index queue_ticket_lan on queue_ticket(day, source, issued_at) where source like 'lan-%'`,
    ]),
};
