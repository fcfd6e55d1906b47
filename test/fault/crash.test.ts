import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionKey } from '#core/settings/sessions';
import { generateEntries } from '#core/logbook/generate';
import { vnDay } from '#shared/time/vietnam';
import { openingMorning, removeDir, startServer, tempDataDir, type RunningServer } from '../support/server';
import { demoSessions, integrity, withDataDb, DEMO_PIN } from './support';

/**
 * The PC loses power in the middle of the morning rush: the server is SIGKILLed while several
 * clients write at once, many times over. After each kill the database must pass its integrity
 * check and hold every write whose HTTP 200 reached the client; ticket numbers never repeat.
 * Every writer must get acknowledged writes through: a refused check-in fails the test.
 */
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 10);
const dataDir = tempDataDir('dhs-fault-crash-');
afterAll(() => removeDir(dataDir));

interface Acked {
  sessions: string[];
  settingsSeq: number;
  tickets: { id: number; number: string }[];
  entries: number[];
  /** Tickets finished at the desk (each with the logbook entry its finish wrote). */
  finished: { ticketId: number; entryId: number }[];
}

/** A POST that counts as acknowledged only when the full 200 body arrived. */
const refusals = new Map<string, string>();
async function post(server: RunningServer, method: string, input: unknown, token: string | null): Promise<any | null> {
  try {
    const res = await server.call(method, input, token);
    if (res.status !== 200 && !refusals.has(method)) refusals.set(method, JSON.stringify(res.body));
    return res.status === 200 ? res.body.result : null;
  } catch {
    return null; // connection cut by the kill: not acknowledged
  }
}

