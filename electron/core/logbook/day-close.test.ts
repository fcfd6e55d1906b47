import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { generateProvinceKeys } from '#province/keys';
import { openApp } from '../app';
import { SCHEDULED_JOBS } from '../jobs';
import { startScheduler } from '../scheduler';
import { TEST_SETUP, openTestApp, signInAs, testClock } from '../testing';

/**
 * Closing the day is an act of the official, and it tells the truth: what is still open is
 * listed and carried knowingly, the day's batch follows the close (never a clock running ahead
 * of it), and a day nobody closed is closed by the point the next working morning, marked so.
 */
type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const kiosk = { device: 'kiosk' as const };
const province = generateProvinceKeys();
let app: TestApp | undefined;
let reopened: Awaited<ReturnType<typeof openApp>> | undefined;
afterEach(async () => {
  await reopened?.close();
  await app?.cleanup();
  app = undefined;
  reopened = undefined;
});

const TUESDAY = '2026-12-01';
const at = (day: string, hhmm: string) =>
  `${day}T${String(Number(hhmm.slice(0, 2)) - 7).padStart(2, '0')}:${hhmm.slice(3)}:00.000Z`;

async function readyPoint(clockStart: string) {
  const clock = testClock(clockStart);
  app = await openTestApp({ now: clock.now });
  const admin = await app.invoke('access.signIn', { memberId: 1, pin: TEST_SETUP.adminPin });
  const adminCred = { token: admin.token, device: 'staff' as const };
  await app.invoke('settings.update', { ...TEST_SETUP.point, communeCode: '23410' }, adminCred);
  await app.invoke('uploads.setProvince', { keyText: province.publicText }, adminCred);
  const member = await signInAs(app, 'duty_member', { fullName: "Siu H'Lan" });
  const official = await signInAs(app, 'commune_official', { fullName: 'Ksor Văn Thành' });
  await app.invoke('queue.openDesk', { desk: 1 }, member);
  return { app, clock, member, official };
}

const batches = (a: TestApp) =>
  a.db.selectFrom('upload_batch').select(['seq', 'closes_days', 'kind']).orderBy('seq').execute();

