import { describe, expect, it } from 'vitest';
import { monthMinimums, weeksOfMonth, yearMinimums, type ActivityFacts } from './activities';
import { rosterCoverage, todayProblem } from './coverage';

const a = (kind: ActivityFacts['kind'], day: string, status: ActivityFacts['status'] = 'done'): ActivityFacts => ({
  kind,
  day,
  status,
});
const check = (list: ReturnType<typeof monthMinimums>, kind: string) => list.find((c) => c.kind === kind)!;

describe('activity minimums', () => {
  it('weeks of a month follow the ISO Thursday rule', () => {
    // June 2026: Thursdays 4, 11, 18, 25 → four weeks, the first from Monday 1/6.
    expect(weeksOfMonth('2026-06')).toEqual([
      { from: '2026-06-01', to: '2026-06-07' },
      { from: '2026-06-08', to: '2026-06-14' },
      { from: '2026-06-15', to: '2026-06-21' },
      { from: '2026-06-22', to: '2026-06-28' },
    ]);
  });

  it('three support sessions a month: met, planned, missing; cancelled ones do not count', () => {
    const done3 = [
      a('support_session', '2026-06-02'),
      a('support_session', '2026-06-09'),
      a('support_session', '2026-06-16'),
    ];
    expect(check(monthMinimums('2026-06', done3), 'support_session')).toMatchObject({
      required: 3,
      done: 3,
      state: 'met',
    });
    const withPlan = [...done3.slice(0, 2), a('support_session', '2026-06-23', 'planned')];
    expect(check(monthMinimums('2026-06', withPlan), 'support_session')).toMatchObject({
      done: 2,
      plannedOrDone: 3,
      state: 'planned',
    });
    const cancelled = [...done3.slice(0, 2), a('support_session', '2026-06-23', 'cancelled')];
    expect(check(monthMinimums('2026-06', cancelled), 'support_session').state).toBe('missing');
    // One in another month does not count for June.
    expect(
      check(monthMinimums('2026-06', [...done3.slice(0, 2), a('support_session', '2026-07-01')]), 'support_session')
        .state,
    ).toBe('missing');
  });

  it('training class and the online public service day once a month', () => {
    const list = [a('training_class', '2026-06-10'), a('online_service_day', '2026-06-20', 'planned')];
    const checks = monthMinimums('2026-06', list);
    expect(check(checks, 'training_class').state).toBe('met');
    expect(check(checks, 'online_service_day').state).toBe('planned');
  });

  it('one digital skill every week; a week missing is not met', () => {
    const weekly = ['2026-06-03', '2026-06-10', '2026-06-17'].map((d) => a('digital_skill', d));
    expect(check(monthMinimums('2026-06', weekly), 'digital_skill')).toMatchObject({
      required: 4,
      done: 3,
      state: 'missing',
    });
    // Two in the same week count once.
    const doubled = [...weekly, a('digital_skill', '2026-06-18')];
    expect(check(monthMinimums('2026-06', doubled), 'digital_skill').done).toBe(3);
    expect(check(monthMinimums('2026-06', [...weekly, a('digital_skill', '2026-06-26')]), 'digital_skill').state).toBe(
      'met',
    );
  });

  it('two scam-awareness sessions a year, and months met in the year view', () => {
    const list = [
      a('scam_awareness', '2026-03-05'),
      a('scam_awareness', '2026-11-05', 'planned'),
      ...['2026-01-06', '2026-01-13', '2026-01-20'].map((d) => a('support_session', d)),
    ];
    const year = yearMinimums(2026, '2026-02', list);
    expect(year.find((c) => c.kind === 'scam_awareness')).toMatchObject({
      required: 2,
      done: 1,
      plannedOrDone: 2,
      state: 'planned',
    });
    expect(year.find((c) => c.kind === 'support_session')).toMatchObject({
      monthsMet: 1,
      monthsCounted: 2,
      state: 'missing',
    });
  });
});

describe('coverage', () => {
  it('marks shifts below 1 and above 3 members', () => {
    const days = ['2026-06-01', '2026-06-02', '2026-06-03'];
    const assignments = [
      ...[1, 2, 3, 4].map((id) => ({ day: '2026-06-01', shift: 'full' as const, memberId: id })),
      { day: '2026-06-02', shift: 'full' as const, memberId: 1 },
    ];
    expect(rosterCoverage(days, ['full'], assignments).map((c) => c.state)).toEqual(['above', 'ok', 'below']);
  });

  it('today is uncovered when nobody is planned, or nobody signed in an hour after opening', () => {
    const base = { working: true, planned: 2, signedIn: 0, openTime: '07:30' };
    expect(todayProblem({ ...base, nowTime: '08:29' })).toBeNull();
    expect(todayProblem({ ...base, nowTime: '08:30' })).toBe('nobody_signed_in');
    expect(todayProblem({ ...base, signedIn: 1, nowTime: '10:00' })).toBeNull();
    expect(todayProblem({ ...base, planned: 0, nowTime: '06:00' })).toBe('nobody_planned');
    expect(todayProblem({ ...base, working: false, planned: 0, nowTime: '10:00' })).toBeNull();
  });
});
