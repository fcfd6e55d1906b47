import { app as electronApp, BrowserWindow, Menu, net, protocol, safeStorage, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openApp } from '#core/app';
import type { SecretWrapper } from '#core/security/keys';
import { startJobs } from '#core/jobs';
import { CONTENT_SECURITY_POLICY, packFileHeaders } from '#shared/security/csp';
import { resolveGuideAsset } from '#core/guides/pack-assets';
import { forwardEvents, registerIpc } from './ipc';
import { mimeOf, resolveAppFile } from './protocol-path';
import { APP_SCHEME, isPermissionAllowed } from './security';
import { harden, openWindow, roleOf } from './windows';

const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
/** The guide pack ships as a resource beside the app (electron-builder extraResources), dist/guides unpackaged. */
const GUIDES_DIR = electronApp.isPackaged
  ? join(process.resourcesPath, 'guides')
  : fileURLToPath(new URL('../guides/', import.meta.url));

// One instance per PC: a second launch focuses the first instead of opening the database twice.
if (!electronApp.requestSingleInstanceLock()) {
  electronApp.quit();
} else {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
  electronApp.on('second-instance', () => {
    const first = BrowserWindow.getAllWindows()[0];
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });
  electronApp.on('web-contents-created', (_event, contents) => harden(contents));
  electronApp.whenReady().then(start, (error) => {
    console.error('cannot start', error);
    electronApp.exit(1);
  });
}

/**
 * The system's key store for the point's secrets (DPAPI on Windows, the keychain on macOS, the
 * desktop keyring on Linux). Linux without a keyring falls back to a fixed password
 * ('basic_text'): that protects nothing, so the keys stay in owner-only files instead.
 */
function secretWrapper(): SecretWrapper | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    kind: 'safeStorage',
    wrap: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unwrap: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(null);
  // Camera, location, notifications…: refused. The microphone only for the staff window (recording community translations).
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(
      isPermissionAllowed(
        permission,
        roleOf(contents),
        details.requestingUrl,
        'mediaTypes' in details ? (details.mediaTypes ?? []) : [],
      ),
    ),
  );
  session.defaultSession.setPermissionCheckHandler((contents, permission, origin, details) =>
    isPermissionAllowed(
      permission,
      contents ? roleOf(contents) : undefined,
      origin,
      'mediaType' in details && details.mediaType ? [details.mediaType] : [],
    ),
  );
  // `--data DIR` gives tests (and a portable install) their own folder.
  const dataArg = process.argv.indexOf('--data');
  const dataDir =
    dataArg > 0 && process.argv[dataArg + 1] ? process.argv[dataArg + 1]! : electronApp.getPath('userData');
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    // Videos of a guide pack live on disk: an installed pack's in the data folder, the bundled one's in the resources.
    const asset = resolveGuideAsset({ dataDir, guidesDir: GUIDES_DIR }, new URL(request.url).pathname);
    if (asset) {
      const body = await net.fetch(pathToFileURL(asset.file).toString());
      return new Response(body.body, { status: 200, headers: packFileHeaders(asset.type) });
    }
    const file = resolveAppFile(RENDERER_DIR, request.url);
    const target = file && existsSync(file) ? file : resolveAppFile(RENDERER_DIR, 'app://renderer/index.html');
    if (!target) return new Response(null, { status: 403 });
    const response = await net.fetch(pathToFileURL(target).toString());
    return new Response(response.body, {
      status: 200,
      headers: {
        'content-type': mimeOf(target),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });

  const core = await openApp({ dataDir, guidesDir: GUIDES_DIR, shell: 'electron', secrets: secretWrapper() });
  core.log.info(
    { event: 'shell.start', kiosk: process.argv.includes('--kiosk'), secrets: core.keys.protection },
    'desktop app starting',
  );
  electronApp.on('render-process-gone', (_event, _contents, details) =>
    core.log.error({ event: 'shell.rendererGone', reason: details.reason }, 'a window crashed'),
  );
  startJobs(core);
  registerIpc(core);
  forwardEvents(core, (channel, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(channel, payload);
  });
  const wantsKiosk = process.argv.includes('--kiosk');
  openWindow(wantsKiosk ? 'kiosk' : 'staff');
  electronApp.on('window-all-closed', () => {
    core.log.info({ event: 'shell.stop' }, 'desktop app closing');
    void core.close().finally(() => electronApp.quit());
  });
}
