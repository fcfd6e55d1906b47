import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, signInAs, testClock, TEST_PIN } from '../testing';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;

describe('attendance', () => {
  let app: TestApp;
  const clock = testClock('2026-04-02T00:15:00Z'); // 07:15 in Vietnam, Thursday; the point opens 07:30
  beforeEach(async () => {
    clock.set('2026-04-02T00:15:00Z');
    app = await openTestApp({ now: clock.now });
  });
  afterEach(() => app.cleanup());

  it('a member signs in and out with their PIN; the roster shows planned against actual; the province is told', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const duty = await signInAs(app, 'duty_member', { fullName: "Siu H'Lan" });
    await app.invoke('roster.assign', { day: '2026-04-02', shift: 'full', memberId: duty.memberId }, leader);
    const inn = await app.invoke('attendance.signIn', { memberId: duty.memberId, pin: TEST_PIN }, duty);
    expect(inn).toMatchObject({ memberId: duty.memberId, planned: true, signedOutAt: null });
    // Twice is harmless.
    expect((await app.invoke('attendance.signIn', { memberId: duty.memberId, pin: TEST_PIN }, duty)).attendanceId).toBe(
      inn.attendanceId,
    );
    // The leader, not planned, signs in on the same PC by name and PIN.
    await app.invoke('attendance.signIn', { memberId: leader.memberId, pin: TEST_PIN }, duty);
    clock.advance(8 * 3_600_000);
    const out = await app.invoke('attendance.signOut', { memberId: duty.memberId, pin: TEST_PIN }, duty);
    expect(out.signedOutAt).toBe('2026-04-02T08:15:00.000Z');

    const day = (await app.invoke('roster.month', { month: '2026-04' }, leader)).days.find(
      (d) => d.day === '2026-04-02',
    )!;
    expect(day.shifts[0]!.members).toMatchObject([{ memberId: duty.memberId, present: true }]);
    expect(day.unplannedPresent).toEqual([{ memberId: leader.memberId, fullName: 'Test team_leader' }]);
    const outbox = await app.db
      .selectFrom('outbox')
      .select(['entity_id', 'version'])
      .where('entity', '=', 'attendance')
      .execute();
    expect(outbox).toEqual([
      { entity_id: inn.attendanceId, version: 1 },
      { entity_id: inn.attendanceId + 1, version: 1 },
      { entity_id: inn.attendanceId, version: 2 },
    ]);
  });

  it('a wrong PIN records nothing and counts towards the lock; signing out without signing in is refused', async () => {
    const duty = await signInAs(app, 'duty_member');
    const wrong = await app.call('attendance.signIn', { memberId: duty.memberId, pin: '0000' }, duty);
    expect(wrong.ok || wrong.error.code).toBe('wrong_pin');
    expect(await app.db.selectFrom('attendance').selectAll().execute()).toEqual([]);
    expect(
      (
        await app.db
          .selectFrom('pin_state')
          .select('failures')
          .where('member_id', '=', duty.memberId)
          .executeTakeFirstOrThrow()
      ).failures,
    ).toBe(1);
    const out = await app.call('attendance.signOut', { memberId: duty.memberId, pin: TEST_PIN }, duty);
    expect(out.ok || out.error.fields).toEqual({ memberId: 'team:problems.notSignedIn' });
  });

  it('an uncovered day shows the same morning: nobody planned at once, nobody signed in an hour after opening', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    expect((await app.invoke('roster.today', {}, leader)).problem).toBe('nobody_planned');
    const duty = await signInAs(app, 'duty_member');
    await app.invoke('roster.assign', { day: '2026-04-02', shift: 'full', memberId: duty.memberId }, leader);
    expect((await app.invoke('roster.today', {}, leader)).problem).toBeNull();
    clock.set('2026-04-02T01:30:00Z'); // 08:30
    const late = await app.invoke('roster.today', {}, leader);
    expect(late).toMatchObject({
      working: true,
      problem: 'nobody_signed_in',
      planned: [{ memberId: duty.memberId, shift: 'full' }],
    });
    await app.invoke('attendance.signIn', { memberId: duty.memberId, pin: TEST_PIN }, leader);
    expect((await app.invoke('roster.today', {}, leader)).problem).toBeNull();
    clock.set('2026-04-04T03:00:00Z'); // Saturday: closed, no problem
    const admin = await signInAs(app, 'admin');
    expect(await app.invoke('roster.today', {}, admin)).toMatchObject({ working: false, problem: null });
  });

  it('a member enters their own leave, not someone else’s; leave takes them off planned days', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const duty = await signInAs(app, 'duty_member', { fullName: 'Một' });
    const other = await signInAs(app, 'duty_member', { fullName: 'Hai' });
    await app.invoke('roster.assign', { day: '2026-04-06', shift: 'full', memberId: duty.memberId }, leader);
    const { removedShifts } = await app.invoke(
      'leave.add',
      { memberId: duty.memberId, from: '2026-04-06', to: '2026-04-07', reason: 'Ốm' },
      duty,
    );
    expect(removedShifts).toBe(1);
    expect(
      (
        await app.call(
          'leave.add',
          { memberId: other.memberId, from: '2026-04-06', to: '2026-04-06', reason: '' },
          duty,
        )
      ).ok,
    ).toBe(false);
    const backwards = await app.call(
      'leave.add',
      { memberId: duty.memberId, from: '2026-04-08', to: '2026-04-06', reason: '' },
      duty,
    );
    expect(backwards.ok || backwards.error.fields).toEqual({ to: 'team:problems.range' });
    expect(await app.invoke('leave.list', { from: '2026-04-01' }, other)).toEqual([]);
    expect(await app.invoke('leave.list', { from: '2026-04-01' }, leader)).toMatchObject([
      { memberId: duty.memberId, reason: 'Ốm' },
    ]);
  });
});