describe('SIGKILL during bursts of writes', () => {
  it(`keeps every acknowledged write over ${ROUNDS} kills`, async () => {
    // A working morning on the point's clock: the kiosk takes numbers whatever hour the test runs.
    const clock = openingMorning();
    let server = await startServer({ dataDir, demo: true, clock });
    const sessions = await demoSessions(server);
    const settings = (await server.call('settings.get', {}, sessions.admin.token)).body.result;
    const member = sessions.duty_member.memberId;
    const acked: Acked = { sessions: [], settingsSeq: 0, tickets: [], entries: [], finished: [] };
    // A duty member finishing visits as fast as the desk allows: walk-ins, each finished at once.
    const desk = await server.call('queue.openDesk', { desk: 3, takeOver: true }, sessions.duty_member.token);
    expect(desk.status, `queue.openDesk: ${JSON.stringify(desk.body)}`).toBe(200);
    let seq = 0;
    // A check-in before the first kill: the kiosk must work here, or the test has nothing to prove.
    const probe = await server.call('queue.checkIn', { helpKind: 'vneid' });
    expect(probe.status, `queue.checkIn: ${JSON.stringify(probe.body)}`).toBe(200);
    acked.tickets.push(probe.body.result);

    // Logbook saves: valid entries from the logbook's own seeded generator, for today.
    const entries = [
      ...generateEntries({ seed: 42, endDay: vnDay(new Date()), days: 1, perDay: 400, memberIds: [member] }),
    ];
    let nextEntry = 0;

    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) server = await startServer({ dataDir, clock });
      let stop = false;
      let firstAck: () => void = () => undefined;
      const acknowledged = new Promise<void>((resolve) => (firstAck = resolve));
      let firstFinish: () => void = () => undefined;
      const finishedOnce = new Promise<void>((resolve) => (firstFinish = resolve));
      let firstSignIn: () => void = () => undefined;
      const signedInOnce = new Promise<void>((resolve) => (firstSignIn = resolve));
      const writers: Promise<void>[] = [];
      // Sign-ins: a session row and an audit row in one transaction.
      writers.push(
        (async () => {
          while (!stop) {
            const r = await post(server, 'access.signIn', { memberId: member, pin: DEMO_PIN.duty_member }, null);
            if (r) {
              acked.sessions.push(r.token);
              firstSignIn();
            }
          }
        })(),
      );
      // Settings: one writer, so the sequence in the commune name only grows.
      writers.push(
        (async () => {
          while (!stop) {
            const next = ++seq;
            const r = await post(
              server,
              'settings.update',
              { ...settings, address: `Thử mất điện ${next}` },
              sessions.admin.token,
            );
            if (r) {
              acked.settingsSeq = next;
              firstAck();
            }
          }
        })(),
      );
      for (const writer of [sessions.team_leader.token, sessions.duty_member.token]) {
        writers.push(
          (async () => {
            while (!stop) {
              const entry = entries[nextEntry++ % entries.length];
              const r = await post(server, 'logbook.create', { entry }, writer);
              if (r) acked.entries.push(r.id);
            }
          })(),
        );
      }
      for (const helpKind of ['vneid', 'dvc', 'payment'] as const) {
        writers.push(
          (async () => {
            while (!stop) {
              const r = await post(server, 'queue.checkIn', { helpKind }, null);
              if (r) acked.tickets.push({ id: r.id, number: r.number });
            }
          })(),
        );
      }
      writers.push(
        (async () => {
          const token = sessions.duty_member.token;
          // After a kill the desk may hold a ticket whose finish was cut: finish that one first.
          let pending = (await post(server, 'queue.desk', {}, token))?.current[0] ?? null;
          while (!stop) {
            const ticket = pending ?? (await post(server, 'queue.walkIn', { helpKind: 'vneid' }, token));
            if (!ticket) continue;
            pending = ticket;
            const done = await post(server, 'queue.finish', { ticketId: ticket.id, outcome: 'guided_only' }, token);
            if (!done) continue;
            pending = null;
            acked.finished.push({ ticketId: done.id, entryId: done.entry.id });
            firstFinish();
          }
        })(),
      );
      // Kill at a random moment once writes of every kind are flowing (a sign-in hashes for about
      // a second, and a loaded CI machine starts slowly).
      await Promise.race([
        Promise.all([acknowledged, finishedOnce, signedInOnce]),
        new Promise((resolve) => setTimeout(resolve, 10000)),
      ]);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 400)));
      await server.stop('SIGKILL');
      stop = true;
      await Promise.all(writers);

      await withDataDb(dataDir, async (db) => {
        expect(await integrity(db), `round ${round}`).toBe('ok');
        const keys = new Set((await db.selectFrom('session').select('token_hash').execute()).map((r) => r.token_hash));
        const lost = acked.sessions.filter((t) => !keys.has(sessionKey(t)));
        expect(lost, `round ${round}: acknowledged sign-ins lost`).toEqual([]);
        const signIns = await db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'access.signIn')
          .executeTakeFirstOrThrow();
        expect(signIns.n).toBeGreaterThanOrEqual(acked.sessions.length);
        const address = (await db.selectFrom('point_setting').select('address').executeTakeFirstOrThrow()).address;
        const stored = Number(/(\d+)$/.exec(address)?.[1] ?? 0);
        // The write in flight at the kill may have committed without its answer arriving.
        expect(
          stored === acked.settingsSeq || stored === acked.settingsSeq + 1,
          `round ${round}: address ${address}, acked ${acked.settingsSeq}`,
        ).toBe(true);
        const entryIds = new Set((await db.selectFrom('logbook_entry').select('id').execute()).map((r) => r.id));
        expect(
          acked.entries.filter((id) => !entryIds.has(id)),
          `round ${round}: acknowledged logbook entries lost`,
        ).toEqual([]);
        const ticketIds = new Set((await db.selectFrom('queue_ticket').select('id').execute()).map((r) => r.id));
        expect(
          acked.tickets.filter((t) => !ticketIds.has(t.id)),
          `round ${round}: acknowledged tickets lost`,
        ).toEqual([]);
        const dupes = await sql<{
          n: number;
        }>`select count(*) as n from (select day, number from queue_ticket group by day, number having count(*) > 1)`.execute(
          db,
        );
        expect(dupes.rows[0]!.n).toBe(0);
        // Finishing is recording, whenever the power goes: no finished ticket without its entry,
        // and every acknowledged finish is there with the entry it answered with.
        const orphans = await sql<{ n: number }>`select count(*) as n from queue_ticket t where t.status = 'finished'
          and not exists (select 1 from logbook_entry e where e.ticket_id = t.id)`.execute(db);
        expect(orphans.rows[0]!.n, `round ${round}: finished tickets without their entry`).toBe(0);
        const kept = new Map(
          (
            await sql<{
              id: number;
              ticket_id: number;
            }>`select id, ticket_id from logbook_entry where ticket_id is not null`.execute(db)
          ).rows.map((r) => [r.ticket_id, r.id]),
        );
        expect(
          acked.finished.filter((f) => kept.get(f.ticketId) !== f.entryId),
          `round ${round}: acknowledged finishes lost`,
        ).toEqual([]);
      });
    }
    if (refusals.size) console.log('refused (not counted as acknowledged):', Object.fromEntries(refusals));
    console.log(
      `crash rounds ${ROUNDS}: ${acked.sessions.length} sign-ins, ${acked.settingsSeq} settings saves, ${acked.tickets.length} tickets, ${acked.entries.length} logbook entries, ${acked.finished.length} finishes acknowledged and kept`,
    );
    const numbers = acked.tickets.map((t) => t.number);
    expect(new Set(numbers).size, 'a ticket number was handed out twice').toBe(numbers.length);
    // The test proves something only if writes were really acknowledged between the kills.
    expect(acked.sessions.length).toBeGreaterThan(0);
    expect(acked.settingsSeq).toBeGreaterThan(ROUNDS);
    expect(acked.tickets.length).toBeGreaterThan(ROUNDS);
    expect(acked.entries.length).toBeGreaterThan(0);
    expect(acked.finished.length).toBeGreaterThan(0);
  });
});
