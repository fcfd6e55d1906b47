import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDataDir } from '../support/server';

/**
 * The Electron shell end to end (Playwright's `_electron`; spectron is dead). It runs where an
 * Electron binary exists; everything it checks about behaviour is also proven in server mode.
 */
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(packageDir, 'path.txt');
const binary =
  process.env.ELECTRON_OVERRIDE_DIST_PATH ??
  (existsSync(pathFile) ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : '');
const available = binary !== '' && existsSync(binary);

describe.skipIf(!available)('Electron shell', () => {
  let app: ElectronApplication;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDataDir('dhs-electron-');
    app = await electron.launch({ executablePath: binary, args: ['.', '--data', dataDir] });
  });
  afterAll(async () => {
    await app?.close();
    removeDir(dataDir);
  });

  it('shows the app from app://renderer with one bridge object and no Node in the page', async () => {
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/renderer\//);
    const exposed = await page.evaluate(() => ({
      keys: Object.keys((window as any).dhs ?? {}).sort(),
      hasRequire: typeof (window as any).require,
      hasProcess: typeof (window as any).process,
    }));
    expect(exposed.keys).toEqual([
      'call',
      'chooseFolder',
      'leaveKiosk',
      'onEvent',
      'onKioskExitRequested',
      'openWindow',
      'print',
      'role',
      'savePdf',
    ]);
    expect(exposed.hasRequire).toBe('undefined');
    expect(exposed.hasProcess).toBe('undefined');
  });

  it('refuses navigation away and new windows', async () => {
    const page = await app.firstWindow();
    const before = page.url();
    await page.evaluate(() => {
      window.open('https://example.org');
      location.href = 'https://example.org';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });

  it('calls the core over IPC', async () => {
    const page = await app.firstWindow();
    const status = await page.evaluate(() => (window as any).dhs.call('setup.status', {}, null));
    expect(status).toMatchObject({ ok: true, result: { configured: false } });
  });

  it('lets the board window play sound with no touch, and not the staff window', async () => {
    const page = await app.firstWindow();
    const staff = await page.evaluate(async () => {
      const audio = new AudioContext();
      await Promise.race([audio.resume(), new Promise((r) => setTimeout(r, 1000))]);
      return audio.state;
    });
    expect(staff).toBe('suspended');
    await page.evaluate(() => (window as any).dhs.openWindow('board'));
    const board = await app.waitForEvent('window');
    await board.waitForLoadState();
    const state = await board.evaluate(async () => {
      const audio = new AudioContext();
      await Promise.race([audio.resume(), new Promise((r) => setTimeout(r, 1000))]);
      return audio.state;
    });
    expect(state).toBe('running');
    await board.close();
  });

  it('opens a kiosk window that refuses to close without the admin PIN', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => (window as any).dhs.openWindow('kiosk'));
    const kiosk = await app.waitForEvent('window');
    expect(kiosk.url()).toContain('#/kiosk');
    const staffCall = await kiosk.evaluate(() => (window as any).dhs.call('team.list', {}, 'any-token'));
    expect(staffCall.ok).toBe(false);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.close()));
    await kiosk.waitForTimeout(300);
    expect(app.windows().some((w) => w.url().includes('#/kiosk'))).toBe(true);
  });
});
