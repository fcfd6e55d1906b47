import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '#core/db/migrate';
import { MIGRATIONS } from '#core/db/migrations';
import { openDatabase } from '#core/db/open';

/** A point's database from before finishing recorded the entry, upgraded. */
describe('upgrading to 0401 and 0501', () => {
  it('gives every finished ticket its entry (flagged unchecked, sent to the province) and closes in the book the days already packed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhs-upgrade-'));
    const db = openDatabase(join(dir, 'old.sqlite3'));
    try {
      const before = MIGRATIONS.filter((m) => !['0401_finish_records', '0501_closed_days_in_book'].includes(m.name));
      await migrate(db, before);
      await sql`insert into member (full_name, access_role, position, skills, languages, pin_hash, active, created_at, updated_at)
        values ('Siu H''Lan', 'duty_member', 'member', '[]', '["vi"]', 'not a hash', 1, 'x', 'x')`.execute(db);
      // Finished on the old road: a ticket with an outcome and no entry; one with consent and a name.
      await sql`insert into queue_ticket (day, prefix, seq, number, help_kind, procedure, priority_groups, priority, language, consent, citizen_name, citizen_phone,
        status, desk, member_id, issued_at, queued_at, called_at, served_at, finished_at, outcome, updated_at) values
        ('2026-11-30', 'B', 1, 'B001', 'vneid', null, '[]', 0, 'vi', 1, 'Rơ Châm Hyơn', '0912345678', 'finished', 1, 1,
          '2026-11-30T01:00:00Z', '2026-11-30T01:00:00Z', '2026-11-30T01:05:00Z', '2026-11-30T01:06:00Z', '2026-11-30T01:20:00Z', 'guided_only', '2026-11-30T01:20:00Z'),
        ('2026-11-30', 'A', 1, 'A001', 'dvc', null, '[]', 0, 'vi', 0, null, null, 'no_show', 1, 1,
          '2026-11-30T01:00:00Z', '2026-11-30T01:00:00Z', '2026-11-30T01:05:00Z', null, '2026-11-30T01:30:00Z', null, '2026-11-30T01:30:00Z')`.execute(
        db,
      );
      // The old clock rule had packed the day's batch without anyone closing the book.
      await sql`insert into upload_batch (seq, batch_id, kind, created_at, closes_days, record_count, manifest_hash, prev_hash, file_name, content)
        values (1, 'b1', 'closing', '2026-11-30T10:00:00.000Z', '["2026-11-30"]', 0, 'h1', 'h0', 'f1', '{}')`.execute(
        db,
      );
      await sql`insert into upload_closed_day (day, batch_seq) values ('2026-11-30', 1)`.execute(db);

      expect(await migrate(db, MIGRATIONS)).toEqual(['0401_finish_records', '0501_closed_days_in_book']);
      const { rows: entries } = await sql<{
        ticket_id: number;
        gaps: string;
        created_by: number | null;
        facts: string;
        person: string | null;
      }>`
        select e.ticket_id, e.gaps, e.created_by, v.facts, v.person from logbook_entry e join logbook_version v on v.entry_id = e.id`.execute(
        db,
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ ticket_id: 1, gaps: '["unchecked"]', created_by: null });
      expect(JSON.parse(entries[0]!.facts)).toMatchObject({
        outcome: 'guided_only',
        helpKinds: ['vneid'],
        minutes: 14,
        memberIds: [1],
        time: '08:06',
      });
      expect(JSON.parse(entries[0]!.person!)).toMatchObject({ fullName: 'Rơ Châm Hyơn', phone: '0912345678' });
      expect((await sql`select entity, version, day from outbox`.execute(db)).rows).toEqual([
        { entity: 'logbook_entry', version: 1, day: '2026-11-30' },
      ]);
      expect((await sql`select day, closed_by, automatic, seen_at from logbook_day_close`.execute(db)).rows).toEqual([
        { day: '2026-11-30', closed_by: null, automatic: 1, seen_at: '2026-11-30T10:00:00.000Z' },
      ]);
      // From now on the database holds the rule itself.
      await expect(
        sql`update queue_ticket set status = 'finished', outcome = 'referred' where id = 2`.execute(db),
      ).rejects.toThrow(/needs its logbook entry/);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
