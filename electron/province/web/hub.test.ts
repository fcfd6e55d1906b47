import { mkdtempSync, rmSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_MAX_BYTES } from '#shared/province/contract';
import { setPinHashParamsForTests } from '#core/settings/pin';
import { ingestMany } from '../ingest';
import { generateProvinceKeys } from '../keys';
import { addAccount, addApiToken } from './accounts';
import { buildOverview, buildReport } from './dashboard';
import { overviewTable } from './exports';
import { createHubGate } from './gate';
import { hubHandlers, OWN_TRANSACTION } from './handlers';
import { closingBatch, enrolFixture, fixturePoint, workingDayBatches } from './hub-fixture';
import { hubStoreOf, type HubDb } from './hub-store';
import { PROVINCE_STORES } from '#test/support/province-stores';
import { createHubServer } from './server';

const province = generateProvinceKeys('a passphrase long enough');
/** Friday 20/11/2026, 10:00 in Gia Lai: today is not over, so the 19th is the last day due. */
const NOW = new Date('2026-11-20T03:00:00.000Z');
const PASSWORD = 'mật khẩu đủ dài 2026';
const at = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00.000Z`);

describe.each(PROVINCE_STORES)('the hub on $name', ({ open }) => {
  let dir: string;
  let db: HubDb;

  beforeAll(async () => {
    setPinHashParamsForTests({ N: 1 << 10, r: 8, p: 1 });
    dir = mkdtempSync(join(tmpdir(), 'dhs-hub-'));
    db = hubStoreOf(await open(dir));
    const ia = fixturePoint('Xã Ia Grai');
    const chu = fixturePoint('Xã Chư Păh');
    const pleiku = fixturePoint('Phường Pleiku');
    for (const p of [ia, chu, pleiku]) await enrolFixture(db, p);
    // Ia Grai: every working day, three supports; the 10th to the 13th arrive only on the 16th (late, still counted).
    for (const b of workingDayBatches(ia, province.secret, '2026-11-02', '2026-11-19', 3)) {
      const late = b.day >= '2026-11-10' && b.day <= '2026-11-13';
      await ingestMany(db, [{ text: b.text, label: b.day }], province.secret, late ? at('2026-11-16') : at(b.day));
    }
    // Chư Păh: zero supports every day until the 12th, then silence.
    for (const b of workingDayBatches(chu, province.secret, '2026-11-02', '2026-11-12', 0))
      await ingestMany(db, [{ text: b.text, label: b.day }], province.secret, at(b.day));
    await addAccount(db, { name: 'admin.tinh', role: 'province_admin', password: PASSWORD, by: 'test', at: NOW });
    await addAccount(db, { name: 'xem.so.lieu', role: 'viewer', password: PASSWORD, by: 'test', at: NOW });
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the overview', () => {
    it('counts point-days honestly: late still counted, zeros kept, silence and never-sent told apart, nothing over 100%', async () => {
      const o = await buildOverview(db, { period: '2026-11' }, NOW);
      const row = (name: string) => o.units.find((u) => u.name === name)!;
      expect(o.units).toHaveLength(135);
      expect(row('Xã Ia Grai').reporting).toEqual({
        expected: 14,
        actual: 14,
        onTime: 10,
        late: 4,
        extra: 0,
        ratePercent: 100,
        onTimePercent: 71.4,
      });
      expect(row('Xã Ia Grai').supports).toBe(42);
      expect(row('Xã Chư Păh')).toMatchObject({
        supports: 0,
        silentWorkingDays: 5,
        lastDay: '2026-11-12',
        reporting: { expected: 14, actual: 9, ratePercent: 64.3 },
      });
      expect(row('Phường Pleiku')).toMatchObject({
        enrolled: true,
        supports: null,
        lastDay: null,
        silentWorkingDays: null,
        reporting: { expected: 0, ratePercent: null },
      });
      expect(row('Xã Ia Pa')).toMatchObject({ enrolled: false, supports: null });
      expect(o.reporting).toMatchObject({ expected: 28, actual: 23, ratePercent: 82.1 });
      expect(o.alerts).toEqual(
        expect.arrayContaining([
          { kind: 'silent', unit: 'Xã Chư Păh', count: 5 },
          { kind: 'never', unit: 'Phường Pleiku', count: 0 },
        ]),
      );
      expect(o.alerts.some((a) => a.unit === 'Xã Ia Grai')).toBe(false);
      expect(o.dueDay).toBe('2026-11-19');
      expect(o.notReported).toHaveLength(134);
      expect(o.notReported[0]).toMatchObject({ name: 'Xã Chư Păh', silentWorkingDays: 5 });
      expect(o.notReported.map((n) => n.name)).not.toContain('Xã Ia Grai');
    });

    it('says which targets the data cannot measure, and ranks by duties met with ties sharing a rank', async () => {
      const o = await buildOverview(db, { period: '2026-11' }, NOW);
      const target = (id: string) => o.targets.find((t) => t.id === id)!;
      expect(target('daily_reporting').measured).toEqual({ value: 82.1, of: 28, unit: 'percent' });
      expect(target('team_every_unit').measured).toEqual({ value: 1.5, of: 135, unit: 'units' });
      for (const id of ['skills_80', 'vneid_95', 'assisted_70', 'scam_households'])
        expect(target(id)).toMatchObject({ measured: null, why: `province:targets.why.${id}` });
      expect(target('scam_activities').measured).toBeNull();
      expect(o.ranking[0]).toMatchObject({ rank: 1, name: 'Xã Ia Grai' });
      expect(o.ranking[1]).toMatchObject({ rank: 2, name: 'Xã Chư Păh' });
      const last = o.ranking.filter((r) => r.dutiesMet === 0 && r.ratePercent === null);
      expect(new Set(last.map((r) => r.rank)).size).toBe(1);
      expect(o.ranking.every((r) => r.duties === o.ranking[0]!.duties)).toBe(true);
    });

    it('gives the printed report the province measures that agree with the units, and a quarter judges each month', async () => {
      const r = await buildReport(db, { period: '2026-11' }, NOW);
      expect(r.province.supports.total).toBe(42);
      expect(r.totals.supports).toBe(42);
      expect(r.province.supports.byHelpKind.reduce((n, c) => n + c.count, 0)).toBe(42);
      const month = (await buildOverview(db, { period: '2026-11' }, NOW)).units.find((u) => u.name === 'Xã Ia Grai')!;
      expect(month.activities.find((a) => a.kind === 'support_session')).toMatchObject({
        held: 3,
        minimum: 3,
        met: true,
      });
      const quarter = (await buildOverview(db, { period: '2026-Q4' }, NOW)).units.find((u) => u.name === 'Xã Ia Grai')!;
      expect(quarter.activities.find((a) => a.kind === 'support_session')).toMatchObject({
        held: 3,
        minimum: 6,
        met: false,
      });
      expect(quarter.supports).toBe(42);
    });

    it('exports real numbers, real dates and empty cells for no data', async () => {
      const o = await buildOverview(db, { period: '2026-11' }, NOW);
      const table = overviewTable(o);
      const ia = table.rows.find((r) => r[0] === 'Xã Ia Grai')!;
      expect(ia[4]).toEqual({ day: '2026-11-19' });
      expect(ia[11]).toEqual({ percent: 100 });
      const pleiku = table.rows.find((r) => r[0] === 'Phường Pleiku')!;
      expect(pleiku[16]).toBeNull();
      expect(table.rows.find((r) => r[0] === 'Xã Chư Păh')![16]).toBe(0);
      const file = await hubHandlers['hub.export'](
        {
          db,
          caller: { role: 'viewer', accountId: 1, name: 'x', sessionKey: null, peer: '127.0.0.1' },
          now: () => NOW,
          secret: province.secret,
          firstAdminCode: null,
          emit: () => undefined,
          log: () => undefined,
        },
        { period: '2026-11', format: 'xlsx' },
      );
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
      const sheet = book.worksheets[0]!;
      const rowOf = (name: string) => sheet.getRows(3, sheet.rowCount)!.find((r) => r.getCell(1).value === name)!;
      expect(rowOf('Xã Ia Grai').getCell(5).value).toEqual(new Date(Date.UTC(2026, 10, 19)));
      expect(rowOf('Xã Ia Grai').getCell(17).value).toBe(42);
      expect(rowOf('Xã Chư Păh').getCell(17).value).toBe(0);
      expect(rowOf('Phường Pleiku').getCell(17).value).toBeNull();
    });
  });

  describe('the gate and accounts', () => {
    const gate = () =>
      createHubGate({
        db,
        handlers: hubHandlers,
        now: () => NOW,
        secret: province.secret,
        ownTransaction: OWN_TRANSACTION,
        onEvent: () => undefined,
        log: () => undefined,
      });
    const anon = { session: null, bearer: null, peer: '127.0.0.1' };

    it('locks an account after five wrong passwords, longer each time, and counts a wrong name the same', async () => {
      await addAccount(db, { name: 'khoa.thu', role: 'viewer', password: PASSWORD, by: 'test', at: NOW });
      const g = gate();
      // Each round from an address of its own: this is the account's lock, not the address's.
      const anon = { session: null, bearer: null, peer: '10.1.0.1' };
      for (let i = 0; i < 4; i++)
        expect(await g.call('hub.signIn', { name: 'khoa.thu', password: 'sai mật khẩu rồi' }, anon)).toMatchObject({
          ok: false,
          error: { code: 'wrong_password' },
        });
      expect(await g.call('hub.signIn', { name: 'khoa.thu', password: 'sai mật khẩu rồi' }, anon)).toMatchObject({
        ok: false,
        status: 423,
        error: { code: 'account_locked', params: { minutes: 5 } },
      });
      expect(await g.call('hub.signIn', { name: 'khoa.thu', password: PASSWORD }, anon)).toMatchObject({
        ok: false,
        error: { code: 'account_locked' },
      });
      const later = createHubGate({
        db,
        handlers: hubHandlers,
        now: () => new Date(NOW.getTime() + 6 * 60_000),
        secret: province.secret,
        ownTransaction: OWN_TRANSACTION,
        onEvent: () => undefined,
        log: () => undefined,
      });
      const elsewhere = { ...anon, peer: '10.1.0.2' };
      for (let i = 0; i < 4; i++)
        await later.call('hub.signIn', { name: 'khoa.thu', password: 'sai mật khẩu rồi' }, elsewhere);
      expect(
        await later.call('hub.signIn', { name: 'khoa.thu', password: 'sai mật khẩu rồi' }, elsewhere),
      ).toMatchObject({
        error: { code: 'account_locked', params: { minutes: 15 } },
      });
      expect(await g.call('hub.signIn', { name: 'không.có.ai', password: PASSWORD }, elsewhere)).toMatchObject({
        ok: false,
        status: 401,
        error: { code: 'wrong_password' },
      });
      const locks = await db.selectFrom('hub_audit').select('action').where('action', '=', 'account.locked').execute();
      expect(locks).toHaveLength(2);
    });

    it('refuses by role before anything runs, and leaves an audit row for each write, with no secret in it', async () => {
      const g = gate();
      expect(await g.call('hub.overview', {}, anon)).toMatchObject({ ok: false, status: 401 });
      const signed = await g.call('hub.signIn', { name: 'xem.so.lieu', password: PASSWORD }, anon);
      if (!signed.ok) throw new Error('sign-in refused');
      const viewer = { ...anon, session: (signed.result as { sessionToken: string }).sessionToken };
      expect(await g.call('hub.quarantine', {}, viewer)).toMatchObject({ ok: false, status: 403 });
      expect(await g.call('hub.overview', { period: '2026-13' }, viewer)).toMatchObject({
        ok: false,
        status: 400,
        error: { fields: { period: 'province:problems.period' } },
      });
      expect(await g.call('hub.overview', { period: '2026-11' }, viewer)).toMatchObject({ ok: true });
      const rows = await db
        .selectFrom('hub_audit')
        .select(['action', 'detail'])
        .where('action', '=', 'hub.signIn')
        .execute();
      expect(rows.at(-1)!.detail).toBe(JSON.stringify({ name: 'xem.so.lieu', address: '127.0.0.1' }));
      expect(JSON.stringify(rows)).not.toContain(PASSWORD);
      const token = await addApiToken(db, 'Hệ thống báo cáo tỉnh', 'test', NOW);
      const system = { ...anon, bearer: token };
      expect(await g.call('hub.overview', {}, system)).toMatchObject({ ok: true });
      expect(await g.call('hub.upload', { files: [{ name: 'x', base64: 'e30=' }] }, system)).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(await g.call('hub.overview', {}, { ...anon, bearer: 'dhsh_not-a-token' })).toMatchObject({
        ok: false,
        status: 401,
        error: { code: 'session_expired' },
      });
    });
  });

  describe('opening sealed data', () => {
    const admin = async () => {
      const g = createHubGate({
        db,
        handlers: hubHandlers,
        now: () => NOW,
        secret: province.secret,
        ownTransaction: OWN_TRANSACTION,
        onEvent: () => undefined,
        log: () => undefined,
      });
      const signed = await g.call(
        'hub.signIn',
        { name: 'admin.tinh', password: PASSWORD },
        { session: null, bearer: null, peer: '127.0.0.1' },
      );
      if (!signed.ok) throw new Error('sign-in refused');
      return { g, session: (signed.result as { sessionToken: string }).sessionToken };
    };
    const input = (extra: Record<string, unknown> = {}) => ({
      unit: 'Xã Ia Grai',
      ref: 'logbook_entry:1',
      reason: 'Công dân yêu cầu xem dữ liệu của mình (đơn số 12)',
      sealKeyPem: province.sealPem!,
      passphrase: 'a passphrase long enough',
      ...extra,
    });

    it('needs the key, its passphrase and a reason, opens only on this machine, and logs who and why', async () => {
      const { g, session } = await admin();
      const here = { session, bearer: null, peer: '127.0.0.1' };
      expect(await g.call('hub.openSealed', input({ passphrase: 'not the passphrase' }), here)).toMatchObject({
        ok: false,
        status: 400,
        error: { fields: { passphrase: 'province:problems.sealKey' } },
      });
      expect(await g.call('hub.openSealed', input({ reason: 'xem' }), here)).toMatchObject({
        ok: false,
        status: 400,
        error: { fields: { reason: 'province:problems.reason' } },
      });
      expect(await g.call('hub.openSealed', input(), { ...here, peer: '10.0.0.7' })).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(await db.selectFrom('opening').selectAll().execute()).toEqual([]);
      const opened = await g.call('hub.openSealed', input(), here);
      expect(opened).toMatchObject({
        ok: true,
        result: { opened: [{ ref: 'logbook_entry:1', version: 1, personal: { fullName: 'Người dân 1' } }] },
      });
      expect(await db.selectFrom('opening').select(['by', 'reason', 'ref']).execute()).toEqual([
        { by: 'admin.tinh', reason: input().reason, ref: 'logbook_entry:1' },
      ]);
      const audit = await db.selectFrom('hub_audit').select('detail').where('action', '=', 'hub.openSealed').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.detail).not.toContain('Người dân');
      expect(audit[0]!.detail).not.toContain('passphrase');
    });

    it('shows no personal data on any read: the overview and a commune carry counts only', async () => {
      const { g, session } = await admin();
      const here = { session, bearer: null, peer: '127.0.0.1' };
      const texts = JSON.stringify([
        await g.call('hub.overview', { period: '2026-11' }, here),
        await g.call('hub.commune', { unit: 'Xã Ia Grai', year: 2026 }, here),
      ]);
      expect(texts).not.toContain('Người dân');
    });
  });

  describe('the web server', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createHubServer(db, province.secret, {
        staticDir: dir,
        host: '127.0.0.1',
        now: () => NOW,
        log: () => undefined,
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const http = (path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }>(
        (resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              path,
              method: options.method ?? 'GET',
              headers: { 'content-type': 'application/json', ...options.headers },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c) => chunks.push(c));
              res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : null });
              });
            },
          );
          req.on('error', reject);
          req.end(options.body);
        },
      );

    it('refuses another host name and another site, and keeps the session in an HttpOnly SameSite=Strict cookie', async () => {
      expect(
        (await http('/api/hub.session', { method: 'POST', body: '{}', headers: { host: 'evil.example' } })).status,
      ).toBe(403);
      expect(
        (await http('/api/hub.session', { method: 'POST', body: '{}', headers: { origin: 'http://evil.example' } }))
          .status,
      ).toBe(403);
      const signIn = await http('/api/hub.signIn', {
        method: 'POST',
        body: JSON.stringify({ name: 'admin.tinh', password: PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      expect(signIn.body.result).not.toHaveProperty('sessionToken');
      const cookie = String(signIn.headers['set-cookie']);
      expect(cookie).toMatch(/^dhs_hub=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=36000$/);
      const session = { cookie: cookie.split(';')[0]! };
      expect(
        (await http('/api/hub.session', { method: 'POST', body: '{}', headers: session })).body.result.account,
      ).toEqual({ name: 'admin.tinh', role: 'province_admin' });
      expect((await http('/api/hub.overview?period=2026-11', { headers: session })).body.result.reporting.actual).toBe(
        23,
      );
      expect((await http('/api/hub.upload', { method: 'GET', headers: session })).status).toBe(405);
    });

    it('takes a batch file uploaded by an admin and refuses one over the size limit before reading it', async () => {
      const signIn = await http('/api/hub.signIn', {
        method: 'POST',
        body: JSON.stringify({ name: 'admin.tinh', password: PASSWORD }),
      });
      const session = { cookie: String(signIn.headers['set-cookie']).split(';')[0]! };
      const point = fixturePoint('Xã Đức Cơ');
      await enrolFixture(db, point);
      const text = closingBatch(point, province.secret, '2026-11-19', 2);
      const upload = await http('/api/hub.upload', {
        method: 'POST',
        headers: session,
        body: JSON.stringify({ files: [{ name: 'a.batch.json', base64: Buffer.from(text).toString('base64') }] }),
      });
      expect(upload.body.result.outcomes).toMatchObject([{ label: 'a.batch.json', status: 'accepted' }]);
      const again = await http('/api/hub.upload', {
        method: 'POST',
        headers: session,
        body: JSON.stringify({ files: [{ name: 'a.batch.json', base64: Buffer.from(text).toString('base64') }] }),
      });
      expect(again.body.result.outcomes).toMatchObject([{ status: 'duplicate' }]);
      const huge = await http('/api/hub.upload', {
        method: 'POST',
        headers: { ...session, 'content-length': String(UPLOAD_MAX_BYTES + 1) },
        body: '',
      }).catch(() => ({ status: 413 }));
      expect(huge.status).toBe(413);
      const audit = await db.selectFrom('hub_audit').select('detail').where('action', '=', 'hub.upload').execute();
      expect(audit.map((a) => JSON.parse(a.detail))).toEqual([
        { files: ['a.batch.json'], outcomes: ['accepted'] },
        { files: ['a.batch.json'], outcomes: ['duplicate'] },
      ]);
    });
  });
});