describe("the official's close", () => {
  it('at 17:05 with two tickets still waiting: listed, resolved or carried, then the batch', async () => {
    const { app, clock, member, official } = await readyPoint(at(TUESDAY, '16:20'));
    const w1 = await app.invoke('queue.checkIn', { helpKind: 'vneid' }, kiosk);
    const w2 = await app.invoke('queue.checkIn', { helpKind: 'payment' }, kiosk);
    const w3 = await app.invoke('queue.checkIn', { helpKind: 'smartphone' }, kiosk);
    const walk = await app.invoke('queue.walkIn', { helpKind: 'dvc' }, member);
    const incomplete = await app.invoke('queue.finish', { ticketId: walk.id, outcome: 'guided_only' }, member);
    const serving = await app.invoke('queue.callTicket', { ticketId: w3.id }, member);
    await app.invoke('queue.start', { ticketId: serving.id }, member);

    // Past closing time nothing is packed by itself: the clock does not run ahead of the official.
    clock.set(at(TUESDAY, '17:04'));
    await startScheduler(app, SCHEDULED_JOBS, { firstDelayMs: 1e9, everyMs: 1e9 }).runNow();
    expect(await batches(app)).toEqual([]);

    clock.set(at(TUESDAY, '17:05'));
    const open = await app.invoke('logbook.openItems', { day: TUESDAY }, official);
    expect(open.tickets.map((t) => [t.number, t.status])).toEqual([
      [w1.number, 'waiting'],
      [w2.number, 'waiting'],
      [w3.number, 'serving'],
    ]);
    expect(open.tickets[2]).toMatchObject({ desk: 1, memberName: "Siu H'Lan" });
    expect(open.entries).toEqual([
      { id: incomplete.entry.id, time: expect.any(String), ticketNumber: walk.number, gaps: ['procedure'] },
    ]);

    // Closing as if nothing were open is refused, and changes nothing.
    const blind = await app.call('logbook.closeDay', { day: TUESDAY }, official);
    expect(blind).toMatchObject({
      ok: false,
      status: 409,
      error: { code: 'conflict', params: { reason: 'openItemsChanged', tickets: 3, entries: 1 } },
    });
    expect((await app.invoke('logbook.day', { day: TUESDAY }, official)).closed).toBeNull();

    // The official resolves what can be: one citizen went home; the incomplete entry is completed.
    await app.invoke('queue.dismiss', { ticketIds: [w1.id] }, official);
    const full = (await app.invoke('logbook.get', { id: incomplete.entry.id }, member)).current;
    await app.invoke(
      'logbook.refine',
      {
        id: incomplete.entry.id,
        expectedVersion: 1,
        entry: { ...full, procedure: 'birth', consent: { contact: false, ethnicity: false, disability: false } },
      },
      member,
    );
    // A citizen arrives while the official looks (after 17:00 the kiosk gives no number; the
    // member issues one): the list seen is no longer the truth.
    const seen = await app.invoke('logbook.openItems', { day: TUESDAY }, official);
    const late = await app.invoke('queue.checkIn', { helpKind: 'vneid' }, member);
    const stale = await app.call(
      'logbook.closeDay',
      { day: TUESDAY, carry: { tickets: seen.tickets.map((t) => t.id), entries: [] } },
      official,
    );
    expect(stale).toMatchObject({ ok: false, error: { params: { reason: 'openItemsChanged' } } });

    // …and carries the rest knowingly: the close says who, when, and what was still open.
    const carry = { tickets: [w2.id, w3.id, late.id], entries: [] };
    expect(await app.invoke('logbook.closeDay', { day: TUESDAY, carry }, official)).toEqual({ ok: true, batchSeq: 1 });
    const book = await app.invoke('logbook.day', { day: TUESDAY }, official);
    expect(book.closed).toMatchObject({
      day: TUESDAY,
      at: at(TUESDAY, '17:05'),
      byName: 'Ksor Văn Thành',
      automatic: false,
      seenAt: null,
      carried: {
        tickets: [
          { id: w2.id, number: w2.number, status: 'waiting' },
          { id: w3.id, status: 'serving' },
          { id: late.id, status: 'waiting' },
        ],
        entries: [],
      },
    });
    // The day's batch followed the close, in the same act.
    expect(await batches(app)).toEqual([{ seq: 1, closes_days: JSON.stringify([TUESDAY]), kind: 'closing' }]);

    // The member finishes the citizen at the desk afterwards: recorded, as a late amendment.
    clock.set(at(TUESDAY, '17:12'));
    const after = await app.invoke('queue.finish', { ticketId: w3.id, outcome: 'filed_online' }, member);
    expect(after.entry.late).toBe(true);
    expect(
      (await app.invoke('logbook.day', { day: TUESDAY }, official)).rows.find((r) => r.id === after.entry.id)?.late,
    ).toBe(true);
    // A day closes once.
    expect(await app.call('logbook.closeDay', { day: TUESDAY }, official)).toMatchObject({
      ok: false,
      error: { fields: { day: 'logbook:problems.alreadyClosed' } },
    });
    // The audit trail has the official's act with what was carried.
    const trail = await app.db
      .selectFrom('audit_event')
      .select(['member_id', 'detail'])
      .where('action', '=', 'logbook.closeDay')
      .execute();
    expect(trail).toEqual([
      { member_id: official.memberId, detail: JSON.stringify({ day: TUESDAY, carriedTickets: 3, carriedEntries: 0 }) },
    ]);
  });

  it('is packed later when the province key comes after the close, never before the close', async () => {
    const clock = testClock(at(TUESDAY, '08:00'));
    app = await openTestApp({ now: clock.now });
    const official = await signInAs(app, 'commune_official');
    await app.invoke('queue.checkIn', { helpKind: 'vneid' }, kiosk);
    clock.set(at(TUESDAY, '17:30'));
    expect(
      await app.invoke(
        'logbook.closeDay',
        {
          day: TUESDAY,
          carry: {
            tickets: (await app.invoke('logbook.openItems', { day: TUESDAY }, official)).tickets.map((t) => t.id),
            entries: [],
          },
        },
        official,
      ),
    ).toEqual({ ok: true, batchSeq: null });
    // Wednesday, 22:39: the key is imported while citizens of the day still wait. Only the closed Tuesday is packed.
    clock.set(at('2026-12-02', '08:00'));
    await app.invoke('queue.checkIn', { helpKind: 'vneid' }, kiosk);
    clock.set(at('2026-12-02', '22:39'));
    const admin = await app.invoke('access.signIn', { memberId: 1, pin: TEST_SETUP.adminPin });
    await app.invoke(
      'settings.update',
      { ...TEST_SETUP.point, communeCode: '23410' },
      { token: admin.token, device: 'staff' },
    );
    await app.invoke('uploads.setProvince', { keyText: province.publicText }, { token: admin.token, device: 'staff' });
    await startScheduler(app, SCHEDULED_JOBS, { firstDelayMs: 1e9, everyMs: 1e9 }).runNow();
    expect((await batches(app)).map((b) => b.closes_days)).toEqual([JSON.stringify([TUESDAY])]);
  });
});

