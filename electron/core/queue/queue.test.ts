import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, signInAs, TEST_PIN, testClock } from '../testing';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const kiosk = { device: 'kiosk' as const };
let app: TestApp | undefined;
afterEach(async () => {
  await app?.cleanup();
  app = undefined;
});

async function setup(start = '2026-11-25T01:00:00.000Z') {
  const clock = testClock(start);
  app = await openTestApp({ now: clock.now });
  return { app, clock };
}
const checkIn = (a: TestApp, input: Record<string, unknown>) => a.invoke('queue.checkIn', input, kiosk);

describe('check-in', () => {
  it('numbers per kind of help from 001 and estimates the wait', async () => {
    const { app } = await setup();
    const a1 = await checkIn(app, { helpKind: 'dvc' });
    const a2 = await checkIn(app, { helpKind: 'dvc', procedure: 'birth' });
    const b1 = await checkIn(app, { helpKind: 'vneid', priority: ['elderly'] });
    expect([a1.number, a2.number, b1.number]).toEqual(['A001', 'A002', 'B001']);
    expect(a2).toMatchObject({ ahead: 1, procedure: 'birth', priority: false, estimatedWaitMinutes: null });
    // A priority ticket passes the normals except the interleaved ones (2 per priority).
    expect(b1).toMatchObject({ priority: true, ahead: 2 });
  });

  it('stores name and phone only with consent, and refuses them without', async () => {
    const { app } = await setup();
    const withConsent = await checkIn(app, {
      helpKind: 'payment',
      consent: true,
      name: 'Ksor H’Blin',
      phone: '0905 123 456',
    });
    const without = await checkIn(app, { helpKind: 'payment' });
    const refused = await app.call('queue.checkIn', { helpKind: 'payment', name: 'Rơ Mah Thu' }, kiosk);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.fields).toEqual({ consent: 'queue:problems.consent' });
    const rows = await app.db
      .selectFrom('queue_ticket')
      .select(['id', 'citizen_name', 'citizen_phone', 'consent'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: withConsent.id, citizen_name: 'Ksor H’Blin', citizen_phone: '0905123456', consent: 1 },
      { id: without.id, citizen_name: null, citizen_phone: null, consent: 0 },
    ]);
    // The citizen's answer carries no personal data.
    expect(JSON.stringify(withConsent)).not.toContain('Blin');
  });

  it('forgets the name and phone on a ticket after the contact period', async () => {
    const { app, clock } = await setup();
    const t = await checkIn(app, { helpKind: 'dvc', consent: true, name: 'Siu Nga', phone: '0912345678' });
    // A member issues the later numbers: 30 and 31 days on fall on a Friday and a Saturday.
    clock.advance(30 * 86_400_000);
    const member = await signInAs(app, 'duty_member');
    await app.invoke('queue.checkIn', { helpKind: 'dvc' }, member);
    const contact = () =>
      app.db
        .selectFrom('queue_ticket')
        .select(['citizen_name', 'status'])
        .where('id', '=', t.id)
        .executeTakeFirstOrThrow();
    expect(await contact()).toEqual({ citizen_name: 'Siu Nga', status: 'expired' });
    clock.advance(86_400_000);
    await app.invoke(
      'queue.checkIn',
      { helpKind: 'dvc' },
      await signInAs(app, 'duty_member', { fullName: 'Test next day' }),
    );
    expect(await contact()).toEqual({ citizen_name: null, status: 'expired' });
  });

  it('rejects bad input with a field message and changes nothing', async () => {
    const { app } = await setup();
    const bad = await app.call('queue.checkIn', { helpKind: 'dvc', consent: true, phone: '12345' }, kiosk);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields).toEqual({ phone: 'queue:problems.phone' });
    expect((await app.call('queue.checkIn', { helpKind: 'flying' }, kiosk)).ok).toBe(false);
    expect(await app.db.selectFrom('queue_ticket').select('id').execute()).toEqual([]);
  });

  it('gives 200 simultaneous check-ins 200 distinct numbers', async () => {
    const { app } = await setup();
    const kinds = ['dvc', 'vneid'] as const;
    const tickets = await Promise.all(Array.from({ length: 200 }, (_, i) => checkIn(app, { helpKind: kinds[i % 2] })));
    const numbers = new Set(tickets.map((t) => t.number));
    expect(numbers.size).toBe(200);
    expect(numbers.has('A100') && numbers.has('B100') && !numbers.has('A101')).toBe(true);
  });

  it('restarts numbering on the first ticket of a new Vietnamese day and expires yesterday’s open tickets', async () => {
    // 23:30 in Vietnam on the 25th is 16:30 UTC; 00:10 on the 26th is 17:10 UTC the same UTC day.
    // The kiosk is closed then: a member issues the numbers (an evening support session).
    const { app, clock } = await setup('2026-11-25T16:30:00.000Z');
    const member = await signInAs(app, 'duty_member');
    const late = await app.invoke('queue.checkIn', { helpKind: 'dvc' }, member);
    expect(late.number).toBe('A001');
    clock.set('2026-11-25T16:59:00.000Z');
    expect((await app.invoke('queue.checkIn', { helpKind: 'dvc' }, member)).number).toBe('A002');
    clock.set('2026-11-25T17:10:00.000Z');
    const next = await app.invoke('queue.checkIn', { helpKind: 'dvc' }, member);
    expect(next.number).toBe('A001');
    const rows = await app.db.selectFrom('queue_ticket').select(['day', 'number', 'status']).orderBy('id').execute();
    expect(rows).toEqual([
      { day: '2026-11-25', number: 'A001', status: 'expired' },
      { day: '2026-11-25', number: 'A002', status: 'expired' },
      { day: '2026-11-26', number: 'A001', status: 'waiting' },
    ]);
    const outbox = await app.db.selectFrom('outbox').select(['entity', 'day']).where('entity', '=', 'ticket').execute();
    expect(outbox).toEqual([
      { entity: 'ticket', day: '2026-11-25' },
      { entity: 'ticket', day: '2026-11-25' },
    ]);
  });
  it('answers with what a fresh read of the queue says, without reading the ticket back', async () => {
    const { app, clock } = await setup();
    const member = await signInAs(app, 'duty_member');
    await app.invoke('queue.openDesk', { desk: 1, takeOver: false }, member);
    for (const priority of [[], ['elderly'], [], []]) await checkIn(app, { helpKind: 'dvc', priority });
    clock.advance(60_000);
    const mine = await checkIn(app, { helpKind: 'vneid', priority: ['pregnant'], procedure: 'permanent_residence' });
    const stored = await app.invoke('queue.ticket', { ticketId: mine.id }, member);
    expect(mine).toMatchObject({
      id: stored.id,
      number: stored.number,
      issuedAt: stored.issuedAt,
      helpKind: 'vneid',
      procedure: 'permanent_residence',
      priority: true,
    });
    // One priority and three normals before it: the priority first, then (two normals per
    // priority) all three normals go before the second priority; ten minutes each at one desk.
    expect(mine.ahead).toBe(4);
    expect(mine.estimatedWaitMinutes).toBe(40);
  });

  it('rolls the day over at the first write after a restart, as after a PC left off overnight', async () => {
    const clock = testClock('2026-11-25T03:00:00.000Z');
    const first = await openTestApp({ now: clock.now });
    const dataDir = first.dataDir;
    await checkIn(first, { helpKind: 'dvc' });
    await first.close();
    clock.set('2026-11-26T02:00:00.000Z');
    const { openApp } = await import('../app');
    const again = await openApp({ dataDir, now: clock.now, log: () => undefined });
    app = Object.assign(again, {
      cleanup: async () => {
        await again.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    });
    expect((await checkIn(app, { helpKind: 'dvc' })).number).toBe('A001');
    const rows = await app.db.selectFrom('queue_ticket').select(['day', 'status']).orderBy('id').execute();
    expect(rows).toEqual([
      { day: '2026-11-25', status: 'expired' },
      { day: '2026-11-26', status: 'waiting' },
    ]);
  });
});

