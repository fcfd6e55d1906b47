import { sql } from 'kysely';
import { execAll, type Migration } from '#core/db/migration';
import { splitEntry, stampConsent } from '../records';
import { visitEntry, type TicketRow } from '../tickets';
import { searchColumns } from '../entries';

/**
 * Finishing is recording, and closing the day tells the truth.
 * - A finished ticket cannot exist without its logbook entry: the database refuses it, whatever
 *   the code above does. Tickets finished before this release get the entry their finish would
 *   have made now (flagged incomplete: nobody checked it), with its note for the province.
 * - An entry knows what it still lacks (`gaps`), so the official sees it before closing.
 * - A day's close says whether an official closed it or the point did the next morning, and what
 *   was still open (days whose batch the old clock rule already cut: see 0501).
 */
export const logbookMigration0401: Migration = {
  name: '0401_finish_records',
  async up(db) {
    await execAll(db, [
      `alter table logbook_entry add column gaps text not null default '[]' check (json_valid(gaps))`,
      `create index logbook_entry_gaps on logbook_entry(day) where gaps <> '[]'`,
      `alter table logbook_day_close add column automatic integer not null default 0 check (automatic in (0,1))`,
      `alter table logbook_day_close add column carried text not null default '{"tickets":[],"entries":[]}' check (json_valid(carried))`,
      `alter table logbook_day_close add column seen_at text`,
      `alter table logbook_day_close add column seen_by integer`,
    ]);
    await backfillFinishedTickets(db);
    await execAll(db, [
      `create trigger queue_ticket_finished_needs_entry before update of status on queue_ticket
        when new.status = 'finished' and not exists (select 1 from logbook_entry where ticket_id = new.id)
        begin select raise(abort, 'a finished ticket needs its logbook entry'); end`,
      `create trigger queue_ticket_inserted_finished_needs_entry before insert on queue_ticket
        when new.status = 'finished' and not exists (select 1 from logbook_entry where ticket_id = new.id)
        begin select raise(abort, 'a finished ticket needs its logbook entry'); end`,
      `create trigger logbook_entry_keeps_ticket before update of ticket_id on logbook_entry
        when new.ticket_id is not old.ticket_id
        begin select raise(abort, 'the ticket of an entry never changes'); end`,
      `create trigger logbook_entry_no_delete before delete on logbook_entry
        begin select raise(abort, 'logbook entries are never deleted'); end`,
      `create trigger logbook_day_close_no_delete before delete on logbook_day_close
        begin select raise(abort, 'a closed day stays closed'); end`,
      `create trigger logbook_day_close_immutable before update on logbook_day_close
        when new.day is not old.day or new.closed_at is not old.closed_at or new.closed_by is not old.closed_by
          or new.automatic is not old.automatic or new.carried is not old.carried
        begin select raise(abort, 'a day close is never changed'); end`,
    ]);
  },
};

/** Entries for tickets finished before finishing recorded them, made as the finish makes them now. */
async function backfillFinishedTickets(db: Parameters<Migration['up']>[0]): Promise<void> {
  const { rows } = await sql<TicketRow & { updated_at: string }>`select * from queue_ticket where status = 'finished'
    and id not in (select ticket_id from logbook_entry where ticket_id is not null) order by id`.execute(db);
  const closed = new Set(
    (await sql<{ day: string }>`select day from logbook_day_close`.execute(db)).rows.map((r) => r.day),
  );
  for (const t of rows) {
    const made = (() => {
      try {
        return visitEntry(t, null, t.member_id).entry;
      } catch {
        return null; // a row the queue's own rules would not have accepted: kept as it is
      }
    })();
    if (!made) continue;
    const entry = made;
    const at = t.finished_at ?? t.updated_at;
    const { facts, person } = splitEntry(entry);
    const c = searchColumns(entry, person);
    const { rows: inserted } = await sql<{ id: number }>`insert into logbook_entry
      (day, time, ticket_id, current_version, channel, outcome, help_kinds, member_ids, village_fold, name_fold, phone_digits, created_at, created_by, gaps)
      values (${c.day}, ${c.time}, ${t.id}, 1, ${c.channel}, ${c.outcome}, ${c.help_kinds}, ${c.member_ids}, ${c.village_fold}, ${c.name_fold},
        ${c.phone_digits}, ${at}, null, '["unchecked"]') returning id`.execute(db);
    const id = inserted[0]!.id;
    await sql`insert into logbook_version (entry_id, version, facts, person, consent, recorded_at, recorded_by, reason, late)
      values (${id}, 1, ${JSON.stringify(facts)}, ${person ? JSON.stringify(person) : null},
        ${JSON.stringify(stampConsent(entry.consent, null, at, null))}, ${at}, null, null, ${closed.has(t.day) ? 1 : 0})`.execute(
      db,
    );
    await sql`insert into outbox (entity, entity_id, version, changed_at, day, batch_seq) values ('logbook_entry', ${id}, 1, ${at}, ${entry.day}, null)`.execute(
      db,
    );
  }
}
