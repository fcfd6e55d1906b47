import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, signedInPage } from './browser';
import { removeDir, startServer, type RunningServer } from './server';

export interface E2EOptions {
  /** Start on a demo commune (`--demo`) instead of an empty data folder (the setup wizard). */
  demo?: boolean;
  /** Context options for every page this file opens (viewport, downloads…). */
  context?: BrowserContextOptions;
  /** Folders the file writes into (screens, PDFs); a fresh clone has none of them. */
  folders?: readonly string[];
  /** The point's clock starts at this instant (`--clock`), e.g. `openingMorning()` for an open kiosk. */
  clock?: string;
  /** Extra Chromium flags (a fake microphone, an autoplay policy). */
  browserFlags?: readonly string[];
}

export interface E2E {
  /** The running server; stays valid across `restart()`. */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Sign in a demo member by full name and give the session token (fails the test if refused). */
  signIn: (fullName: string, pin: string) => Promise<string>;
  /** Call a method as `token`, fail the test unless it answers 200, and give its result. */
  api: (method: string, input?: unknown, token?: string | null) => Promise<any>;
  /** A page in a fresh context, signed in as `token` (or nobody), opened at `route` (e.g. '/staff/desk'). */
  pageAs: (token: string | null, route?: string, options?: BrowserContextOptions) => Promise<Page>;
  /** Stop the server and start it again on the same data folder, as a restart of the app would. */
  restart: () => Promise<void>;
}

/**
 * The set-up every end-to-end file shares: the real built server on a free loopback port, one
 * headless Chromium, both closed (and the data folder removed) after the file's tests.
 */
export function setUpE2E(options: E2EOptions = {}): E2E {
  let current: RunningServer | undefined;
  let browser: Browser | undefined;
  const running = (): RunningServer => {
    if (!current) throw new Error('the E2E server is not running (use it inside a test or a hook)');
    return current;
  };
  const liveBrowser = (): Browser => {
    if (!browser) throw new Error('the E2E browser is not running (use it inside a test or a hook)');
    return browser;
  };
  const server: RunningServer = {
    get url() {
      return running().url;
    },
    get dataDir() {
      return running().dataDir;
    },
    get process() {
      return running().process;
    },
    output: () => running().output(),
    stop: (signal) => running().stop(signal),
    call: (method, input, token) => running().call(method, input, token),
    signIn: (fullName, pin) => running().signIn(fullName, pin),
  };

  beforeAll(async () => {
    for (const folder of ['test-results/screens', ...(options.folders ?? [])]) mkdirSync(folder, { recursive: true });
    current = await startServer({ demo: options.demo ?? false, ...(options.clock ? { clock: options.clock } : {}) });
    browser = await launchBrowser(options.browserFlags);
  });
  afterAll(async () => {
    await browser?.close();
    await current?.stop();
    if (current) removeDir(current.dataDir);
  });

  return {
    server,
    get browser() {
      return liveBrowser();
    },
    signIn: async (fullName, pin) => (await running().signIn(fullName, pin)).token,
    async api(method, input = {}, token = null) {
      const response = await running().call(method, input, token);
      expect(response.status, `${method}: ${JSON.stringify(response.body)}`).toBe(200);
      return response.body.result;
    },
    async pageAs(token, route, contextOptions = {}) {
      const page = await signedInPage(liveBrowser(), token, { ...options.context, ...contextOptions });
      if (route !== undefined) await page.goto(`${running().url}/#${route}`);
      return page;
    },
    async restart() {
      const { dataDir } = running();
      await running().stop();
      current = await startServer({ dataDir, ...(options.clock ? { clock: options.clock } : {}) });
    },
  };
}
