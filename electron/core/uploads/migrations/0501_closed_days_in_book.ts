import { execAll, type Migration } from '#core/db/migration';

/**
 * A day's batch now follows the close of its book. Days whose batch the old clock rule already
 * cut are closed in the book too, as closed automatically (nobody closed them) and already
 * acknowledged (they are history, not news), so the book and the batches agree.
 */
export const uploadsMigration0501: Migration = {
  name: '0501_closed_days_in_book',
  up: (db) =>
    execAll(db, [
      `insert into logbook_day_close (day, closed_at, closed_by, automatic, seen_at)
        select u.day, b.created_at, null, 1, b.created_at from upload_closed_day u join upload_batch b on b.seq = u.batch_seq
        where u.day not in (select day from logbook_day_close)`,
    ]),
};