describe('a day nobody closed', () => {
  it('is closed by the point when the PC is switched on the next morning at 07:30, and the official sees it', async () => {
    const { app: first, clock, member } = await readyPoint(at(TUESDAY, '15:00'));
    const waiting = await first.invoke('queue.checkIn', { helpKind: 'vneid' }, kiosk);
    const walk = await first.invoke('queue.walkIn', { helpKind: 'payment' }, member);
    await first.invoke('queue.finish', { ticketId: walk.id, outcome: 'guided_only' }, member);
    // 16:50: the PC is switched off; nobody closed the book.
    await first.close();

    // Wednesday 07:29: switched on. Not yet the working morning: nothing closes.
    clock.set(at('2026-12-02', '07:29'));
    reopened = await openApp({ dataDir: first.dataDir, now: clock.now, log: () => undefined });
    const jobs = startScheduler(reopened, SCHEDULED_JOBS, {
      firstDelayMs: 1e9,
      everyMs: 1e9,
      log: (m, e) => {
        throw Object.assign(new Error(m), { cause: e });
      },
    });
    await jobs.runNow();
    expect(await reopened.db.selectFrom('logbook_day_close').select('day').execute()).toEqual([]);
    clock.set(at('2026-12-02', '07:30'));
    await jobs.runNow();
    jobs.stop();

    const official = await signInAs(reopened, 'commune_official', { fullName: 'Ksor Văn Thành' });
    const book = await reopened.invoke('logbook.day', { day: TUESDAY }, official);
    expect(book.closed).toEqual({
      day: TUESDAY,
      at: at('2026-12-02', '07:30'),
      byName: null,
      automatic: true,
      seenAt: null,
      carried: { tickets: [{ id: waiting.id, number: waiting.number, status: 'waiting' }], entries: [] },
    });
    // The batch carries the day, packed after the close (the batch reads the close from this row).
    const packed = await reopened.db.selectFrom('upload_batch').select(['closes_days', 'created_at']).execute();
    expect(packed).toEqual([{ closes_days: JSON.stringify([TUESDAY]), created_at: at('2026-12-02', '07:30') }]);
    expect(
      await reopened.db
        .selectFrom('logbook_day_close')
        .select(['automatic', 'closed_by'])
        .where('day', '=', TUESDAY)
        .executeTakeFirst(),
    ).toEqual({ automatic: 1, closed_by: null });
    // Both acts are the point's own, each on the gate's road with its audit row (no member).
    const trail = await reopened.db
      .selectFrom('audit_event')
      .select(['action', 'member_id', 'detail'])
      .where('member_id', 'is', null)
      .where('action', 'in', ['logbook.closeDueDays', 'uploads.packClosedDays'])
      .orderBy('id')
      .execute();
    expect(trail.map((r) => [r.action, r.member_id])).toEqual([
      ['logbook.closeDueDays', null],
      ['uploads.packClosedDays', null],
    ]);
    expect(JSON.parse(trail[0]!.detail)).toEqual({ closed: [TUESDAY] });

    // The home screen's notice, until an official says they have seen it.
    const notices = await reopened.invoke('logbook.autoCloses', {}, await signInAs(reopened, 'duty_member'));
    expect(notices.map((n) => n.day)).toEqual([TUESDAY]);
    expect(
      (
        await reopened.call(
          'logbook.acknowledgeAutoCloses',
          { days: [TUESDAY] },
          await signInAs(reopened, 'duty_member'),
        )
      ).ok,
    ).toBe(false);
    expect(await reopened.invoke('logbook.acknowledgeAutoCloses', { days: [TUESDAY] }, official)).toEqual({
      acknowledged: 1,
    });
    expect(await reopened.invoke('logbook.autoCloses', {}, official)).toEqual([]);
    expect((await reopened.invoke('logbook.day', { day: TUESDAY }, official)).closed).toMatchObject({
      automatic: true,
      seenAt: at('2026-12-02', '07:30'),
    });
    // The close itself cannot be rewritten.
    await expect(
      reopened.db.updateTable('logbook_day_close').set({ automatic: 0 }).where('day', '=', TUESDAY).execute(),
    ).rejects.toThrow(/never changed/);
  });

  it('waits for the next working morning: Friday is closed on Monday at opening time, not over the weekend', async () => {
    const { app, clock } = await readyPoint(at('2026-12-04', '09:00')); // Friday
    const run = async (iso: string) => {
      clock.set(iso);
      return (await app.invokeSystem('logbook.closeDueDays')).closed;
    };
    expect(await run(at('2026-12-05', '09:00'))).toEqual([]); // Saturday
    expect(await run(at('2026-12-07', '07:00'))).toEqual([]); // Monday, before opening
    expect(await run(at('2026-12-07', '07:30'))).toEqual(['2026-12-04']);
    expect(await run(at('2026-12-07', '09:00'))).toEqual([]);
  });
});