describe('opening hours', () => {
  it('gives no number at the kiosk outside the hours, says when it opens, and lets a member issue one', async () => {
    // Wednesday 25/11/2026 at 23:04 in Vietnam; the point opens 07:30–17:00, Monday to Friday.
    const { app, clock } = await setup('2026-11-25T16:04:00.000Z');
    expect((await app.invoke('queue.kiosk', {}, kiosk)).opening).toEqual({
      open: false,
      opensAt: { day: '2026-11-26', time: '07:30' },
    });
    const refused = await app.call('queue.checkIn', { helpKind: 'vneid' }, kiosk);
    expect(refused).toMatchObject({
      ok: false,
      status: 409,
      error: { code: 'conflict', params: { reason: 'closed' } },
    });
    expect(await app.db.selectFrom('queue_ticket').select('id').execute()).toEqual([]);
    const member = await signInAs(app, 'duty_member');
    const issued = await app.invoke('queue.checkIn', { helpKind: 'vneid' }, member);
    // Issued outside the hours: no wait is promised.
    expect(issued).toMatchObject({ number: 'B001', estimatedWaitMinutes: null, closesAt: null, pastClosing: false });
    // Friday after closing: the next opening is Monday (Saturday closed at this point).
    clock.set('2026-11-27T10:30:00.000Z');
    expect((await app.invoke('queue.kiosk', {}, kiosk)).opening).toEqual({
      open: false,
      opensAt: { day: '2026-11-30', time: '07:30' },
    });
    // Monday 07:29 closed, 07:30 open until 17:00.
    clock.set('2026-11-30T00:29:00.000Z');
    expect((await app.invoke('queue.kiosk', {}, kiosk)).opening.open).toBe(false);
    clock.set('2026-11-30T00:30:00.000Z');
    expect((await app.invoke('queue.kiosk', {}, kiosk)).opening).toEqual({ open: true, closesAt: '17:00' });
    // New Year's Day 2027 is a Friday and a holiday: the kiosk stays closed until Monday 4th.
    clock.set('2027-01-01T02:00:00.000Z');
    expect((await app.invoke('queue.kiosk', {}, kiosk)).opening).toEqual({
      open: false,
      opensAt: { day: '2027-01-04', time: '07:30' },
    });
  });

  it('promises no wait that would end after closing', async () => {
    // 16:40 in Vietnam: 20 minutes before closing, one desk open, 3 people ahead at 10 minutes each.
    const { app } = await setup('2026-11-25T09:40:00.000Z');
    const member = await signInAs(app, 'duty_member');
    await app.invoke('queue.openDesk', { desk: 1 }, member);
    for (let i = 0; i < 3; i++) await checkIn(app, { helpKind: 'dvc' });
    const late = await checkIn(app, { helpKind: 'dvc' });
    expect(late).toMatchObject({ ahead: 3, estimatedWaitMinutes: null, closesAt: '17:00', pastClosing: true });
    const first = await app.invoke('queue.ticket', { ticketId: late.id - 3 }, member);
    expect(first.number).toBe('A001');
  });
});

