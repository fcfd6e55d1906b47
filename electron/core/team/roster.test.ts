import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, signInAs, testClock } from '../testing';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;

/** Add `n` active team members straight into the table (bulk set-up, not what is tested). */
async function addTeam(app: TestApp, n: number, speakers: number[] = []) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = await app.db
      .insertInto('member')
      .values({
        full_name: `Thành viên ${String(i + 1).padStart(2, '0')}`,
        access_role: 'duty_member',
        position: 'member',
        origin: null,
        sub_group: null,
        village: null,
        skills: '[]',
        languages: JSON.stringify(speakers.includes(i) ? ['vi', 'jrai'] : ['vi']),
        phone: null,
        pin_hash: 'x',
        active: 1,
        locked_until: null,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

describe('duty roster', () => {
  let app: TestApp;
  const clock = testClock('2026-04-01T01:00:00Z'); // 08:00 in Vietnam, Wednesday 1/4/2026
  beforeEach(async () => {
    clock.set('2026-04-01T01:00:00Z');
    app = await openTestApp({ now: clock.now });
  });
  afterEach(() => app.cleanup());

  it('generates a fair month on working days only, skipping the Hùng Kings day and its day in lieu', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    await addTeam(app, 15);
    const result = await app.invoke('roster.generate', { month: '2026-04' }, leader);
    expect(result.gaps).toBe(0);
    const view = await app.invoke('roster.month', { month: '2026-04' }, leader);
    const working = view.days.filter((d) => d.working);
    // April 2026: 22 weekdays, less 30/4 and 27/4 (in lieu of Sunday 26/4).
    expect(working).toHaveLength(20);
    expect(view.days.find((d) => d.day === '2026-04-30')).toMatchObject({ working: false, holiday: 'reunification' });
    expect(view.days.find((d) => d.day === '2026-04-27')).toMatchObject({
      working: false,
      holiday: 'in_lieu',
      confirm: true,
    });
    expect(view.days.filter((d) => !d.working).every((d) => d.shifts.length === 0)).toBe(true);
    expect(working.every((d) => d.shifts[0]!.count === 2 && d.shifts[0]!.state === 'ok')).toBe(true);
    const counts = view.tally.map((t) => t.shifts);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(result.assigned).toBe(40);
  });

  it('respects leave, keeps past days, and refuses to regenerate a published month', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const [first] = await addTeam(app, 15);
    await app.invoke(
      'leave.add',
      { memberId: first!, from: '2026-04-01', to: '2026-04-15', reason: 'Đi tập huấn' },
      leader,
    );
    await app.invoke('roster.generate', { month: '2026-04' }, leader);
    const view = await app.invoke('roster.month', { month: '2026-04' }, leader);
    const onLeave = view.days
      .filter((d) => d.day <= '2026-04-15')
      .flatMap((d) => d.shifts.flatMap((s) => s.members))
      .filter((m) => m.memberId === first);
    expect(onLeave).toEqual([]);
    expect(view.tally.find((t) => t.memberId === first)!.unavailableDays).toBe(11);

    clock.set('2026-04-10T01:00:00Z');
    const admin = await signInAs(app, 'admin'); // the leader's session ended with the day
    const before = (await app.invoke('roster.month', { month: '2026-04' }, admin)).days.filter(
      (d) => d.day < '2026-04-10',
    );
    await app.invoke('roster.generate', { month: '2026-04', seed: 99 }, admin);
    const after = (await app.invoke('roster.month', { month: '2026-04' }, admin)).days.filter(
      (d) => d.day < '2026-04-10',
    );
    expect(after).toEqual(before);

    const duty = await signInAs(app, 'duty_member', { fullName: 'Xem lịch' });
    const draftSeen = await app.invoke('roster.month', { month: '2026-04' }, duty);
    expect(draftSeen.days.flatMap((d) => d.shifts.flatMap((s) => s.members))).toEqual([]);
    await app.invoke('roster.publish', { month: '2026-04' }, admin);
    const publishedSeen = await app.invoke('roster.month', { month: '2026-04' }, duty);
    expect(publishedSeen.days.flatMap((d) => d.shifts.flatMap((s) => s.members)).length).toBeGreaterThan(0);
    const again = await app.call('roster.generate', { month: '2026-04' }, admin);
    expect(again.ok || again.error.fields).toEqual({ month: 'team:problems.alreadyPublished' });
  });

  it('shows days below and above 1–3, refuses a closed day, a double booking and a day of leave', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const ids = await addTeam(app, 4);
    for (const id of ids) await app.invoke('roster.assign', { day: '2026-04-02', shift: 'full', memberId: id }, leader);
    const view = await app.invoke('roster.month', { month: '2026-04' }, leader);
    expect(view.days.find((d) => d.day === '2026-04-02')!.shifts[0]).toMatchObject({ count: 4, state: 'above' });
    expect(view.days.find((d) => d.day === '2026-04-03')!.shifts[0]).toMatchObject({ count: 0, state: 'below' });
    const fields = async (input: object) => {
      const r = await app.call('roster.assign', input, leader);
      return r.ok ? null : r.error.fields;
    };
    expect(await fields({ day: '2026-04-04', shift: 'full', memberId: ids[0] })).toEqual({
      day: 'team:problems.notWorkingDay',
    });
    expect(await fields({ day: '2026-04-02', shift: 'full', memberId: ids[0] })).toEqual({
      memberId: 'team:problems.alreadyOnDay',
    });
    expect(await fields({ day: '2026-04-03', shift: 'morning', memberId: ids[0] })).toEqual({
      shift: 'team:problems.shift',
    });
    await app.invoke('leave.add', { memberId: ids[1]!, from: '2026-04-03', to: '2026-04-03', reason: '' }, leader);
    expect(await fields({ day: '2026-04-03', shift: 'full', memberId: ids[1] })).toEqual({
      memberId: 'team:problems.onLeave',
    });
  });

  it('closing a day takes everyone off it; opening a holiday makes it a working day', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const [a] = await addTeam(app, 1);
    await app.invoke('roster.assign', { day: '2026-04-02', shift: 'full', memberId: a! }, leader);
    await app.invoke('roster.setDay', { day: '2026-04-02', kind: 'closed', reason: 'Mất điện cả xã' }, leader);
    await app.invoke('roster.setDay', { day: '2026-04-27', kind: 'open', reason: '' }, leader);
    const view = await app.invoke('roster.month', { month: '2026-04' }, leader);
    expect(view.days.find((d) => d.day === '2026-04-02')).toMatchObject({
      working: false,
      why: 'closed',
      reason: 'Mất điện cả xã',
      shifts: [],
    });
    expect(view.days.find((d) => d.day === '2026-04-27')).toMatchObject({ working: true, override: 'open' });
    await app.invoke('roster.setDay', { day: '2026-04-27', kind: 'default', reason: '' }, leader);
    expect(
      (await app.invoke('roster.month', { month: '2026-04' }, leader)).days.find((d) => d.day === '2026-04-27')!
        .working,
    ).toBe(false);
  });

  it('swaps two members across days and within a day, and publishing sends every day to the province', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const [a, b] = await addTeam(app, 2);
    await app.invoke('roster.assign', { day: '2026-04-02', shift: 'full', memberId: a! }, leader);
    await app.invoke('roster.assign', { day: '2026-04-03', shift: 'full', memberId: b! }, leader);
    const places = async () =>
      (await app.invoke('roster.month', { month: '2026-04' }, leader)).days.flatMap((d) =>
        d.shifts.flatMap((s) => s.members.map((m) => ({ day: d.day, ...m }))),
      );
    const [p1, p2] = await places();
    await app.invoke('roster.publish', { month: '2026-04' }, leader);
    const outbox = await app.db.selectFrom('outbox').selectAll().where('entity', '=', 'roster_day').execute();
    expect(outbox).toHaveLength(30);
    expect(outbox[0]).toMatchObject({ entity_id: 20260401, version: 1, day: '2026-04-01' });

    await app.invoke('roster.swap', { a: p1!.shiftId, b: p2!.shiftId }, leader);
    const swapped = await places();
    expect(swapped.find((p) => p.day === '2026-04-02')!.memberId).toBe(b);
    expect(swapped.find((p) => p.day === '2026-04-03')!.memberId).toBe(a);
    const view = await app.invoke('roster.month', { month: '2026-04' }, leader);
    expect(view).toMatchObject({ status: 'published', version: 2 });
    const resent = await app.db
      .selectFrom('outbox')
      .select(['entity_id', 'version'])
      .where('entity', '=', 'roster_day')
      .where('version', '=', 2)
      .execute();
    expect(resent.map((r) => r.entity_id).sort()).toEqual([20260402, 20260403]);

    // Same member twice a day is refused, nothing changes.
    await app.invoke('roster.assign', { day: '2026-04-02', shift: 'full', memberId: a! }, leader);
    const now = await places();
    const r = await app.call(
      'roster.swap',
      {
        a: now.find((p) => p.day === '2026-04-03')!.shiftId,
        b: now.find((p) => p.day === '2026-04-02' && p.memberId === b)!.shiftId,
      },
      leader,
    );
    expect(r.ok || r.error.fields).toEqual({ b: 'team:problems.alreadyOnDay' });
    expect(await places()).toEqual(now);
  });

  it('swaps the shifts of a day in two-shift mode; a duty member may not edit the roster', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    await app.invoke('roster.updateSettings', { shiftMode: 'halves', perShift: 1, languageWeekdays: [] }, leader);
    const [a, b] = await addTeam(app, 2);
    await app.invoke('roster.assign', { day: '2026-04-02', shift: 'morning', memberId: a! }, leader);
    await app.invoke('roster.assign', { day: '2026-04-02', shift: 'afternoon', memberId: b! }, leader);
    const day = () =>
      app.invoke('roster.month', { month: '2026-04' }, leader).then((v) => v.days.find((d) => d.day === '2026-04-02')!);
    const [m, af] = (await day()).shifts;
    await app.invoke('roster.swap', { a: m!.members[0]!.shiftId, b: af!.members[0]!.shiftId }, leader);
    const after = await day();
    expect(after.shifts.find((s) => s.shift === 'morning')!.members[0]!.memberId).toBe(b);
    const duty = await signInAs(app, 'duty_member');
    expect((await app.call('roster.swap', { a: 1, b: 2 }, duty)).ok).toBe(false);
  });

  it('places a minority-language speaker on the days the point asks for', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const ids = await addTeam(app, 15, [4]);
    await app.invoke('roster.updateSettings', { shiftMode: 'full', perShift: 2, languageWeekdays: [3] }, leader);
    await app.invoke('roster.generate', { month: '2026-04' }, leader);
    const view = await app.invoke('roster.month', { month: '2026-04' }, leader);
    const wednesdays = view.days.filter((d) => d.needsLanguage);
    expect(wednesdays.map((d) => d.day)).toEqual([
      '2026-04-01',
      '2026-04-08',
      '2026-04-15',
      '2026-04-22',
      '2026-04-29',
    ]);
    for (const d of wednesdays)
      expect(
        d.shifts[0]!.members.map((m) => m.memberId),
        d.day,
      ).toContain(ids[4]);
    expect(wednesdays.every((d) => d.hasSpeaker)).toBe(true);
  });

  it('exports the month as CSV with Vietnamese text, and as XLSX', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    await addTeam(app, 3);
    await app.invoke('roster.generate', { month: '2026-04' }, leader);
    const csv = await app.invoke('roster.export', { month: '2026-04', format: 'csv' }, leader);
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csv.fileName).toBe('lich-truc-2026-04.csv');
    expect(text).toContain('Ngày,Thứ,Ca,Người trực');
    expect(text).toContain('01/04/2026,Thứ Tư,Cả ngày,');
    expect(text).toContain('Ngày Chiến thắng 30/4');
    const xlsx = await app.invoke('roster.export', { month: '2026-04', format: 'xlsx' }, leader);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
