import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SETUP } from '#core/testing';
import { MAX_CHECKINS_FROM_LAN, MAX_CHECKINS_PER_DEVICE } from '#core/queue/flood';
import { expectNoAxeViolations, launchBrowser } from '../support/browser';
import { openingMorning, removeDir, startServer, tempDataDir, useServer, type RunningServer } from '../support/server';
import { demoSessions, rawRequest } from './support';

/** Any 127.x address but 127.0.0.1 plays a device on the commune's Wi-Fi (tests use loopback only). */
const LAN = '127.0.0.2';
const json = (value: unknown) => JSON.stringify(value);

describe('a stranger on the commune Wi-Fi', () => {
  // A working morning on the point's clock: the kiosk takes numbers, so the flood limit is what refuses them.
  const running = useServer({ demo: true, clock: openingMorning() });
  let server: RunningServer;
  let sessions: Awaited<ReturnType<typeof demoSessions>>;
  const usb = mkdtempSync(join(tmpdir(), 'dhs-usb-'));
  beforeAll(async () => {
    server = running();
    sessions = await demoSessions(server);
  });
  afterAll(() => rmSync(usb, { recursive: true, force: true }));

  it('is a LAN device whatever x-device it sends: no folder on this PC is written or read for it', async () => {
    const headers = { authorization: `Bearer ${sessions.admin.token}`, 'x-device': 'staff' };
    const official = { authorization: `Bearer ${sessions.commune_official.token}`, 'x-device': 'staff' };
    const attempts = [
      await rawRequest(server.url, {
        path: '/api/uploads.saveToFolder',
        from: LAN,
        headers: official,
        body: json({ directory: usb }),
      }),
      await rawRequest(server.url, { path: '/api/backups.create', from: LAN, headers, body: json({ directory: usb }) }),
      await rawRequest(server.url, {
        path: '/api/backups.restore',
        from: LAN,
        headers,
        body: json({ source: { kind: 'path', path: join(server.dataDir, 'diem-ho-tro-so.sqlite3') } }),
      }),
      await rawRequest(server.url, {
        path: '/api/backups.setPassphrase',
        from: LAN,
        headers,
        body: json({ passphrase: 'cụm mật khẩu của kẻ lạ' }),
      }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(Object.values(res.body.error.fields)).toEqual(['common:ownScreenOnly']);
    }
    expect(readdirSync(usb)).toEqual([]);
    // The same admin on the point's own screen may.
    const own = await server.call('backups.create', {}, sessions.admin.token);
    expect(own.status).toBe(200);
  });

  it('sees no staff names in the sign-in list; the point’s own screen does', async () => {
    const lan = await rawRequest(server.url, {
      path: '/api/access.signInOptions',
      from: LAN,
      headers: { 'x-device': 'staff' },
      body: '{}',
    });
    expect(lan.body.result).toEqual({ namesShown: false, members: [] });
    const own = await server.call('access.signInOptions');
    expect(own.body.result.namesShown).toBe(true);
    expect(own.body.result.members.length).toBeGreaterThan(10);
  });

  it('cannot post from another site’s page (Origin), nor reach us by a rebound host name', async () => {
    const cross = await rawRequest(server.url, {
      path: '/api/queue.checkIn',
      headers: { origin: 'http://evil.example' },
      body: json({ helpKind: 'dvc' }),
    });
    expect(cross.status).toBe(403);
    const nullOrigin = await rawRequest(server.url, {
      path: '/api/queue.checkIn',
      headers: { origin: 'null' },
      body: json({ helpKind: 'dvc' }),
    });
    expect(nullOrigin.status).toBe(403);
    const same = await rawRequest(server.url, {
      path: '/api/queue.board',
      headers: { origin: server.url },
      body: '{}',
    });
    expect(same.status).toBe(200);
    const rebound = await rawRequest(server.url, {
      path: '/api/access.signInOptions',
      headers: { host: 'evil.example' },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
  });

  it('takes at most a handful of numbers; the desk voids the flood and it leaves the board and the figures', async () => {
    const checkIn = (from: string) =>
      rawRequest(server.url, {
        path: '/api/queue.checkIn',
        from,
        headers: { 'x-device': 'kiosk' },
        body: json({ helpKind: 'dvc', priority: ['elderly'] }),
      });
    const waitingBefore = (await server.call('queue.board')).body.result;
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const figures = async () =>
      (await server.call('queue.figures', { from: today, to: today }, sessions.team_leader.token)).body.result.total;
    const figuresBefore = await figures();
    const results: number[] = [];
    for (let i = 0; i < 60; i++) results.push((await checkIn(LAN)).status);
    expect(results.filter((s) => s === 200)).toHaveLength(MAX_CHECKINS_PER_DEVICE);
    expect(results.filter((s) => s === 429)).toHaveLength(60 - MAX_CHECKINS_PER_DEVICE);
    // Hopping addresses does not help beyond the LAN-wide limit.
    let more = 0;
    for (let host = 3; host < 9; host++)
      for (let i = 0; i < 10; i++) if ((await checkIn(`127.0.0.${host}`)).status === 200) more++;
    expect(MAX_CHECKINS_PER_DEVICE + more).toBe(MAX_CHECKINS_FROM_LAN);

    const member = sessions.duty_member.token;
    const groups = (await server.call('queue.waitingBySource', {}, member)).body.result as {
      source: string;
      count: number;
    }[];
    const flood = groups.find((g) => g.count === MAX_CHECKINS_PER_DEVICE && g.source.startsWith('lan-'))!;
    expect(flood.source).toMatch(/^lan-[0-9a-f]{8}$/);
    expect(JSON.stringify(groups)).not.toContain('127.0.0');
    const voided = await server.call('queue.voidWaiting', { source: flood.source }, member);
    expect(voided.body.result.voided).toBe(MAX_CHECKINS_PER_DEVICE);
    for (const g of groups.filter((x) => x.source.startsWith('lan-') && x !== flood))
      await server.call('queue.voidWaiting', { source: g.source }, member);
    const board = (await server.call('queue.board')).body.result;
    expect(board.waiting).toEqual(waitingBefore.waiting);
    expect(await figures()).toEqual(figuresBefore);
  });
});

describe('a fresh install reached first by someone else', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ dataDir: tempDataDir() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('the kiosk says "not set up yet" and offers no setup wizard', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/#/kiosk`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Điểm hỗ trợ số chưa được thiết lập');
    expect(await page.getByLabel(/Mã PIN quản trị/).count()).toBe(0);
    await expectNoAxeViolations(page, 'kiosk before setup');
    await page.close();
  });

  it('setup from a LAN device needs the code printed on the console', async () => {
    const status = await rawRequest(server.url, { path: '/api/setup.status', from: LAN, body: '{}' });
    expect(status.body.result.setupCodeRequired).toBe(true);
    const without = await rawRequest(server.url, {
      path: '/api/setup.complete',
      from: LAN,
      headers: { 'x-device': 'staff' },
      body: json(TEST_SETUP),
    });
    expect(without.status).toBe(403);
    expect(without.body.error.fields).toEqual({ setupCode: 'settings:problems.setupCode' });
    const wrong = await rawRequest(server.url, {
      path: '/api/setup.complete',
      from: LAN,
      body: json({ ...TEST_SETUP, setupCode: '00000000' }),
    });
    expect(wrong.status).toBe(403);
    expect((await server.call('setup.status')).body.result.configured).toBe(false);
    const code = /setup code (\d{4}-\d{4})/.exec(server.output())![1]!;
    const right = await rawRequest(server.url, {
      path: '/api/setup.complete',
      from: LAN,
      body: json({ ...TEST_SETUP, setupCode: code }),
    });
    expect(right.status).toBe(200);
    expect((await server.call('setup.status')).body.result.configured).toBe(true);
  });
});

describe('bound to an address other than 127.0.0.1 (as on the commune LAN)', () => {
  const running = useServer({ demo: true, args: ['--host', LAN] });
  let server: RunningServer;
  beforeAll(() => {
    server = running();
  });

  it('answers only to its own host names: DNS rebinding reaches nothing', async () => {
    for (const path of ['/api/access.signInOptions', '/api/queue.checkIn']) {
      const rebound = await rawRequest(server.url, {
        path,
        headers: { host: 'attacker.example:8420' },
        body: json({ helpKind: 'dvc' }),
      });
      expect(rebound.status, path).toBe(403);
    }
    const page = await rawRequest(server.url, { path: '/', method: 'GET', headers: { host: 'attacker.example' } });
    expect(page.status).toBe(403);
    const own = await rawRequest(server.url, { path: '/api/queue.board', body: '{}' });
    expect(own.status).toBe(200);
  });
});
