import { CompiledQuery, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, testClock } from '../testing';
import { recentLanCheckIns } from './flood';

/**
 * Each index on `queue_ticket` is a page more in the citizen's fsync'd commit (0104): the LAN
 * limit reads its own partial index, which the point's kiosk never writes, and a number stays
 * unique by its letter and sequence alone.
 */
type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let app: TestApp | undefined;
afterEach(async () => {
  await app?.cleanup();
  app = undefined;
});
const INPUT = { helpKind: 'dvc', priority: [], language: 'vi' };

describe('the ticket table’s indexes', () => {
  it('the LAN limit’s count reads the partial index of LAN tickets', async () => {
    app = await openTestApp({ now: testClock('2026-12-01T01:30:00.000Z').now });
    const query = recentLanCheckIns(app.db, '2026-12-01', '2026-12-01T01:20:00.000Z')
      .where('source', '=', 'lan-abc')
      .compile();
    const { rows } = await app.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    expect(rows.map((r) => r.detail).join(' | ')).toContain('USING INDEX queue_ticket_lan');
  });

  it('a kiosk ticket is not in the LAN index; a LAN device’s is, and is counted', async () => {
    app = await openTestApp({ now: testClock('2026-12-01T01:30:00.000Z').now });
    await app.invoke('queue.checkIn', INPUT, { device: 'kiosk' });
    const inIndex = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*) as n from queue_ticket indexed by queue_ticket_lan where source like 'lan-%'`.execute(
            app!.db,
          )
        ).rows[0]!.n,
      );
    expect(await inIndex()).toBe(0);
    await app.invoke('queue.checkIn', INPUT, { device: 'lan', peer: '192.168.1.23' });
    expect(await inIndex()).toBe(1);
    const lan = await recentLanCheckIns(app.db, '2026-12-01', '2026-12-01T00:00:00.000Z').executeTakeFirstOrThrow();
    expect(Number(lan.n)).toBe(1);
  });

  it('refuses a second ticket of the same letter and sequence on one day', async () => {
    app = await openTestApp({ now: testClock('2026-12-01T01:30:00.000Z').now });
    const t = await app.invoke('queue.checkIn', INPUT, { device: 'kiosk' });
    const copy = sql`insert into queue_ticket (day, prefix, seq, number, help_kind, status, issued_at, queued_at, updated_at)
      select day, prefix, seq, number, help_kind, 'waiting', issued_at, queued_at, updated_at from queue_ticket where id = ${t.id}`;
    await expect(copy.execute(app.db)).rejects.toThrow(
      /UNIQUE constraint failed: queue_ticket.day, queue_ticket.prefix, queue_ticket.seq/,
    );
  });
});
