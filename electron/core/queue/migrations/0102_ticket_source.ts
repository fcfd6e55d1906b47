import { execAll, type Migration } from '#core/db/migration';

/**
 * Where a ticket was taken (the point's kiosk, or a tagged LAN device: never its address), so
 * check-ins can be limited per device and a flood voided by the desk. A voided ticket stays in
 * history as `expired` with `voided_at`, and is left out of the figures and the batches.
 */
export const queueMigration0102: Migration = {
  name: '0102_ticket_source',
  up: (db) =>
    execAll(db, [
      'alter table queue_ticket add column source text',
      'alter table queue_ticket add column voided_at text',
      'create index queue_ticket_source on queue_ticket(day, source, issued_at)',
    ]),
};