describe('the system caller', () => {
  it("a job's change is one transaction: its audit row and events only once committed, nothing at all when it fails", async () => {
    const { app, clock } = await readyPoint(at(TUESDAY, '09:00'));
    await app.invoke('queue.checkIn', { helpKind: 'vneid' }, kiosk);
    const events: string[] = [];
    app.bus.subscribe((e) => events.push(e.name));
    clock.set(at('2026-12-02', '08:00'));
    await sql
      .raw(
        `create temp trigger refuse_close before insert on logbook_day_close begin select raise(abort, 'disk trouble'); end`,
      )
      .execute(app.db);
    const failed = await app.system('logbook.closeDueDays', {});
    expect(failed).toMatchObject({ ok: false, status: 500 });
    expect(events).toEqual([]);
    expect(
      await app.db.selectFrom('audit_event').select('id').where('action', '=', 'logbook.closeDueDays').execute(),
    ).toEqual([]);
    await sql.raw('drop trigger refuse_close').execute(app.db);
    let committed: unknown[] | null = null;
    app.bus.subscribe(
      () =>
        void app.db
          .selectFrom('logbook_day_close')
          .select('day')
          .execute()
          .then((rows) => (committed ??= rows)),
    );
    expect(await app.invokeSystem('logbook.closeDueDays')).toEqual({ closed: [TUESDAY] });
    expect(events).toEqual(['logbook.changed']);
    await new Promise((r) => setTimeout(r, 50));
    expect(committed).toEqual([{ day: TUESDAY }]);
    expect(
      await app.db
        .selectFrom('audit_event')
        .select(['member_id', 'detail'])
        .where('action', '=', 'logbook.closeDueDays')
        .execute(),
    ).toEqual([{ member_id: null, detail: JSON.stringify({ closed: [TUESDAY] }) }]);
    // Nothing due: nothing changed, no audit row.
    expect(await app.invokeSystem('logbook.closeDueDays')).toEqual({ closed: [] });
    expect(
      await app.db.selectFrom('audit_event').select('id').where('action', '=', 'logbook.closeDueDays').execute(),
    ).toHaveLength(1);
  });

  it('cannot be claimed from a transport: system methods refuse every session and none', async () => {
    const { app, official } = await readyPoint(at(TUESDAY, '09:00'));
    const admin = await signInAs(app, 'admin');
    for (const name of [
      'logbook.closeDueDays',
      'logbook.purgeExpired',
      'uploads.packClosedDays',
      'uploads.deliveryDue',
      'backups.recordDaily',
    ] as const) {
      for (const who of [official, admin, kiosk, { device: 'lan' as const, token: 'system' }]) {
        const res = await app.call(name, {}, who);
        expect(res.ok ? 'ok' : res.error.code, `${name} as ${JSON.stringify(who).slice(0, 40)}`).toMatch(
          /^(forbidden|unauthorized|session_expired)$/,
        );
      }
    }
  });
});
