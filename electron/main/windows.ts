import { BrowserWindow, screen, type WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import {
  APP_ORIGIN,
  isKioskEscapeKey,
  isKioskExitChord,
  isTrustedUrl,
  webPreferencesFor,
  type WindowRole,
} from './security';

export type { WindowRole };

const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const roles = new Map<number, WindowRole>();
/** Kiosk windows may close only after an admin PIN was checked. */
const closeAllowed = new Set<number>();

export function roleOf(contents: WebContents): WindowRole | undefined {
  return roles.get(contents.id);
}

/** Navigation, new windows and webviews are refused everywhere: the app never leaves its pages. */
export function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function openWindow(role: WindowRole): BrowserWindow {
  const displays = screen.getAllDisplays();
  // The board goes to a second display (a TV) when there is one.
  const display = role === 'board' && displays.length > 1 ? displays[1]! : screen.getPrimaryDisplay();
  const kiosk = role === 'kiosk';
  const win = new BrowserWindow({
    x: display.bounds.x,
    y: display.bounds.y,
    width: role === 'staff' ? 1280 : display.bounds.width,
    height: role === 'staff' ? 860 : display.bounds.height,
    fullscreen: role !== 'staff',
    kiosk,
    alwaysOnTop: kiosk,
    closable: !kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#f5f7fb',
    show: false,
    webPreferences: { ...webPreferencesFor(role), preload: PRELOAD, additionalArguments: [`--dhs-role=${role}`] },
  });
  const id = win.webContents.id;
  roles.set(id, role);
  harden(win.webContents);
  if (kiosk) {
    win.webContents.on('before-input-event', (event, input) => {
      if (isKioskExitChord(input)) {
        event.preventDefault();
        win.webContents.send('dhs:kiosk-exit-requested');
      } else if (isKioskEscapeKey(input)) {
        event.preventDefault();
      }
    });
    win.on('close', (event) => {
      if (!closeAllowed.has(id)) event.preventDefault();
    });
  }
  win.on('closed', () => {
    roles.delete(id);
    closeAllowed.delete(id);
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html#/${role === 'staff' ? 'staff' : role}`);
  return win;
}

export function allowKioskClose(contents: WebContents): void {
  closeAllowed.add(contents.id);
  BrowserWindow.fromWebContents(contents)?.close();
}
