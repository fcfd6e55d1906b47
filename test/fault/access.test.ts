import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName, type Role } from '#shared/contract';
import { LOCK_MINUTES, MAX_WRONG_PINS } from '#core/settings/access';
import { SESSION_HOURS } from '#core/settings/sessions';
import { openTestApp, signInAs, testClock, TEST_PIN } from '#core/testing';
import { databaseChecksum } from '../support/checksum';
import { removeDir, startServer, type RunningServer } from '../support/server';
import { DEMO_PIN } from './support';

/** Every method a citizen may not call, present and future. */
const STAFF_ONLY = (Object.keys(methods) as MethodName[]).filter(
  (n) => !(methods[n].roles as readonly Role[]).includes('citizen'),
);

describe('staff methods refused without a valid staff session (core)', () => {
  const clock = testClock('2026-05-12T01:00:00Z');
  let app: Awaited<ReturnType<typeof openTestApp>>;
  let admin: Awaited<ReturnType<typeof signInAs>>;
  beforeAll(async () => {
    app = await openTestApp({ now: clock.now });
    admin = await signInAs(app, 'admin');
  });
  afterAll(() => app.cleanup());

  it('has staff-only methods to check', () => expect(STAFF_ONLY.length).toBeGreaterThan(5));

  it('no session, a made-up token, the kiosk window with a stolen token: refused, nothing written', async () => {
    const before = await databaseChecksum(app.db);
    for (const name of STAFF_ONLY) {
      for (const [label, credentials, code] of [
        ['no session', { device: 'kiosk' as const }, 'unauthorized'],
        ['board, no session', { device: 'board' as const }, 'unauthorized'],
        ['made-up token', { device: 'lan' as const, token: 'x'.repeat(43) }, 'session_expired'],
        ['kiosk window', { device: 'kiosk' as const, token: admin.token, forceCitizen: true }, 'unauthorized'],
      ] as const) {
        const res = await app.call(name, {}, credentials);
        expect(res.ok ? 'ok' : res.error.code, `${name} with ${label}`).toBe(code);
        if (!res.ok) expect(res.status).toBe(401);
      }
    }
    expect(await databaseChecksum(app.db)).toBe(before);
  });

  it('a session past its hours is refused as expired', async () => {
    const member = await signInAs(app, 'duty_member');
    const probe = STAFF_ONLY.find((n) => (methods[n].roles as readonly Role[]).includes('duty_member'))!;
    expect((await app.call('access.me', {}, member)).ok).toBe(true);
    clock.advance(SESSION_HOURS * 3_600_000 + 1000);
    const res = await app.call(probe, {}, member);
    expect(res.ok ? 'ok' : res.error.code).toBe('session_expired');
    const me = await app.call('access.me', {}, member);
    expect(me.ok && (me.result as { role: string }).role).toBe('citizen');
  });

  it(`locks a member after ${MAX_WRONG_PINS} wrong PINs, even for the right PIN, until the lock ends`, async () => {
    const member = await signInAs(app, 'duty_member', { fullName: 'Bị đoán PIN' });
    const codes: string[] = [];
    for (let i = 0; i < MAX_WRONG_PINS; i++) {
      const res = await app.call(
        'access.signIn',
        { memberId: member.memberId, pin: String(1000 + i) },
        { device: 'lan' },
      );
      codes.push(res.ok ? 'ok' : res.error.code);
    }
    expect(codes).toEqual([...Array(MAX_WRONG_PINS - 1).fill('wrong_pin'), 'member_locked']);
    const right = await app.call('access.signIn', { memberId: member.memberId, pin: TEST_PIN }, { device: 'lan' });
    expect(right.ok ? 'ok' : right.error.code).toBe('member_locked');
    clock.advance(LOCK_MINUTES * 60_000 + 1000);
    expect((await app.call('access.signIn', { memberId: member.memberId, pin: TEST_PIN }, { device: 'lan' })).ok).toBe(
      true,
    );
  });
});

describe('over HTTP (the real server)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ demo: true });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('staff methods without a token, from a kiosk or the board: 401', async () => {
    for (const name of STAFF_ONLY) {
      for (const device of ['kiosk', 'board', 'lan']) {
        const res = await fetch(`${server.url}/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-device': device },
          body: '{}',
        });
        expect(res.status, `${name} from ${device}`).toBe(401);
        const body = await res.json();
        expect(body.error.message.vi).toMatch(/đăng nhập/);
      }
    }
  });

  it("the point's own job methods: refused to every session, the admin's too (no transport is the system)", async () => {
    const admin = await server.signIn('Quản trị điểm', DEMO_PIN.admin);
    const jobs = (Object.keys(methods) as MethodName[]).filter((n) =>
      (methods[n].roles as readonly string[]).includes('system'),
    );
    expect(jobs.length).toBeGreaterThan(3);
    for (const name of jobs) {
      const res = await server.call(name, {}, admin.token);
      expect(res.status, name).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('PIN guessing is locked out after five tries', async () => {
    const options = (await server.call('access.signInOptions', {})).body.result.members as {
      id: number;
      role: string;
    }[];
    const target = options.find((o) => o.role === 'duty_member')!;
    const statuses: number[] = [];
    for (let i = 0; i < MAX_WRONG_PINS; i++)
      statuses.push((await server.call('access.signIn', { memberId: target.id, pin: String(9000 + i) })).status);
    expect(statuses).toEqual([...Array(MAX_WRONG_PINS - 1).fill(401), 423]);
    const right = await server.call('access.signIn', { memberId: target.id, pin: DEMO_PIN.duty_member });
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('member_locked');
  });

  it('garbage bodies get a typed 4xx, never a 500', async () => {
    const bodies: [string, string][] = [
      ['application/json', '{'],
      ['application/json', '[]'],
      ['application/json', 'null'],
      ['application/json', '"x"'],
      ['text/plain', '{}'],
      ['application/json', `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`],
      ['application/json', JSON.stringify({ memberId: 1, pin: '1'.repeat(300_000) })],
    ];
    for (const [type, body] of bodies) {
      const res = await fetch(`${server.url}/api/access.signIn`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(res.status, `${type} ${body.slice(0, 20)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const json = await res.json();
      // Transport-level refusals send the error body itself; gate refusals wrap it in { ok, error }.
      expect((json.error ?? json).code).toMatch(/^[a-z_]+$/);
    }
    const unknown = await server.call('nope.nothing', {});
    expect(unknown.status).toBe(404);
  });
});
