import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PINS } from '#core/demo-pins';
import type { Credentials } from '#core/gate';
import {
  LOCK_MINUTES,
  MAX_WRONG_PINS,
  MAX_WRONG_PINS_FROM_LAN,
  MAX_WRONG_PINS_PER_PEER,
  lockMinutes,
} from '#core/settings/access';
import { hashPin, PIN_HASH_PARAMS } from '#core/settings/pin';
import { openTestApp, signInAs, TEST_PIN, TEST_SETUP, testClock } from '#core/testing';
import { removeDir, startServer } from '../support/server';
import { DATABASE_FILE, withDataDb } from './support';

/**
 * PINs that hold: six digits at least, nothing an attacker tries first, locks that grow and that
 * a stranger on the LAN cannot use to keep a member off the point's own PC, limits per device
 * and for the LAN as a whole, and one counter for every way to try the admin PIN.
 */
const own: Credentials = { device: 'staff', peer: '127.0.0.1' };
const lan = (n = 2): Credentials => ({ device: 'lan', peer: `192.0.2.${n}` });
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let app: TestApp;
const clock = testClock('2026-11-25T01:00:00Z');
beforeEach(async () => {
  clock.set('2026-11-25T01:00:00Z');
  app = await openTestApp({ now: clock.now });
});
afterEach(() => app.cleanup());

const wrong = (memberId: number, credentials: Credentials, pin = '999999') =>
  app.call('access.signIn', { memberId, pin }, credentials);

describe('which PINs may be chosen', () => {
  it('refuses four digits and trivial PINs wherever a PIN is set, with the field marked', async () => {
    const leader = await signInAs(app, 'team_leader');
    const admin = await signInAs(app, 'admin');
    const member = await signInAs(app, 'duty_member');
    const base = {
      fullName: 'Nguyễn Văn An',
      position: 'member',
      origin: null,
      subGroup: null,
      village: '',
      skills: [],
      languages: ['vi'],
      phone: '',
      phoneConsent: false,
    };
    for (const pin of [
      '1234',
      '12345',
      '111111',
      '000000',
      '123456',
      '987654',
      '890123',
      '121212',
      '123123',
      '147258',
      DEMO_PINS.admin,
      DEMO_PINS.member,
    ]) {
      const add = await app.call('team.save', { ...base, pin }, leader);
      expect(code(add), pin).toBe('invalid_input');
      expect(Object.values(add.ok ? {} : add.error.fields!), pin).toEqual([
        pin.length < 6 ? 'settings:problems.pin' : 'settings:problems.pinTrivial',
      ]);
      const reset = await app.call('team.resetPin', { id: member.memberId, pin }, admin);
      expect(code(reset), pin).toBe('invalid_input');
      const change = await app.call('access.changePin', { currentPin: TEST_PIN, newPin: pin }, member);
      expect(code(change), pin).toBe('invalid_input');
    }
    const fresh = await openTestApp({ setup: false });
    try {
      const setup = await fresh.call('setup.complete', { ...TEST_SETUP, adminPin: DEMO_PINS.admin }, own);
      expect(!setup.ok && setup.error.fields).toEqual({ adminPin: 'settings:problems.pinTrivial' });
    } finally {
      await fresh.cleanup();
    }
    expect((await app.call('team.save', { ...base, pin: '385926' }, leader)).ok).toBe(true);
  });

  it('lets a member with an old 4-digit PIN in, then asks them to change it', async () => {
    const member = await signInAs(app, 'duty_member');
    await app.db
      .updateTable('member')
      .set({ pin_hash: await hashPin('1234') })
      .where('id', '=', member.memberId)
      .execute();
    const session = await app.invoke('access.signIn', { memberId: member.memberId, pin: '1234' }, own);
    const me = await app.invoke('access.me', {}, { ...own, token: session.token });
    expect(me.pinChangeRequired).toBe(true);
    await app.invoke('access.changePin', { currentPin: '1234', newPin: '385926' }, { ...own, token: session.token });
    expect((await app.invoke('access.me', {}, { ...own, token: session.token })).pinChangeRequired).toBe(false);
  });
});