describe('desk', () => {
  it('calls, recalls, refuses an early no-show, then marks it; finishes with an outcome', async () => {
    const { app, clock } = await setup();
    const member = await signInAs(app, 'duty_member', { skills: ['dvc'] });
    await checkIn(app, { helpKind: 'dvc' });
    const second = await checkIn(app, { helpKind: 'dvc' });
    const refused = await app.call('queue.callNext', {}, member);
    expect(refused.ok || refused.error.code).toBe('conflict'); // no desk open yet
    await app.invoke('queue.openDesk', { desk: 2 }, member);
    const called = await app.invoke('queue.callNext', {}, member);
    expect(called).toMatchObject({ number: 'A001', status: 'called', desk: 2, memberId: member.memberId });
    // One ticket at a time per desk.
    expect((await app.call('queue.callNext', {}, member)).ok).toBe(false);
    expect((await app.call('queue.noShow', { ticketId: called!.id }, member)).ok).toBe(false);
    await app.invoke('queue.recall', { ticketId: called!.id }, member);
    const recalled = await app.invoke('queue.recall', { ticketId: called!.id }, member);
    expect(recalled.recallCount).toBe(2);
    expect((await app.invoke('queue.noShow', { ticketId: called!.id }, member)).status).toBe('no_show');

    clock.advance(60_000);
    const next = await app.invoke('queue.callNext', {}, member);
    expect(next!.id).toBe(second.id);
    await app.invoke('queue.start', { ticketId: second.id }, member);
    clock.advance(6 * 60_000);
    const done = await app.invoke('queue.finish', { ticketId: second.id, outcome: 'filed_with_help' }, member);
    expect(done).toMatchObject({ status: 'finished', outcome: 'filed_with_help' });
    expect(Date.parse(done.finishedAt!) - Date.parse(done.servedAt!)).toBe(6 * 60_000);
    expect((await app.call('queue.finish', { ticketId: second.id, outcome: 'referred' }, member)).ok).toBe(false);

    const calls = await app.db.selectFrom('queue_call').select(['number', 'kind', 'desk']).orderBy('id').execute();
    expect(calls.map((c) => c.kind)).toEqual(['call', 'recall', 'recall', 'call']);
    const outbox = await app.db
      .selectFrom('outbox')
      .select('entity_id')
      .where('entity', '=', 'ticket')
      .orderBy('id')
      .execute();
    expect(outbox.map((o) => o.entity_id)).toEqual([called!.id, second.id]);

    // The next visitor learns from today's real service time (6 min at 1 desk, blended with the prior).
    const later = await checkIn(app, { helpKind: 'dvc' });
    await checkIn(app, { helpKind: 'dvc' });
    const third = await checkIn(app, { helpKind: 'dvc' });
    expect(later.estimatedWaitMinutes).toBe(0);
    expect(third.ahead).toBe(2);
    expect(third.estimatedWaitMinutes).toBe(Math.round((2 * (6 + 10 + 10)) / 3));
  });

  it('interleaves priority tickets through the core: P N N P', async () => {
    const { app, clock } = await setup();
    const member = await signInAs(app, 'duty_member');
    for (const p of [[], [], [], ['pregnant'], ['elderly']]) {
      await checkIn(app, { helpKind: 'smartphone', priority: p });
      clock.advance(1000);
    }
    await app.invoke('queue.openDesk', { desk: 1 }, member);
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      const t = (await app.invoke('queue.callNext', {}, member))!;
      order.push(t.priority.length ? 'P' : 'N');
      await app.invoke('queue.finish', { ticketId: t.id, outcome: 'guided_only' }, member);
    }
    expect(order.join('')).toBe('PNNPN');
    expect(await app.invoke('queue.callNext', {}, member)).toBeNull();
  });

  it('calls a normal ticket waiting past the maximum before a priority one', async () => {
    const { app, clock } = await setup();
    const member = await signInAs(app, 'duty_member');
    const old = await checkIn(app, { helpKind: 'payment' });
    clock.advance(31 * 60_000);
    const prio = await checkIn(app, { helpKind: 'payment', priority: ['disability'] });
    await app.invoke('queue.openDesk', { desk: 1 }, member);
    expect((await app.invoke('queue.callNext', {}, member))!.id).toBe(old.id);
    await app.invoke('queue.finish', { ticketId: old.id, outcome: 'referred' }, member);
    expect((await app.invoke('queue.callNext', {}, member))!.id).toBe(prio.id);
  });

  it('sends a Jrai-speaking citizen to the Jrai-speaking member on duty', async () => {
    const { app, clock } = await setup();
    const viOnly = await signInAs(app, 'duty_member', { fullName: 'Trần Văn A', skills: ['vneid'], languages: ['vi'] });
    const jrai = await signInAs(app, 'duty_member', {
      fullName: 'Siu H’Lan',
      skills: ['vneid'],
      languages: ['vi', 'jrai'],
    });
    const j = await checkIn(app, { helpKind: 'vneid', language: 'jrai' });
    clock.advance(1000);
    const v = await checkIn(app, { helpKind: 'vneid' });
    await app.invoke('queue.openDesk', { desk: 1 }, viOnly);
    await app.invoke('queue.openDesk', { desk: 2 }, jrai);
    expect((await app.invoke('queue.callNext', {}, viOnly))!.id).toBe(v.id);
    expect((await app.invoke('queue.callNext', {}, jrai))!.id).toBe(j.id);
  });

  it('puts back at the end of the line, transfers to a desk and to another kind of help', async () => {
    const { app, clock } = await setup();
    const m1 = await signInAs(app, 'duty_member');
    const m2 = await signInAs(app, 'team_leader');
    const first = await checkIn(app, { helpKind: 'dvc' });
    clock.advance(1000);
    const second = await checkIn(app, { helpKind: 'dvc' });
    await app.invoke('queue.openDesk', { desk: 1 }, m1);
    await app.invoke('queue.openDesk', { desk: 2 }, m2);
    expect((await app.invoke('queue.callNext', {}, m1))!.id).toBe(first.id);
    clock.advance(1000);
    expect((await app.invoke('queue.putBack', { ticketId: first.id }, m1)).status).toBe('waiting');
    expect((await app.invoke('queue.callNext', {}, m1))!.id).toBe(second.id);
    // Transfer to desk 2 (and to another kind): desk 1 no longer sees it, desk 2 calls it first.
    const moved = await app.invoke('queue.transfer', { ticketId: second.id, toDesk: 2, toKind: 'signature' }, m1);
    expect(moved).toMatchObject({
      status: 'waiting',
      targetDesk: 2,
      helpKind: 'signature',
      number: 'A002',
      transferCount: 1,
    });
    expect((await app.invoke('queue.callNext', {}, m1))!.id).toBe(first.id);
    expect((await app.invoke('queue.callNext', {}, m2))!.id).toBe(second.id);
    // A desk cannot touch another desk's ticket.
    expect((await app.call('queue.recall', { ticketId: second.id }, m1)).ok).toBe(false);
    // Nor transfer to a desk that does not exist.
    const bad = await app.call('queue.transfer', { ticketId: second.id, toDesk: 7 }, m2);
    expect(bad.ok || bad.error.fields).toEqual({ toDesk: 'queue:problems.desk' });
  });

  it('serves a walk-in, calls a specific ticket, and keeps desks to their holders', async () => {
    const { app } = await setup();
    const m1 = await signInAs(app, 'duty_member');
    const m2 = await signInAs(app, 'duty_member');
    await app.invoke('queue.openDesk', { desk: 1 }, m1);
    expect((await app.call('queue.openDesk', { desk: 1 }, m2)).ok).toBe(false);
    const walk = await app.invoke('queue.walkIn', { helpKind: 'scam' }, m1);
    expect(walk).toMatchObject({ number: 'H001', status: 'serving', walkIn: true, desk: 1 });
    await app.invoke('queue.finish', { ticketId: walk.id, outcome: 'guided_only' }, m1);
    await checkIn(app, { helpKind: 'dvc' });
    const wanted = await checkIn(app, { helpKind: 'dvc' });
    expect((await app.invoke('queue.callTicket', { ticketId: wanted.id }, m1)).number).toBe('A002');
    // Taking over a desk left open (the holder forgot) works when asked for.
    await app.invoke('queue.openDesk', { desk: 2 }, m2);
    const view = await app.invoke('queue.desk', {}, m2);
    expect(view.myDesk).toBe(2);
    expect(view.desks.map((d) => d.memberId)).toEqual([m1.memberId, m2.memberId, null]);
    expect(view.waiting.map((w) => w.number)).toEqual(['A001']);
  });
});

