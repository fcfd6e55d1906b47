import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestApp, signInAs, TEST_SETUP, testClock, TEST_PIN } from '../testing';
import { LOCK_MINUTES, MAX_WRONG_PINS } from './access';
import { SESSION_HOURS } from './sessions';

async function rowCounts(app: Awaited<ReturnType<typeof openTestApp>>) {
  const tables = ['member', 'point_setting', 'session', 'audit_event'];
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t] = (await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(app.db)).rows[0]!.n;
  return counts;
}

describe('first-run setup', () => {
  it('saves the point and the admin, then refuses a second setup', async () => {
    const app = await openTestApp({ setup: false });
    try {
      expect((await app.invoke('setup.status', {})).configured).toBe(false);
      await app.invoke('setup.complete', TEST_SETUP);
      const status = await app.invoke('setup.status', {});
      expect(status).toMatchObject({ configured: true, communeName: 'Xã Ia Grai', deskCount: 3 });
      const again = await app.call('setup.complete', TEST_SETUP, { device: 'lan' });
      expect(again.ok === false && again.error.code).toBe('already_configured');
      const options = await app.invoke('access.signInOptions', {});
      expect(options).toEqual({
        namesShown: true,
        members: [{ id: expect.any(Number), fullName: 'Quản trị', role: 'admin' }],
      });
    } finally {
      await app.cleanup();
    }
  });

  it('rejects bad input with field codes and writes nothing', async () => {
    const app = await openTestApp({ setup: false });
    try {
      const before = await rowCounts(app);
      // "Chu Pah" typed without its diacritics is not a unit of the list: documents would print "UBND CHU PAH".
      const bad = {
        ...TEST_SETUP,
        point: {
          ...TEST_SETUP.point,
          communeName: 'Chu Pah',
          communeCode: '12a45',
          openTime: '18:00',
          closeTime: '07:00',
          deskCount: 0,
        },
        adminPin: '12',
      };
      const response = await app.call('setup.complete', bad, { device: 'staff' });
      expect(response.ok).toBe(false);
      if (response.ok) return;
      expect(response.status).toBe(400);
      expect(response.error.code).toBe('invalid_input');
      expect(response.error.message.vi).toMatch(/chưa đúng/);
      expect(response.error.fields).toMatchObject({
        'point.communeName': 'settings:problems.communeName',
        'point.communeCode': 'settings:problems.communeCode',
        'point.deskCount': 'settings:problems.desks',
        adminPin: 'settings:problems.adminPin',
      });
      expect(await rowCounts(app)).toEqual(before);
    } finally {
      await app.cleanup();
    }
  });
});

describe('the gate', () => {
  it('refuses staff methods to citizens and to the kiosk, and admin methods to members', async () => {
    const app = await openTestApp();
    try {
      const anonymous = await app.call('team.list', {}, { device: 'kiosk' });
      expect(!anonymous.ok && anonymous.error.code).toBe('unauthorized');
      const admin = await signInAs(app, 'admin');
      const kiosk = await app.call('team.list', {}, { ...admin, device: 'kiosk', forceCitizen: true });
      expect(!kiosk.ok && kiosk.error.code).toBe('unauthorized');
      const member = await signInAs(app, 'duty_member');
      const update = await app.call('settings.update', TEST_SETUP.point, member);
      expect(!update.ok && update.status).toBe(403);
      expect((await app.call('team.list', {}, member)).ok).toBe(true);
      const unknown = await app.call('no.such.method', {}, admin);
      expect(!unknown.ok && unknown.error.code).toBe('unknown_method');
    } finally {
      await app.cleanup();
    }
  });

  it('ends sessions on sign-out and after SESSION_HOURS', async () => {
    const clock = testClock('2026-11-25T01:00:00Z');
    const app = await openTestApp({ now: clock.now });
    try {
      const member = await signInAs(app, 'duty_member');
      expect((await app.invoke('access.me', {}, member)).role).toBe('duty_member');
      clock.advance(SESSION_HOURS * 3_600_000 + 1000);
      const expired = await app.call('team.list', {}, member);
      expect(!expired.ok && expired.error.code).toBe('session_expired');
      const other = await signInAs(app, 'team_leader');
      await app.invoke('access.signOut', {}, other);
      expect((await app.invoke('access.me', {}, other)).role).toBe('citizen');
    } finally {
      await app.cleanup();
    }
  });
});

describe('PIN sign-in', () => {
  it('locks a member after five wrong PINs in a row, remembers it, and unlocks later', async () => {
    const clock = testClock('2026-11-25T01:00:00Z');
    const app = await openTestApp({ now: clock.now });
    try {
      const { memberId } = await signInAs(app, 'duty_member');
      const codes: string[] = [];
      for (let i = 0; i < MAX_WRONG_PINS; i++) {
        const r = await app.call('access.signIn', { memberId, pin: '0000' }, { device: 'staff' });
        codes.push(r.ok ? 'ok' : r.error.code);
      }
      expect(codes).toEqual(['wrong_pin', 'wrong_pin', 'wrong_pin', 'wrong_pin', 'member_locked']);
      const right = await app.call('access.signIn', { memberId, pin: TEST_PIN }, { device: 'staff' });
      expect(!right.ok && right.error.code).toBe('member_locked');
      const audits = await app.db
        .selectFrom('audit_event')
        .select('action')
        .where('action', 'like', 'access.%')
        .execute();
      expect(audits.filter((a) => a.action === 'access.wrongPin')).toHaveLength(5);
      expect(audits.filter((a) => a.action === 'access.locked')).toHaveLength(1);
      clock.advance(LOCK_MINUTES * 60_000 + 1000);
      expect((await app.call('access.signIn', { memberId, pin: TEST_PIN }, { device: 'staff' })).ok).toBe(true);
    } finally {
      await app.cleanup();
    }
  });

  it('changes one’s own PIN only with the current one', async () => {
    const app = await openTestApp();
    try {
      const member = await signInAs(app, 'duty_member');
      const wrong = await app.call('access.changePin', { currentPin: '999999', newPin: '385926' }, member);
      expect(!wrong.ok && wrong.error.code).toBe('wrong_pin');
      await app.invoke('access.changePin', { currentPin: TEST_PIN, newPin: '385926' }, member);
      expect(
        (await app.call('access.signIn', { memberId: member.memberId, pin: '385926' }, { device: 'staff' })).ok,
      ).toBe(true);
    } finally {
      await app.cleanup();
    }
  });

  it('lets the kiosk close only with an admin PIN, and limits the guesses', async () => {
    const app = await openTestApp();
    try {
      expect((await app.call('access.verifyAdminPin', { pin: TEST_SETUP.adminPin }, { device: 'kiosk' })).ok).toBe(
        true,
      );
      const results: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await app.call('access.verifyAdminPin', { pin: '000000' }, { device: 'kiosk' });
        results.push(r.ok ? 'ok' : r.error.code);
      }
      // The admin's one counter: the fifth wrong try locks, as it would at sign-in.
      expect(results).toEqual([...Array(4).fill('wrong_pin'), 'member_locked', 'member_locked']);
    } finally {
      await app.cleanup();
    }
  });
});
