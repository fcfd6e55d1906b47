import { beforeAll, describe, expect, it } from 'vitest';
import { setPinHashParamsForTests } from '#core/settings/pin';
import { PROVINCE_STORES, useProvinceStore } from '#test/support/province-stores';
import { generateProvinceKeys } from '../keys';
import { addAccount } from './accounts';
import { FIRST_ADMIN_CODE_TRIES, FirstAdminCode } from './first-admin';
import { createHubGate } from './gate';
import { hubHandlers, OWN_TRANSACTION } from './handlers';
import { hubStoreOf } from './hub-store';
import { MAX_WRONG_SIGNINS_PER_ADDRESS } from './locks';

const province = generateProvinceKeys('a passphrase long enough');
const PASSWORD = 'mật khẩu đủ dài 2026';
const WRONG = 'không phải mật khẩu';
const START = new Date('2026-11-20T03:00:00.000Z');
const from = (peer: string, session: string | null = null) => ({ session, bearer: null, peer });

describe.each(PROVINCE_STORES)('sign-in guessing and the first admin on $name', (kind) => {
  const state = useProvinceStore(kind, 'dhs-hub-guess-');
  let clock: Date;
  const gate = (firstAdminCode: FirstAdminCode | null = null) =>
    createHubGate({
      db: hubStoreOf(state.store),
      handlers: hubHandlers,
      now: () => clock,
      secret: province.secret,
      firstAdminCode,
      ownTransaction: OWN_TRANSACTION,
      onEvent: () => undefined,
      log: () => undefined,
    });
  const db = () => hubStoreOf(state.store);
  const wrongTries = async () =>
    (
      await db()
        .selectFrom('hub_audit')
        .select('action')
        .where('action', 'in', [
          'account.wrongPassword',
          'signIn.unknownName',
          'account.locked',
          'firstAdmin.wrongCode',
        ])
        .execute()
    ).length;
  const accounts = ['an.nguyen', 'binh.tran', 'chi.le', 'dung.pham'];
  beforeAll(() => setPinHashParamsForTests({ N: 1 << 10, r: 8, p: 1 }));

  describe('per address', () => {
    it('stops a stranger guessing across many accounts, while another address still signs in, and the lock grows', async () => {
      clock = START;
      for (const name of accounts)
        await addAccount(db(), { name, role: 'viewer', password: PASSWORD, by: 'test', at: clock });
      await addAccount(db(), { name: 'admin.tinh', role: 'province_admin', password: PASSWORD, by: 'test', at: clock });
      const g = gate();
      const stranger = from('10.0.0.66');
      // Two tries at each account (never enough to lock one) and two names that do not exist.
      const guesses = [...accounts.flatMap((name) => [name, name]), 'khong.co', 'ai.do'];
      expect(guesses).toHaveLength(MAX_WRONG_SIGNINS_PER_ADDRESS);
      const answers = [];
      for (const name of guesses) answers.push(await g.call('hub.signIn', { name, password: WRONG }, stranger));
      expect(answers.slice(0, -1).map((a) => !a.ok && a.error.code)).toEqual(Array(9).fill('wrong_password'));
      const locked = answers.at(-1)!;
      expect(locked).toMatchObject({
        ok: false,
        status: 429,
        error: { code: 'address_locked', params: { minutes: 5, time: '10:05', date: '20/11/2026' } },
      });
      expect(!locked.ok && locked.error.message.vi).toContain('Hãy thử lại sau 5 phút, từ 10:05 ngày 20/11/2026');
      expect(!locked.ok && locked.error.message.en).toContain('Try again in 5 minutes, from 10:05 on 20/11/2026');
      // No account was locked: each saw two wrong passwords.
      expect(
        await db().selectFrom('hub_account').select('name').where('locked_until', 'is not', null).execute(),
      ).toEqual([]);

      // The right password from that address is refused before it is checked; nothing more is counted.
      const tried = await wrongTries();
      expect(await g.call('hub.signIn', { name: 'an.nguyen', password: PASSWORD }, stranger)).toMatchObject({
        ok: false,
        error: { code: 'address_locked', params: { minutes: 5 } },
      });
      expect(await wrongTries()).toBe(tried);
      // Someone at another address signs in to the accounts the stranger tried.
      const colleague = await g.call('hub.signIn', { name: 'an.nguyen', password: PASSWORD }, from('10.0.0.7'));
      expect(colleague).toMatchObject({ ok: true, result: { name: 'an.nguyen' } });

      // The admin sees the address locked, no account locked.
      const admin = await g.call('hub.signIn', { name: 'admin.tinh', password: PASSWORD }, from('127.0.0.1'));
      if (!admin.ok) throw new Error('admin refused');
      const session = from('127.0.0.1', (admin.result as { sessionToken: string }).sessionToken);
      expect(await g.call('hub.locks', {}, session)).toMatchObject({
        ok: true,
        result: {
          accounts: [],
          addresses: [{ address: '10.0.0.66', until: '2026-11-20T03:05:00.000Z', round: 1 }],
          locksThisWeek: 1,
        },
      });
      expect(
        await g.call(
          'hub.locks',
          {},
          from('10.0.0.7', colleague.ok ? (colleague.result as { sessionToken: string }).sessionToken : null),
        ),
      ).toMatchObject({
        ok: false,
        status: 403,
      });

      // After the lock, ten more wrong sign-ins lock it three times longer.
      clock = new Date(START.getTime() + 6 * 60_000);
      let last: Awaited<ReturnType<ReturnType<typeof gate>['call']>> | undefined;
      for (const name of guesses) last = await g.call('hub.signIn', { name, password: WRONG }, stranger);
      expect(last).toMatchObject({ error: { code: 'address_locked', params: { minutes: 15 } } });

      // The admin lifts it; the address may try again, and the right password works.
      expect(await g.call('hub.unlock', { kind: 'address', key: '10.0.0.66' }, session)).toMatchObject({ ok: true });
      expect(await g.call('hub.unlock', { kind: 'address', key: '10.0.0.66' }, session)).toMatchObject({
        ok: false,
        status: 404,
      });
      expect(await g.call('hub.signIn', { name: 'binh.tran', password: PASSWORD }, stranger)).toMatchObject({
        ok: true,
      });
      const audit = await db()
        .selectFrom('hub_audit')
        .select(['action', 'detail'])
        .where('action', '=', 'hub.unlock')
        .execute();
      expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ kind: 'address', key: '10.0.0.66' }]);
    });

    it('forgets a few typos after a quiet quarter of an hour, and counts guesses sent at once exactly', async () => {
      clock = START;
      for (const name of accounts)
        await addAccount(db(), { name, role: 'viewer', password: PASSWORD, by: 'test', at: clock });
      const g = gate();
      const office = from('10.0.0.8');
      for (let i = 0; i < MAX_WRONG_SIGNINS_PER_ADDRESS - 1; i++)
        await g.call('hub.signIn', { name: accounts[i % 4]!, password: WRONG }, office);
      clock = new Date(START.getTime() + 16 * 60_000);
      expect(await g.call('hub.signIn', { name: 'an.nguyen', password: WRONG }, office)).toMatchObject({
        error: { code: 'wrong_password' },
      });

      const before = await wrongTries();
      const burst = await Promise.all(
        Array.from({ length: MAX_WRONG_SIGNINS_PER_ADDRESS + 5 }, (_, i) =>
          g.call('hub.signIn', { name: `ai.do.${i}`, password: WRONG }, from('10.0.0.99')),
        ),
      );
      const codes = burst.map((a) => !a.ok && a.error.code);
      expect(codes.filter((c) => c === 'wrong_password')).toHaveLength(MAX_WRONG_SIGNINS_PER_ADDRESS - 1);
      expect(codes.filter((c) => c === 'address_locked')).toHaveLength(6);
      // Exactly ten were checked and counted; the five after the lock were refused unchecked.
      expect((await wrongTries()) - before).toBe(MAX_WRONG_SIGNINS_PER_ADDRESS);
    });
  });

  describe('the first admin from the browser', () => {
    it('is offered while there is no admin: on this machine freely, from elsewhere with the console code only', async () => {
      clock = START;
      const code = new FirstAdminCode();
      const g = gate(code);
      expect(await g.call('hub.session', {}, from('127.0.0.1'))).toMatchObject({
        ok: true,
        result: { account: null, firstAdmin: { codeRequired: false } },
      });
      expect(await g.call('hub.session', {}, from('10.0.0.5'))).toMatchObject({
        result: { firstAdmin: { codeRequired: true } },
      });
      const input = { name: 'admin.tinh', password: PASSWORD };
      expect(await g.call('hub.createFirstAdmin', { ...input, password: 'ngắn' }, from('127.0.0.1'))).toMatchObject({
        ok: false,
        status: 400,
        error: { fields: { password: 'province:problems.passwordShort' } },
      });
      expect(await g.call('hub.createFirstAdmin', input, from('10.0.0.5'))).toMatchObject({
        ok: false,
        status: 400,
        error: { fields: { code: 'province:problems.firstAdminCode' } },
      });
      const wrong = code.shown === '0000-0000' ? '0000-0001' : '0000-0000';
      expect(await g.call('hub.createFirstAdmin', { ...input, code: wrong }, from('10.0.0.5'))).toMatchObject({
        ok: false,
        status: 400,
        error: { code: 'invalid_input', fields: { code: 'province:problems.firstAdminCode' } },
      });
      expect(await db().selectFrom('hub_account').select('id').execute()).toEqual([]);
      const made = await g.call('hub.createFirstAdmin', { ...input, code: code.shown }, from('10.0.0.5'));
      expect(made).toMatchObject({ ok: true, result: { name: 'admin.tinh', role: 'province_admin' } });
      const session = from('10.0.0.5', (made.ok && (made.result as { sessionToken: string }).sessionToken) || null);
      expect(await g.call('hub.session', {}, session)).toMatchObject({
        result: { account: { name: 'admin.tinh', role: 'province_admin' }, firstAdmin: null },
      });
      // Once there is an admin the route is gone, even from this machine, and the page no longer offers it.
      expect(await g.call('hub.createFirstAdmin', { ...input, name: 'ke.khac' }, from('127.0.0.1'))).toMatchObject({
        ok: false,
        status: 404,
      });
      expect(await g.call('hub.session', {}, from('127.0.0.1'))).toMatchObject({ result: { firstAdmin: null } });
      const rows = await db().selectFrom('hub_audit').select(['action', 'detail']).execute();
      expect(rows.map((r) => r.action)).toEqual(
        expect.arrayContaining(['firstAdmin.wrongCode', 'account.add', 'hub.createFirstAdmin']),
      );
      expect(JSON.stringify(rows)).not.toContain(PASSWORD);
      expect(JSON.stringify(rows)).not.toContain(code.shown.replace('-', ''));
    });

    it('is made on this machine without a code, and the code is spent by ten wrong tries from anywhere', async () => {
      clock = START;
      const code = new FirstAdminCode();
      const g = gate(code);
      const wrong = code.shown === '0000-0000' ? '0000-0001' : '0000-0000';
      for (let i = 0; i < FIRST_ADMIN_CODE_TRIES; i++)
        await g.call(
          'hub.createFirstAdmin',
          { name: 'admin.tinh', password: PASSWORD, code: wrong },
          from(`10.0.1.${i}`),
        );
      expect(code.usable).toBe(false);
      expect(
        await g.call(
          'hub.createFirstAdmin',
          { name: 'admin.tinh', password: PASSWORD, code: code.shown },
          from('10.0.2.1'),
        ),
      ).toMatchObject({ ok: false, status: 400, error: { fields: { code: 'province:problems.firstAdminCode' } } });
      expect(
        await g.call('hub.createFirstAdmin', { name: 'admin.tinh', password: PASSWORD }, from('::1')),
      ).toMatchObject({
        ok: true,
        result: { role: 'province_admin' },
      });
    });

    it('counts wrong codes on the address like wrong passwords', async () => {
      clock = START;
      const code = new FirstAdminCode();
      const g = gate(code);
      let last: Awaited<ReturnType<ReturnType<typeof gate>['call']>> | undefined;
      for (let i = 0; i < MAX_WRONG_SIGNINS_PER_ADDRESS; i++)
        last = await g.call(
          'hub.createFirstAdmin',
          { name: 'admin.tinh', password: PASSWORD, code: '1' },
          from('10.0.3.3'),
        );
      expect(last).toMatchObject({ ok: false, status: 429, error: { code: 'address_locked' } });
      expect(
        await g.call(
          'hub.createFirstAdmin',
          { name: 'admin.tinh', password: PASSWORD, code: code.shown },
          from('10.0.3.3'),
        ),
      ).toMatchObject({ ok: false, error: { code: 'address_locked' } });
    });
  });
});