describe('desks and duty', () => {
  it('opening a desk is being on duty; signing out frees the desk and what was called there', async () => {
    const { app, clock } = await setup();
    const leader = await signInAs(app, 'team_leader', { fullName: 'Rơ Mah Nhung' });
    const member = await signInAs(app, 'duty_member', { fullName: 'Trần Minh Quân' });
    await app.invoke('queue.openDesk', { desk: 1 }, leader);
    await app.invoke('queue.openDesk', { desk: 3 }, member);
    const present = await app.db
      .selectFrom('attendance')
      .select(['member_id', 'signed_out_at'])
      .orderBy('id')
      .execute();
    expect(present).toEqual([
      { member_id: leader.memberId, signed_out_at: null },
      { member_id: member.memberId, signed_out_at: null },
    ]);
    // A priority ticket is sent to desk 1 while desk 1 is staffed: desk 3 leaves it alone.
    const pregnant = await checkIn(app, { helpKind: 'vneid', priority: ['pregnant'] });
    await app.invoke('queue.transfer', { ticketId: pregnant.id, toDesk: 1 }, member);
    clock.advance(60_000);
    const other = await checkIn(app, { helpKind: 'vneid' });
    expect((await app.invoke('queue.callNext', {}, member))!.id).toBe(other.id);
    await app.invoke('queue.finish', { ticketId: other.id, outcome: 'guided_only' }, member);
    // The leader calls someone, then leaves duty (own session, no PIN asked again).
    const third = await checkIn(app, { helpKind: 'dvc' });
    await app.invoke('queue.callTicket', { ticketId: third.id }, leader);
    await app.invoke('attendance.signOut', { memberId: leader.memberId }, leader);
    const view = await app.invoke('queue.desk', {}, member);
    expect(view.desks.find((d) => d.desk === 1)).toMatchObject({ memberId: null });
    // The called ticket is waiting again at its old place; the ticket sent to desk 1 is offered at desk 3.
    expect(view.waiting.map((w) => [w.number, w.status, w.desk])).toEqual([
      ['B001', 'waiting', null],
      ['A001', 'waiting', null],
    ]);
    expect((await app.invoke('queue.callNext', {}, member))!.id).toBe(pregnant.id);
  });

  it('alerts the desk to a ticket past the maximum wait, sent to a staffed desk or not, and any desk calls it', async () => {
    const { app, clock } = await setup();
    const m1 = await signInAs(app, 'duty_member');
    const m3 = await signInAs(app, 'duty_member');
    await app.invoke('queue.openDesk', { desk: 1 }, m1);
    await app.invoke('queue.openDesk', { desk: 3 }, m3);
    const sent = await checkIn(app, { helpKind: 'vneid', priority: ['pregnant'] });
    await app.invoke('queue.transfer', { ticketId: sent.id, toDesk: 1 }, m3);
    clock.advance(20 * 60_000);
    const fresh = await checkIn(app, { helpKind: 'vneid' });
    expect((await app.invoke('queue.desk', {}, m3)).waiting.map((w) => w.overdue)).toEqual([false, false]);
    clock.advance(25 * 60_000);
    const view = await app.invoke('queue.desk', {}, m3);
    expect(view.maxWaitMinutes).toBe(30);
    expect(view.waiting.map((w) => [w.number, w.waitedMinutes, w.overdue])).toEqual([
      ['B001', 45, true],
      ['B002', 25, false],
    ]);
    expect((await app.invoke('queue.callNext', {}, m3))!.id).toBe(sent.id);
    expect(fresh.number).toBe('B002');
  });

  it('signs a member in for duty on their own session, and someone else only with their PIN', async () => {
    const { app } = await setup();
    const leader = await signInAs(app, 'team_leader');
    const member = await signInAs(app, 'duty_member');
    expect(await app.invoke('attendance.signIn', { memberId: leader.memberId }, leader)).toMatchObject({
      memberId: leader.memberId,
      signedOutAt: null,
    });
    const withoutPin = await app.call('attendance.signIn', { memberId: member.memberId }, leader);
    expect(withoutPin).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { pin: 'team:problems.pinForOther' } },
    });
    const wrong = await app.call('attendance.signIn', { memberId: member.memberId, pin: '902317' }, leader);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    expect(await app.invoke('attendance.signIn', { memberId: member.memberId, pin: TEST_PIN }, leader)).toMatchObject({
      memberId: member.memberId,
    });
  });
});

