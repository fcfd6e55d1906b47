import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronBundles } from '#build/node-bundle.mjs';
import { CONTENT_SECURITY_POLICY } from '#shared/security/csp';
import { fakeElectron, FakeWebContents, installFakeElectronPackage, type FakeElectron } from './test-electron';

/**
 * The Electron shell as built: the main process and the preload bundled as `npm run build`
 * bundles them, then loaded in Node with a stand-in `electron` module that records what the
 * shell asks for. The checks are on behaviour (window options, handlers called as Electron
 * would call them), so they hold however the code is written.
 */
const builder = readFileSync('electron-builder.yml', 'utf8');
const ELECTRON_NAMES = [
  'app',
  'BrowserWindow',
  'Menu',
  'net',
  'protocol',
  'session',
  'screen',
  'dialog',
  'ipcMain',
  'safeStorage',
];
// Kept inside the repository so the bundle finds sqlite3 in node_modules, as the packaged app does.
mkdirSync('.tmp', { recursive: true });
const out = resolve(mkdtempSync(join('.tmp', 'packaging-')));
const userData = join(out, 'user-data');
let shell: FakeElectron;

async function loadMain(fake: FakeElectron, tag: string): Promise<void> {
  (globalThis as { __fakeElectron?: unknown }).__fakeElectron = fake.electron;
  await import(/* @vite-ignore */ `${pathToFileURL(join(out, 'electron/main.js')).href}?${tag}`);
}

beforeAll(async () => {
  await Promise.all(electronBundles(out).map((options) => build({ ...options, sourcemap: false })));
  installFakeElectronPackage(out, ELECTRON_NAMES);
  mkdirSync(join(out, 'renderer'), { recursive: true });
  writeFileSync(join(out, 'renderer/index.html'), '<!doctype html><title>renderer</title>');
  writeFileSync(join(out, 'secret.txt'), 'outside the renderer folder');
  shell = fakeElectron({ userData });
  await loadMain(shell, 'first');
  // start() opens the real core on a real SQLite file, then the staff window.
  await vi.waitFor(() => expect(shell.windows).toHaveLength(1), { timeout: 20_000 });
});

afterAll(async () => {
  if (shell) {
    const closed = new Promise<void>((done) => {
      const wait = setInterval(() => shell.record.quit > 0 && (clearInterval(wait), done()), 10);
    });
    shell.appEvents.emit('window-all-closed');
    await closed;
  }
  rmSync(out, { recursive: true, force: true });
});

const trustedFrame = (contents: FakeWebContents, url = 'app://renderer/index.html#/staff') => ({
  sender: contents,
  senderFrame: { url },
});

