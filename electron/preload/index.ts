import { contextBridge, ipcRenderer } from 'electron';
import type { LiveEvent } from '#shared/contract';
import type { PreloadBridge } from '#shared/contract/bridge';

const roleArg = process.argv.find((a) => a.startsWith('--dhs-role='))?.slice('--dhs-role='.length);
const role: PreloadBridge['role'] = roleArg === 'kiosk' || roleArg === 'board' ? roleArg : 'staff';

/** The one object the page sees: named calls only, never ipcRenderer itself, events without `event`. */
const bridge = {
  role,
  call: (name, input, token) => ipcRenderer.invoke('dhs:call', name, input, token),
  onEvent(listener) {
    const handler = (_event: unknown, payload: LiveEvent) => listener(payload);
    ipcRenderer.on('dhs:event', handler);
    return () => void ipcRenderer.removeListener('dhs:event', handler);
  },
  leaveKiosk: (pin) => ipcRenderer.invoke('dhs:leaveKiosk', pin),
  print: (options) => ipcRenderer.invoke('dhs:print', options),
  savePdf: (fileName) => ipcRenderer.invoke('dhs:savePdf', fileName),
  openWindow: (which) => ipcRenderer.invoke('dhs:openWindow', which),
  chooseFolder: () => ipcRenderer.invoke('dhs:chooseFolder'),
  onKioskExitRequested(listener) {
    const handler = () => listener();
    ipcRenderer.on('dhs:kiosk-exit-requested', handler);
    return () => void ipcRenderer.removeListener('dhs:kiosk-exit-requested', handler);
  },
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('dhs', bridge);
