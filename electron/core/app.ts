import { sql } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MethodName, Output } from '../../shared/contract';
import { applyPendingRestore } from './backups/restore';
import { MIGRATIONS } from './db/migrations';
import { migrate } from './db/migrate';
import { openDatabase, type Db } from './db/open';
import { EventBus } from './events';
import { createGate, type Credentials } from './gate';
import { SOURCE_GUIDES_DIR } from './guides/pack-store';
import { handlers } from './handlers';
import { logToStderr } from './log';

export const DATABASE_FILE = 'diem-ho-tro-so.sqlite3';

export interface AppOptions {
  dataDir: string;
  /** The bundled guide pack; the shells pass the built one, tests and development read the source. */
  guidesDir?: string;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
}

/**
 * The application without a shell: the database opened and migrated, the gate, the event bus.
 * Electron's main process, the HTTP server and the tests all start here.
 */
export async function openApp(options: AppOptions) {
  mkdirSync(options.dataDir, { recursive: true });
  // A restore staged by backups.restore replaces the file before anything opens it.
  await applyPendingRestore(options.dataDir, DATABASE_FILE);
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const db: Db = openDatabase(databaseFile);
  try {
    await migrate(db, MIGRATIONS);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const bus = new EventBus();
  const now = options.now ?? (() => new Date());
  const guidesDir = resolve(options.guidesDir ?? SOURCE_GUIDES_DIR);
  const gate = createGate({ db, bus, handlers, now, dataDir: options.dataDir, guidesDir, log: options.log ?? logToStderr });
  return {
    db,
    bus,
    /** For the transports (IPC, HTTP): the caller comes from the session. */
    call: gate.call,
    /** For the point's own jobs: the same road as the `system` caller. */
    system: gate.system,
    /** The app's clock (injectable in tests): jobs decide what is due by it. */
    now,
    dataDir: options.dataDir,
    databaseFile,
    guidesDir,
    /** Typed call for tests and scripts; throws on an error response. */
    async invoke<N extends MethodName>(name: N, input: unknown, credentials: Credentials = { device: 'staff' }) {
      const response = await gate.call(name, input, credentials);
      if (!response.ok) throw Object.assign(new Error(`${name}: ${response.error.code}`), { body: response.error });
      return response.result as Output<N>;
    },
    /** Typed system call for jobs and tests; throws on an error response. */
    async invokeSystem<N extends MethodName>(name: N, input: unknown = {}) {
      const response = await gate.system(name, input);
      if (!response.ok) throw Object.assign(new Error(`${name}: ${response.error.code}`), { body: response.error });
      return response.result as Output<N>;
    },
    /** Whether the database answers a query (the server's health check). */
    database: (): Promise<'ok' | 'error'> => sql`select 1`.execute(db).then(() => 'ok' as const, () => 'error' as const),
    close: () => db.destroy(),
  };
}

export type App = Awaited<ReturnType<typeof openApp>>;
