import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A stand-in for the `electron` module, enough to load the built main process in Node: it
 * records what the shell asks of Electron (windows and their options, handlers, protocol,
 * permissions) so a test can check the behaviour, and call the handlers as Electron would.
 */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextId = 1;
export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: [string, unknown][] = [];
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload?: unknown): void {
    this.sent.push([channel, payload]);
  }
  /** Fire an event the way Electron does and say whether a listener prevented it. */
  prevented(name: string, ...args: unknown[]): boolean {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

type Handler = (...args: any[]) => any;

export function fakeElectron(options: { userData: string; singleInstance?: boolean }) {
  const windows: FakeWindow[] = [];
  const ipc = new Map<string, Handler>();
  const protocols = new Map<string, Handler>();
  const appEvents = new EventEmitter();
  const record = {
    quit: 0,
    privilegedSchemes: [] as unknown[],
    menu: undefined as unknown,
    permissionRequest: undefined as Handler | undefined,
    permissionCheck: undefined as Handler | undefined,
    sealed: 0,
  };

  class FakeWindow extends EventEmitter {
    static getAllWindows = () => windows.filter((w) => !w.closed);
    static fromWebContents = (contents: unknown) => windows.find((w) => w.webContents === contents) ?? null;
    readonly webContents = new FakeWebContents();
    loadedUrl?: string;
    shown = false;
    closed = false;
    constructor(readonly options: Record<string, any>) {
      super();
      windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    close(): void {
      const event = new FakeEvent();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.closed = true;
      this.emit('closed');
    }
    isMinimized = () => false;
    restore(): void {}
    focus(): void {}
  }

  const display = { bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const electron = {
    app: {
      requestSingleInstanceLock: () => options.singleInstance ?? true,
      quit: () => void record.quit++,
      exit: (code: number) => {
        throw new Error(`app.exit(${code})`);
      },
      on(name: string, listener: Handler) {
        appEvents.on(name, listener);
        return electron.app;
      },
      whenReady: () => Promise.resolve(),
      getPath(name: string) {
        if (name !== 'userData') throw new Error(`no path ${name} in the stand-in`);
        return options.userData;
      },
    },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: (menu: unknown) => void (record.menu = menu) },
    net: { fetch: async (url: string) => new Response(readFileSync(fileURLToPath(url))) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: Handler) => void protocols.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => void (record.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Handler) => void (record.permissionCheck = handler),
      },
    },
    screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    ipcMain: { handle: (channel: string, handler: Handler) => void ipc.set(channel, handler) },
    // A key store that is there (as DPAPI is on Windows): reversible, and counted.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => (record.sealed++, Buffer.from(`sealed:${text}`)),
      decryptString: (sealed: Buffer) => sealed.toString('utf8').replace(/^sealed:/, ''),
    },
  };
  return { electron, windows, ipc, protocols, appEvents, record };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;

/**
 * Write an `electron` package under `dir/node_modules` that hands out, at each use, whatever
 * `globalThis.__fakeElectron` holds: the built bundle keeps `electron` external and finds this.
 */
export function installFakeElectronPackage(dir: string, names: readonly string[]): void {
  const root = join(dir, 'node_modules', 'electron');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'electron', type: 'module', main: 'index.js' }));
  const stand = `const live = (name) => globalThis.__fakeElectron[name];
const stand = (name) => new Proxy(function () {}, {
  get: (_t, key) => live(name)[key],
  construct: (_t, args) => new (live(name))(...args),
  apply: (_t, _self, args) => live(name)(...args),
});
${names.map((n) => `export const ${n} = stand('${n}');`).join('\n')}
`;
  writeFileSync(join(root, 'index.js'), stand);
}