describe('locks', () => {
  it('grow with each round instead of starting again, until a good PIN', async () => {
    const { memberId } = await signInAs(app, 'duty_member');
    const locks: number[] = [];
    for (let round = 1; round <= 4; round++) {
      let last: Awaited<ReturnType<typeof wrong>> | null = null;
      for (let i = 0; i < MAX_WRONG_PINS; i++) last = await wrong(memberId, own);
      expect(code(last!)).toBe('member_locked');
      locks.push(Number(last!.ok ? 0 : last!.error.params!.minutes));
      const early = await app.call('access.signIn', { memberId, pin: TEST_PIN }, own);
      expect(code(early), 'the right PIN waits for the lock too').toBe('member_locked');
      clock.advance(locks.at(-1)! * 60_000 + 1000);
    }
    expect(locks).toEqual([LOCK_MINUTES, 3 * LOCK_MINUTES, 9 * LOCK_MINUTES, 27 * LOCK_MINUTES]);
    expect(lockMinutes(20)).toBe(24 * 60);
    expect((await app.call('access.signIn', { memberId, pin: TEST_PIN }, own)).ok).toBe(true);
    // A good PIN starts the count again from the first, short, lock.
    let last = null;
    for (let i = 0; i < MAX_WRONG_PINS; i++) last = await wrong(memberId, own);
    expect(!last!.ok && last!.error.params!.minutes).toBe(LOCK_MINUTES);
  });

  it('from a LAN device never stop the right PIN on the point’s own screen; the admin is told and can lift them', async () => {
    const { memberId } = await signInAs(app, 'duty_member', { fullName: 'Bị khóa từ xa' });
    for (let i = 0; i < MAX_WRONG_PINS; i++) await wrong(memberId, lan());
    expect(code(await app.call('access.signIn', { memberId, pin: TEST_PIN }, lan()))).toBe('member_locked');
    expect((await app.call('access.signIn', { memberId, pin: TEST_PIN }, own)).ok).toBe(true);
    expect(code(await app.call('access.signIn', { memberId, pin: TEST_PIN }, lan(3)))).toBe('member_locked');

    const admin = await signInAs(app, 'admin');
    const locks = await app.invoke('access.locks', {}, admin);
    expect(locks.locked).toEqual([
      expect.objectContaining({ memberId, fullName: 'Bị khóa từ xa', scope: 'lan', round: 1 }),
    ]);
    expect(locks.locksThisWeek).toBe(1);
    await app.invoke('access.unlock', { memberId }, admin);
    expect((await app.call('access.signIn', { memberId, pin: TEST_PIN }, lan())).ok).toBe(true);
    expect((await app.invoke('access.locks', {}, admin)).locked).toEqual([]);
  });

  it('count every way of trying the admin PIN on one counter: kiosk exit and sign-in together', async () => {
    const admin = (await app.invoke('access.signInOptions', {}, own)).members.find((m) => m.role === 'admin')!;
    const kiosk: Credentials = { device: 'kiosk', peer: 'ipc' };
    const tries = [
      await app.call('access.verifyAdminPin', { pin: '999999' }, kiosk),
      await app.call('access.verifyAdminPin', { pin: '999998' }, kiosk),
      await app.call('access.verifyAdminPin', { pin: '999997' }, kiosk),
      await wrong(admin.id, own, '999996'),
      await wrong(admin.id, own, '999995'),
    ];
    expect(tries.map(code)).toEqual(['wrong_pin', 'wrong_pin', 'wrong_pin', 'wrong_pin', 'member_locked']);
    expect(code(await app.call('access.verifyAdminPin', { pin: TEST_SETUP.adminPin }, kiosk))).toBe('member_locked');
    expect(code(await app.call('access.signIn', { memberId: admin.id, pin: TEST_SETUP.adminPin }, own))).toBe(
      'member_locked',
    );
  });
});

describe('guesses are limited per device and for the LAN as a whole', () => {
  it('one device trying one PIN on each member is stopped, even with the right PIN; another device is not', async () => {
    const members = [];
    for (let i = 0; i <= MAX_WRONG_PINS_PER_PEER; i++)
      members.push(await signInAs(app, 'duty_member', { fullName: `Thành viên ${i}` }));
    const results = [];
    for (const m of members) results.push(code(await wrong(m.memberId, lan(7))));
    expect(results).toEqual([...Array(MAX_WRONG_PINS_PER_PEER).fill('wrong_pin'), 'too_many_requests']);
    expect(code(await app.call('access.signIn', { memberId: members[0]!.memberId, pin: TEST_PIN }, lan(7)))).toBe(
      'too_many_requests',
    );
    expect((await app.call('access.signIn', { memberId: members[0]!.memberId, pin: TEST_PIN }, lan(8))).ok).toBe(true);
    clock.advance(16 * 60_000);
    expect((await app.call('access.signIn', { memberId: members[1]!.memberId, pin: TEST_PIN }, lan(7))).ok).toBe(true);
  });

  it('many LAN addresses together are stopped; the point’s own screen still signs in', async () => {
    const members = [];
    for (let i = 0; i < 8; i++) members.push(await signInAs(app, 'duty_member', { fullName: `Người ${i}` }));
    let n = 0;
    const results: string[] = [];
    for (let peer = 10; results.length < MAX_WRONG_PINS_FROM_LAN + 1; peer++) {
      results.push(code(await wrong(members[n++ % members.length]!.memberId, lan(peer))));
    }
    expect(results.slice(0, MAX_WRONG_PINS_FROM_LAN).every((c) => c === 'wrong_pin' || c === 'member_locked')).toBe(
      true,
    );
    expect(results.at(-1)).toBe('too_many_requests');
    expect((await app.call('access.signIn', { memberId: members[0]!.memberId, pin: TEST_PIN }, own)).ok).toBe(true);
  });
});

describe('PIN hashes on disk', () => {
  const servers: string[] = [];
  afterAll(() => servers.forEach(removeDir));

  it('use scrypt N=2^17, r=8 (an offline guess at a 6-digit PIN costs days: see npm run bench)', async () => {
    const server = await startServer({ demo: true });
    servers.push(server.dataDir);
    await server.stop();
    const hashes = await withDataDb(server.dataDir, (db) => db.selectFrom('member').select('pin_hash').execute());
    expect(hashes.length).toBeGreaterThan(10);
    for (const { pin_hash } of hashes)
      expect(pin_hash.startsWith(`scrypt$${PIN_HASH_PARAMS.N}$${PIN_HASH_PARAMS.r}$`)).toBe(true);
    expect(PIN_HASH_PARAMS.N).toBeGreaterThanOrEqual(1 << 17);
    expect(DATABASE_FILE).toBe('diem-ho-tro-so.sqlite3');
  });
});
