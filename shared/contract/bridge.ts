import type { ErrorBody } from './errors';
import type { LiveEvent } from './events';

/** The single object the Electron preload exposes (never raw ipcRenderer); the renderer's IPC transport uses it. */
export interface PreloadBridge {
  call(
    name: string,
    input: unknown,
    token: string | null,
  ): Promise<{ ok: true; result: unknown } | { ok: false; error: ErrorBody }>;
  onEvent(listener: (event: LiveEvent) => void): () => void;
  /** Kiosk window only: ask main to close the window after the admin PIN was checked. */
  leaveKiosk(pin: string): Promise<boolean>;
  print(options: { kind: 'receipt' | 'a4'; silent: boolean; landscape?: boolean }): Promise<boolean>;
  savePdf(fileName: string): Promise<string | null>;
  /** Staff window only: the system's folder picker (a USB stick for batches and backups). */
  chooseFolder(): Promise<string | null>;
  /** Staff window only: open the citizen kiosk or the calling board in a window of its own. */
  openWindow(which: 'kiosk' | 'board'): Promise<boolean>;
  /** Kiosk window only: staff pressed Ctrl+Shift+Q; show the admin PIN prompt. */
  onKioskExitRequested(listener: () => void): () => void;
  role: 'kiosk' | 'staff' | 'board';
}