describe('the built main process', () => {
  it('opens the staff window isolated, sandboxed, hidden until ready, from app://', () => {
    const [win] = shell.windows;
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(existsSync(win!.options.webPreferences.preload)).toBe(true);
    expect(win!.options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(win!.options).toMatchObject({ kiosk: false, closable: true, show: false });
    expect(win!.loadedUrl).toBe('app://renderer/index.html#/staff');
    expect(win!.shown).toBe(false);
    win!.emit('ready-to-show');
    expect(win!.shown).toBe(true);
    expect(shell.record.menu).toBeNull();
    expect(shell.record.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('denies every permission request and check, except the microphone (sound only) to its own staff page', () => {
    const staff = shell.windows[0]!.webContents;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn();
      shell.record.permissionRequest!(staff, permission, answer, {});
      expect(answer).toHaveBeenCalledExactlyOnceWith(false);
      expect(shell.record.permissionCheck!(staff, permission, 'app://renderer', {})).toBe(false);
    }
    const ask = (contents: FakeWebContents, details: Record<string, unknown>) => {
      const answer = vi.fn();
      shell.record.permissionRequest!(contents, 'media', answer, details);
      return answer.mock.calls[0]![0];
    };
    // The leader's screen records community translations with the PC's microphone.
    expect(ask(staff, { requestingUrl: 'app://renderer/index.html#/staff/community', mediaTypes: ['audio'] })).toBe(
      true,
    );
    expect(shell.record.permissionCheck!(staff, 'media', 'app://renderer', { mediaType: 'audio' })).toBe(true);
    expect(
      ask(staff, { requestingUrl: 'app://renderer/index.html#/staff/community', mediaTypes: ['audio', 'video'] }),
    ).toBe(false);
    expect(ask(staff, { requestingUrl: 'https://example.org/', mediaTypes: ['audio'] })).toBe(false);
    expect(shell.record.permissionCheck!(staff, 'media', 'app://renderer', { mediaType: 'video' })).toBe(false);
    expect(ask(new FakeWebContents(), { requestingUrl: 'app://renderer/index.html', mediaTypes: ['audio'] })).toBe(
      false,
    );
  });

  it('blocks navigation, redirects, new windows and webviews away from its own pages, in every web contents', () => {
    const contents = new FakeWebContents();
    shell.appEvents.emit('web-contents-created', {}, contents);
    for (const url of [
      'https://example.org/',
      'file:///etc/passwd',
      'http://127.0.0.1:8420/',
      'app://other/index.html',
    ]) {
      expect(contents.prevented('will-navigate', url), url).toBe(true);
      expect(contents.prevented('will-redirect', url), url).toBe(true);
    }
    expect(contents.prevented('will-navigate', 'app://renderer/index.html#/kiosk')).toBe(false);
    expect(contents.prevented('will-attach-webview', {}, {})).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    // The staff window is hardened the same way.
    expect(shell.windows[0]!.webContents.prevented('will-navigate', 'https://example.org/')).toBe(true);
  });

  it('serves its pages from app:// with the CSP, never a file outside the renderer, and refuses writes', async () => {
    const handler = shell.protocols.get('app')!;
    const page = await handler(new Request('app://renderer/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>renderer</title>');
    for (const url of [
      'app://renderer/%2F..%2Fsecret.txt',
      'app://renderer/../secret.txt',
      'app://renderer/a%5C..%5C..%5Csecret.txt',
    ]) {
      const response = await handler(new Request(url));
      expect(await response.text(), url).not.toContain('outside the renderer folder');
    }
    expect((await handler(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('answers IPC only from its own windows on its own pages, and a kiosk only as a citizen', async () => {
    const call = shell.ipc.get('dhs:call')!;
    const staff = shell.windows[0]!.webContents;
    expect(await call(trustedFrame(staff), 'setup.status', {}, null)).toMatchObject({
      ok: true,
      result: expect.objectContaining({ configured: false }),
    });
    expect(await call(trustedFrame(staff, 'https://example.org/'), 'setup.status', {}, null)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(trustedFrame(new FakeWebContents()), 'setup.status', {}, null)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // The staff window opens the kiosk: full screen, locked, always on top, not closable.
    expect(await shell.ipc.get('dhs:openWindow')!(trustedFrame(staff), 'kiosk')).toBe(true);
    expect(await shell.ipc.get('dhs:openWindow')!(trustedFrame(staff), 'settings')).toBe(false);
    const kiosk = shell.windows[1]!;
    expect(kiosk.options).toMatchObject({ kiosk: true, fullscreen: true, alwaysOnTop: true, closable: false });
    expect(kiosk.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      additionalArguments: ['--dhs-role=kiosk'],
    });
    expect(kiosk.loadedUrl).toBe('app://renderer/index.html#/kiosk');
    const fromKiosk = trustedFrame(kiosk.webContents, 'app://renderer/index.html#/kiosk');
    // A kiosk may not open windows, pick folders or save files, whatever it asks.
    expect(await shell.ipc.get('dhs:openWindow')!(fromKiosk, 'board')).toBe(false);
    expect(await shell.ipc.get('dhs:chooseFolder')!(fromKiosk)).toBeNull();
    expect(await shell.ipc.get('dhs:savePdf')!(fromKiosk, 'x.pdf')).toBeNull();
    // The kiosk is a citizen even with a token: a staff method is refused.
    expect(await call(fromKiosk, 'settings.get', {}, 'any-token')).toMatchObject({ ok: false });
  });

  it('opens the board window with sound allowed from the start, and only the board', async () => {
    const staff = shell.windows[0]!;
    expect(await shell.ipc.get('dhs:openWindow')!(trustedFrame(staff.webContents), 'board')).toBe(true);
    const board = shell.windows.find((w) => w.loadedUrl === 'app://renderer/index.html#/board')!;
    expect(board.options.webPreferences).toMatchObject({
      autoplayPolicy: 'no-user-gesture-required',
      sandbox: true,
      contextIsolation: true,
    });
    for (const other of shell.windows.filter((w) => w !== board))
      expect(other.options.webPreferences.autoplayPolicy).toBeUndefined();
    // Nor may the board be given the microphone.
    const answer = vi.fn();
    shell.record.permissionRequest!(board.webContents, 'media', answer, {
      requestingUrl: 'app://renderer/index.html#/board',
      mediaTypes: ['audio'],
    });
    expect(answer).toHaveBeenCalledExactlyOnceWith(false);
    board.close();
  });

  it('keeps the kiosk window open and its keys locked until the admin PIN is checked', async () => {
    const kiosk = shell.windows[1]!;
    kiosk.close();
    expect(kiosk.closed).toBe(false);
    const key = (input: Record<string, unknown>) =>
      kiosk.webContents.prevented('before-input-event', { type: 'keyDown', ...input });
    expect(key({ key: 'F5' })).toBe(true);
    expect(key({ key: 'r', control: true })).toBe(true);
    expect(key({ key: 'F4', alt: true })).toBe(true);
    expect(key({ key: 'a' })).toBe(false);
    expect(key({ key: 'Q', control: true, shift: true })).toBe(true);
    expect(kiosk.webContents.sent).toContainEqual(['dhs:kiosk-exit-requested', undefined]);
    const leave = shell.ipc.get('dhs:leaveKiosk')!;
    const fromKiosk = trustedFrame(kiosk.webContents, 'app://renderer/index.html#/kiosk');
    // Not configured yet, so no admin PIN can match: the window stays.
    expect(await leave(fromKiosk, '000000')).toBe(false);
    expect(kiosk.closed).toBe(false);
    // Only the kiosk window may ask to leave the kiosk.
    expect(await leave(trustedFrame(shell.windows[0]!.webContents), '000000')).toBe(false);
  });

  it("seals the point's keys with the system key store it is handed (safeStorage)", async () => {
    const userData = shell.electron.app.getPath('userData');
    const file = JSON.parse(readFileSync(join(userData, 'keys', 'point.key'), 'utf8'));
    expect(file.protection).toBe('safeStorage');
    expect(shell.record.sealed).toBeGreaterThan(0);
  });

  it('quits at once when another instance already runs', async () => {
    const second = fakeElectron({ userData: join(out, 'second'), singleInstance: false });
    await loadMain(second, 'second');
    expect(second.record.quit).toBe(1);
    expect(second.windows).toEqual([]);
    expect(second.ipc.size).toBe(0);
    (globalThis as { __fakeElectron?: unknown }).__fakeElectron = shell.electron;
  });
});

describe('the built preload', () => {
  const source = () => readFileSync(join(out, 'electron/preload.cjs'), 'utf8');

  function loadPreload(role: string) {
    const exposed: [string, any][] = [];
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void exposed.push([name, api]) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => void invoked.push(args),
        on: (channel: string, listener: (...args: unknown[]) => void) => void listeners.set(channel, listener),
        removeListener: (channel: string) => void listeners.delete(channel),
      },
    };
    const module = { exports: {} };
    runInNewContext(source(), {
      require: (name: string) => {
        if (name === 'electron') return electron;
        throw new Error(`the sandboxed preload asked for ${name}`);
      },
      module,
      exports: module.exports,
      process: { argv: ['electron', '.', `--dhs-role=${role}`] },
    });
    return { exposed, invoked, listeners, electron };
  }

  it('exposes one object with named calls only, never ipcRenderer itself', async () => {
    const { exposed, invoked, electron } = loadPreload('kiosk');
    expect(exposed.map(([name]) => name)).toEqual(['dhs']);
    const bridge = exposed[0]![1];
    expect(Object.keys(bridge).sort()).toEqual([
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
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
    expect(bridge.role).toBe('kiosk');
    await bridge.call('queue.kiosk', {}, null);
    expect(invoked).toEqual([['dhs:call', 'queue.kiosk', {}, null]]);
  });

  it('passes events on without the IPC event object, and stops when asked', () => {
    const { exposed, listeners } = loadPreload('board');
    const received: unknown[] = [];
    const stop = exposed[0]![1].onEvent((event: unknown) => received.push(event));
    listeners.get('dhs:event')!({ sender: 'ipc internals' }, { name: 'queue.changed', payload: {} });
    expect(received).toEqual([{ name: 'queue.changed', payload: {} }]);
    stop();
    expect(listeners.has('dhs:event')).toBe(false);
  });

  it('takes an unknown role for the staff window', () => {
    expect(loadPreload('admin').exposed[0]![1].role).toBe('staff');
  });
});

describe('electron-builder settings', () => {
  it('sets the fuses: no run-as-node, no NODE_OPTIONS, no inspect, app only from asar', () => {
    for (const line of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'onlyLoadAppFromAsar: true',
      'grantFileProtocolExtraPrivileges: false',
    ]) {
      expect(builder).toContain(line);
    }
  });

  it('unpacks native modules, builds a per-machine NSIS installer and Linux AppImage and deb', () => {
    expect(builder).toMatch(/asarUnpack:\s*\n\s*- "\*\*\/\*\.node"/);
    expect(builder).toMatch(/perMachine: true/);
    expect(builder).toMatch(/- AppImage/);
    expect(builder).toMatch(/- deb/);
  });
});
