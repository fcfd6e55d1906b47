import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, signInAs, testClock } from '../testing';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const plan = (over: Record<string, unknown> = {}) => ({
  kind: 'support_session',
  day: '2026-06-02',
  startTime: '08:00',
  place: 'Nhà văn hóa thôn 1',
  village: 'Thôn 1',
  responsibleMemberId: null,
  targetGroup: 'Người cao tuổi',
  topic: '',
  ...over,
});

describe('monthly plan of activities', () => {
  let app: TestApp;
  const clock = testClock('2026-06-20T03:00:00Z');
  beforeEach(async () => (app = await openTestApp({ now: clock.now })));
  afterEach(() => app.cleanup());

  it('plans, reports and checks the month and year minimums; the province gets each version', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const ids: number[] = [];
    for (const day of ['2026-06-02', '2026-06-09', '2026-06-16'])
      ids.push((await app.invoke('activity.save', plan({ day }), leader)).id);
    await app.invoke('activity.save', plan({ kind: 'training_class', day: '2026-06-25' }), leader);
    let list = await app.invoke('activity.list', { month: '2026-06' }, leader);
    const check = (kind: string) => list.monthChecks.find((c) => c.kind === kind)!;
    expect(check('support_session')).toMatchObject({ done: 0, plannedOrDone: 3, state: 'planned' });
    expect(check('online_service_day').state).toBe('missing');

    for (const id of ids)
      await app.invoke(
        'activity.report',
        { id, status: 'done', peopleReached: 25, result: 'Hỗ trợ 25 người cài VNeID' },
        leader,
      );
    list = await app.invoke('activity.list', { month: '2026-06' }, leader);
    expect(check('support_session')).toMatchObject({ done: 3, state: 'met' });
    expect(list.activities[0]).toMatchObject({ status: 'done', peopleReached: 25, version: 2, village: 'Thôn 1' });
    expect(list.yearChecks.find((c) => c.kind === 'scam_awareness')).toMatchObject({
      per: 'year',
      required: 2,
      done: 0,
      state: 'missing',
    });
    expect(list.yearChecks.find((c) => c.kind === 'support_session')).toMatchObject({ monthsMet: 1, monthsCounted: 6 });
    const outbox = await app.db
      .selectFrom('outbox')
      .select(['entity_id', 'version'])
      .where('entity', '=', 'activity')
      .where('entity_id', '=', ids[0]!)
      .execute();
    expect(outbox.map((o) => o.version)).toEqual([1, 2]);
  });

  it('refuses a result for a future activity, a done one without people, and reports by a member not responsible', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const duty = await signInAs(app, 'duty_member');
    const future = await app.invoke('activity.save', plan({ day: '2026-06-30' }), leader);
    const r1 = await app.call(
      'activity.report',
      { id: future.id, status: 'done', peopleReached: 3, result: '' },
      leader,
    );
    expect(r1.ok || r1.error.fields).toEqual({ status: 'team:problems.future' });
    const past = await app.invoke('activity.save', plan({ responsibleMemberId: duty.memberId }), leader);
    const r2 = await app.call(
      'activity.report',
      { id: past.id, status: 'done', peopleReached: null, result: '' },
      duty,
    );
    expect(r2.ok || r2.error.fields).toEqual({ peopleReached: 'team:problems.peopleRequired' });
    await app.invoke('activity.report', { id: past.id, status: 'done', peopleReached: 8, result: '' }, duty);
    const other = await signInAs(app, 'duty_member', { fullName: 'Khác' });
    expect(
      (await app.call('activity.report', { id: past.id, status: 'cancelled', peopleReached: null, result: '' }, other))
        .ok,
    ).toBe(false);
    expect((await app.call('activity.save', plan(), duty)).ok).toBe(false);
  });
});
