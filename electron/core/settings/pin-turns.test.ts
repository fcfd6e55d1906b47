import { describe, expect, it, vi } from 'vitest';
import { openTestApp, signInAs, TEST_PIN, testClock } from '../testing';
import { MAX_WRONG_PINS, MAX_WRONG_PINS_PER_PEER } from './access';
import * as pin from './pin';

// The real hash, watched: the tests count the PINs checked and can hold one inside its hash.
vi.mock('./pin', async (importOriginal) => {
  const real = await importOriginal<typeof import('./pin')>();
  return { ...real, verifyPin: vi.fn(real.verifyPin) };
});
const verifyPin = vi.mocked(pin.verifyPin);

/** The next PIN check stops inside its hash until `release()`, so a test sees what runs meanwhile. */
function holdNextCheck() {
  let entered!: () => void;
  let release!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const held = new Promise<void>((resolve) => (release = resolve));
  const real = verifyPin.getMockImplementation()!;
  verifyPin.mockImplementationOnce(async (...args) => {
    entered();
    await held;
    return real(...args);
  });
  return { inside, release };
}

const codes = (results: Awaited<ReturnType<Awaited<ReturnType<typeof openTestApp>>['call']>>[]) =>
  results.map((r) => (r.ok ? 'ok' : r.error.code)).sort();

describe('PIN checks and the write lock', () => {
  it('answers a check-in and a read while a sign-in is checking its PIN', async () => {
    // A Wednesday at 09:00 in Vietnam: the kiosk is open.
    const app = await openTestApp({ now: testClock('2026-11-25T02:00:00Z').now });
    let held: ReturnType<typeof holdNextCheck> | undefined;
    try {
      const { memberId } = await signInAs(app, 'duty_member');
      held = holdNextCheck();
      const signingIn = app.invoke('access.signIn', { memberId, pin: TEST_PIN }, { device: 'staff' });
      await held.inside;
      // Were the lock held through the hash, these would wait for the sign-in, which waits for them.
      const ticket = await app.invoke(
        'queue.checkIn',
        { helpKind: 'dvc', priority: [], language: 'vi' },
        { device: 'kiosk' },
      );
      expect(ticket.number).toBe('A001');
      expect((await app.invoke('queue.board', {}, { device: 'board' })).waiting).toBeDefined();
      held.release();
      await expect(signingIn).resolves.toMatchObject({ member: { id: memberId } });
    } finally {
      held?.release();
      await app.cleanup();
    }
  });

  it('checks guesses sent at once one after another, never more than the account has left', async () => {
    const app = await openTestApp();
    let held: ReturnType<typeof holdNextCheck> | undefined;
    try {
      const { memberId } = await signInAs(app, 'duty_member');
      const wrong = (i: number) => ({ memberId, pin: String(900000 + i) });
      for (let i = 0; i < 3; i++) await app.call('access.signIn', wrong(i), { device: 'staff' });
      verifyPin.mockClear();
      held = holdNextCheck();
      const guesses = Array.from({ length: 6 }, (_, i) =>
        app.call('access.signIn', wrong(10 + i), { device: 'staff' }),
      );
      await held.inside;
      held.release();
      const results = await Promise.all(guesses);
      // Two tries were left: the fourth wrong PIN, then the fifth, which locks; the rest are not checked.
      expect(verifyPin).toHaveBeenCalledTimes(MAX_WRONG_PINS - 3);
      expect(codes(results)).toEqual([
        'member_locked',
        'member_locked',
        'member_locked',
        'member_locked',
        'member_locked',
        'wrong_pin',
      ]);
      const right = await app.call('access.signIn', { memberId, pin: TEST_PIN }, { device: 'staff' });
      expect(!right.ok && right.error.code).toBe('member_locked');
      const audits = await app.db
        .selectFrom('audit_event')
        .select('action')
        .where('action', 'in', ['access.wrongPin', 'access.locked'])
        .execute();
      expect(audits.filter((a) => a.action === 'access.wrongPin')).toHaveLength(MAX_WRONG_PINS);
      expect(audits.filter((a) => a.action === 'access.locked')).toHaveLength(1);
    } finally {
      held?.release();
      await app.cleanup();
    }
  });

  it('holds a LAN device sending guesses at once to its limit across members', async () => {
    const app = await openTestApp();
    let held: ReturnType<typeof holdNextCheck> | undefined;
    try {
      const members = [];
      for (let i = 0; i < MAX_WRONG_PINS_PER_PEER + 3; i++)
        members.push((await signInAs(app, 'duty_member', { fullName: `Thành viên ${i}` })).memberId);
      verifyPin.mockClear();
      held = holdNextCheck();
      const from = { device: 'lan' as const, peer: '10.0.0.9' };
      const guesses = members.map((memberId) => app.call('access.signIn', { memberId, pin: '900001' }, from));
      await held.inside;
      held.release();
      const results = await Promise.all(guesses);
      expect(verifyPin).toHaveBeenCalledTimes(MAX_WRONG_PINS_PER_PEER);
      expect(codes(results)).toEqual([
        ...Array(3).fill('too_many_requests'),
        ...Array(MAX_WRONG_PINS_PER_PEER).fill('wrong_pin'),
      ]);
    } finally {
      held?.release();
      await app.cleanup();
    }
  });
});
