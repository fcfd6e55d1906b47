import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { App } from '#core/app';
import { printPage, savePdf } from './print';
import { isTrustedUrl } from './security';
import { allowKioskClose, openWindow, roleOf, type WindowRole } from './windows';

/** Only our own windows showing our own pages may call the core (electron security item 17). */
function trustedRole(event: IpcMainInvokeEvent): WindowRole | null {
  const role = roleOf(event.sender);
  const url = event.senderFrame?.url ?? '';
  return role && isTrustedUrl(url) ? role : null;
}

export function registerIpc(app: App): void {
  ipcMain.handle('dhs:call', async (event, name: unknown, input: unknown, token: unknown) => {
    const role = trustedRole(event);
    if (!role || typeof name !== 'string')
      return { ok: false, error: { code: 'forbidden', message: { vi: 'Không được phép.', en: 'Not allowed.' } } };
    const response = await app.call(name, input, {
      token: typeof token === 'string' ? token : null,
      device: role,
      // The kiosk is always a citizen, whatever it sends: staff functions stay out of reach.
      forceCitizen: role !== 'staff',
    });
    return response.ok ? { ok: true, result: response.result } : { ok: false, error: response.error };
  });
  ipcMain.handle('dhs:leaveKiosk', async (event, pin: unknown) => {
    if (trustedRole(event) !== 'kiosk' || typeof pin !== 'string') return false;
    const response = await app.call('access.verifyAdminPin', { pin }, { device: 'kiosk' });
    if (response.ok) allowKioskClose(event.sender);
    return response.ok;
  });
  ipcMain.handle('dhs:openWindow', (event, role: unknown) => {
    if (trustedRole(event) !== 'staff' || (role !== 'kiosk' && role !== 'board')) return false;
    openWindow(role);
    return true;
  });
  ipcMain.handle('dhs:chooseFolder', async (event) => {
    const owner = BrowserWindow.fromWebContents(event.sender);
    if (trustedRole(event) !== 'staff' || !owner) return null;
    const choice = await dialog.showOpenDialog(owner, { properties: ['openDirectory', 'createDirectory'] });
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  });
  ipcMain.handle('dhs:print', (event, options: { kind?: unknown; silent?: unknown; landscape?: unknown }) => {
    if (!trustedRole(event)) return false;
    return printPage(event.sender, {
      kind: options?.kind === 'receipt' ? 'receipt' : 'a4',
      silent: options?.silent === true,
      landscape: options?.landscape === true,
    });
  });
  ipcMain.handle('dhs:savePdf', (event, fileName: unknown) => {
    if (trustedRole(event) !== 'staff') return null;
    const safeName = typeof fileName === 'string' ? fileName.replace(/[^\w.-]+/g, '-').slice(0, 80) : 'document.pdf';
    return savePdf(event.sender, safeName.endsWith('.pdf') ? safeName : `${safeName}.pdf`);
  });
}

/** Live events to every window: they carry no personal data. */
export function forwardEvents(app: App, send: (channel: string, payload: unknown) => void): () => void {
  return app.bus.subscribe((event) => send('dhs:event', event));
}
