import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Credentials } from '../gate';
import { openTestApp, signInAs, testClock } from '../testing';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;

describe('roster month grid: edits in one call, confirmed once published, told to the members', () => {
  let app: TestApp;
  const clock = testClock('2026-04-01T01:00:00Z');
  beforeEach(async () => {
    clock.set('2026-04-01T01:00:00Z');
    app = await openTestApp({ now: clock.now });
  });
  afterEach(() => app.cleanup());

  const onDay = async (who: Credentials, day: string) =>
    (await app.invoke('roster.month', { month: '2026-04' }, who)).days
      .find((d) => d.day === day)!
      .shifts.flatMap((s) => s.members.map((m) => m.memberId));

  it('applies a draft edit at once, all edits or none, and tells nobody', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader', fullName: 'Tổ Trưởng' });
    const a = await signInAs(app, 'duty_member', { fullName: 'Nguyễn Văn A' });
    const b = await signInAs(app, 'duty_member', { fullName: 'Trần Thị B' });
    const r = await app.invoke(
      'roster.edit',
      {
        month: '2026-04',
        changes: [
          { day: '2026-04-02', memberId: a.memberId, shift: 'full' },
          { day: '2026-04-03', memberId: b.memberId, shift: 'full' },
        ],
      },
      leader,
    );
    expect(r).toEqual({ changed: 2, told: 0 });
    expect(await onDay(leader, '2026-04-02')).toEqual([a.memberId]);
    // One bad change (Saturday 4/4, the point is closed) and nothing of the call is kept.
    const bad = await app.call(
      'roster.edit',
      {
        month: '2026-04',
        changes: [
          { day: '2026-04-02', memberId: a.memberId, shift: null },
          { day: '2026-04-04', memberId: b.memberId, shift: 'full' },
        ],
      },
      leader,
    );
    expect(bad.ok || bad.error.fields).toEqual({ 'changes.1': 'team:problems.notWorkingDay' });
    expect(await onDay(leader, '2026-04-02')).toEqual([a.memberId]);
    expect(await app.invoke('roster.notices', {}, a)).toEqual([]);
  });

  it('refuses to change a published month unconfirmed; once confirmed, bumps the version, queues the days and tells each member concerned', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader', fullName: 'Rơ Mah Hồng Nhung' });
    const a = await signInAs(app, 'duty_member', { fullName: 'Nguyễn Văn A' });
    const b = await signInAs(app, 'duty_member', { fullName: 'Trần Thị B' });
    const c = await signInAs(app, 'duty_member', { fullName: 'Lê Văn C' });
    await app.invoke(
      'roster.edit',
      {
        month: '2026-04',
        changes: [
          { day: '2026-04-02', memberId: a.memberId, shift: 'full' },
          { day: '2026-04-06', memberId: c.memberId, shift: 'full' },
        ],
      },
      leader,
    );
    await app.invoke('roster.publish', { month: '2026-04' }, leader);
    const before = await app.invoke('roster.month', { month: '2026-04' }, leader);
    const outboxBefore = (await app.db.selectFrom('outbox').select('id').execute()).length;

    const move = {
      month: '2026-04',
      changes: [
        { day: '2026-04-02', memberId: a.memberId, shift: null },
        { day: '2026-04-02', memberId: b.memberId, shift: 'full' as const },
      ],
    };
    const unconfirmed = await app.call('roster.edit', move, leader);
    expect(unconfirmed.ok || unconfirmed.error.fields).toEqual({ confirmed: 'team:problems.confirmPublished' });
    expect(await onDay(leader, '2026-04-02')).toEqual([a.memberId]);

    expect(await app.invoke('roster.edit', { ...move, confirmed: true }, leader)).toEqual({ changed: 2, told: 2 });
    expect(await onDay(leader, '2026-04-02')).toEqual([b.memberId]);
    const after = await app.invoke('roster.month', { month: '2026-04' }, leader);
    expect(after.version).toBe(before.version + 1);
    const queued = await app.db
      .selectFrom('outbox')
      .selectAll()
      .where('entity', '=', 'roster_day')
      .orderBy('id')
      .execute();
    expect(queued.length).toBeGreaterThan(0);
    expect((await app.db.selectFrom('outbox').select('id').execute()).length).toBe(outboxBefore + 1);
    expect(queued.at(-1)).toMatchObject({ day: '2026-04-02', version: after.version });

    const forA = await app.invoke('roster.notices', {}, a);
    expect(forA).toHaveLength(1);
    expect(forA[0]).toMatchObject({
      month: '2026-04',
      byName: 'Rơ Mah Hồng Nhung',
      changes: [{ day: '2026-04-02', before: 'full', after: null }],
    });
    const forB = await app.invoke('roster.notices', {}, b);
    expect(forB[0]!.changes).toEqual([{ day: '2026-04-02', before: null, after: 'full' }]);
    expect(await app.invoke('roster.notices', {}, c)).toEqual([]);

    // A member dismisses only their own notice.
    const stranger = await app.call('roster.dismissNotice', { id: forA[0]!.id }, b);
    expect(stranger.ok).toBe(false);
    await app.invoke('roster.dismissNotice', { id: forA[0]!.id }, a);
    expect(await app.invoke('roster.notices', {}, a)).toEqual([]);
    // A leader taking someone off a published day with the older buttons tells them too.
    const shiftId = after.days.find((d) => d.day === '2026-04-06')!.shifts[0]!.members[0]!.shiftId;
    await app.invoke('roster.unassign', { shiftId }, leader);
    expect((await app.invoke('roster.notices', {}, c))[0]!.changes).toEqual([
      { day: '2026-04-06', before: 'full', after: null },
    ]);
  });
});