describe('board, roles and settings', () => {
  it('shows calls and counts, never a name, to anyone', async () => {
    const { app } = await setup();
    const m = await signInAs(app, 'duty_member');
    await checkIn(app, { helpKind: 'dvc', consent: true, name: 'Nguyễn Thị Bí Mật', phone: '0905123456' });
    await checkIn(app, { helpKind: 'dvc' });
    await checkIn(app, { helpKind: 'payment' });
    await app.invoke('queue.openDesk', { desk: 3 }, m);
    const t = (await app.invoke('queue.callNext', {}, m))!;
    await app.invoke('queue.recall', { ticketId: t.id }, m);
    const board = await app.invoke('queue.board', {}, { device: 'board' });
    expect(board.current).toMatchObject({ number: 'A001', desk: 3 });
    expect(board.recent).toEqual([]);
    expect(board.waiting.filter((w) => w.count > 0)).toEqual([
      { helpKind: 'dvc', count: 1 },
      { helpKind: 'payment', count: 1 },
    ]);
    expect(JSON.stringify(board)).not.toMatch(/Bí Mật|0905/);
  });

  it('keeps the desk and the settings to staff and admins', async () => {
    const { app } = await setup();
    const member = await signInAs(app, 'duty_member');
    const admin = await signInAs(app, 'admin');
    expect((await app.call('queue.desk', {}, kiosk)).ok).toBe(false);
    expect((await app.call('queue.ticket', { ticketId: 1 }, kiosk)).ok).toBe(false);
    const settings = {
      normalsPerPriority: 3,
      maxWaitMinutes: 20,
      recallsBeforeNoShow: 1,
      ticketIdleSeconds: 5,
      choiceIdleSeconds: 20,
      receiptPrinter: true,
    };
    const denied = await app.call('queue.updateSettings', settings, member);
    expect(denied.ok || denied.error.code).toBe('forbidden');
    await app.invoke('queue.updateSettings', settings, admin);
    expect(await app.invoke('queue.settings', {}, member)).toEqual(settings);
    expect(await app.invoke('queue.kiosk', {}, kiosk)).toMatchObject({
      ticketIdleSeconds: 5,
      receiptPrinter: true,
      localLanguages: ['jrai'],
    });
    const bad = await app.call('queue.updateSettings', { ...settings, ticketIdleSeconds: 1 }, admin);
    expect(bad.ok || bad.error.fields).toEqual({ ticketIdleSeconds: 'queue:problems.range' });
  });

  it('reports waiting and service times per kind of help and per member', async () => {
    const { app, clock } = await setup();
    const m = await signInAs(app, 'team_leader', { fullName: 'Đinh Thị Hạnh' });
    await app.invoke('queue.openDesk', { desk: 1 }, m);
    await checkIn(app, { helpKind: 'vneid' });
    clock.advance(4 * 60_000);
    const t = (await app.invoke('queue.callNext', {}, m))!;
    await app.invoke('queue.start', { ticketId: t.id }, m);
    clock.advance(8 * 60_000);
    await app.invoke('queue.finish', { ticketId: t.id, outcome: 'filed_online' }, m);
    // A walk-in has no waiting time but its 3 minutes of service count.
    const walk = await app.invoke('queue.walkIn', { helpKind: 'vneid' }, m);
    clock.advance(3 * 60_000);
    await app.invoke('queue.finish', { ticketId: walk.id, outcome: 'guided_only' }, m);
    const figures = await app.invoke('queue.figures', { from: '2026-11-25', to: '2026-11-25' }, m);
    expect(figures.total).toMatchObject({
      tickets: 2,
      served: 2,
      noShows: 0,
      avgWaitMinutes: 4,
      maxWaitMinutes: 4,
      avgServiceMinutes: 5.5,
    });
    expect(figures.byKind.find((k) => k.key === 'vneid')).toMatchObject({
      tickets: 2,
      served: 2,
      avgWaitMinutes: 4,
      avgServiceMinutes: 5.5,
    });
    expect(figures.byKind.find((k) => k.key === 'dvc')).toMatchObject({ tickets: 0, avgWaitMinutes: null });
    expect(figures.byMember).toEqual([
      expect.objectContaining({ label: 'Đinh Thị Hạnh', served: 2, avgServiceMinutes: 5.5 }),
    ]);
    // Duty members do not see colleagues' figures.
    const member = await signInAs(app, 'duty_member');
    expect((await app.call('queue.figures', { from: '2026-11-25', to: '2026-11-25' }, member)).ok).toBe(false);
    const empty = await app.invoke('queue.figures', { from: '2026-11-24', to: '2026-11-24' }, m);
    expect(empty.total).toMatchObject({ tickets: 0, avgWaitMinutes: null });
  });
});
