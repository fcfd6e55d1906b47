import { sql } from 'kysely';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MethodName, Output } from '#shared/contract';
import { applyPendingRestore } from './backups/restore';
import { MIGRATIONS } from './db/migrations';
import { migrate } from './db/migrate';
import { openDatabase, type Db } from './db/open';
import { EventBus } from './events';
import { createAdmission, createGate, type Credentials } from './gate';
import { SOURCE_GUIDES_DIR } from './guides/pack-store';
import { handlers } from './handlers';
import { moveSigningKeyOut } from './uploads/identity';
import { reapplyErasures } from './logbook/privacy';
import { closeLog, logToStderr, openLog, type PointLog } from './log';
import { openPointKeys, privateDir, privateFile, type SecretWrapper } from './security/keys';

export const DATABASE_FILE = 'diem-ho-tro-so.sqlite3';

export interface AppOptions {
  dataDir: string;
  /** The bundled guide pack; the shells pass the built one, tests and development read the source. */
  guidesDir?: string;
  now?: () => Date;
  /** Unexpected errors also go here (the console by default; tests silence it). */
  log?: (message: string, error: unknown) => void;
  /** Which shell opened the app, for the log (`server`, `electron`, `test`). */
  shell?: string;
  /** The shell's way to seal secrets at rest (Electron's safeStorage); none in server mode. */
  secrets?: SecretWrapper | null;
}

/**
 * The application without a shell: the database opened and migrated, the gate, the event bus.
 * Electron's main process, the HTTP server and the tests all start here.
 */
export async function openApp(options: AppOptions) {
  mkdirSync(options.dataDir, { recursive: true });
  privateDir(options.dataDir);
  const log: PointLog = await openLog(options.dataDir, options.shell ?? 'core');
  const keys = openPointKeys(options.dataDir, options.secrets ?? null);
  // A restore staged by backups.restore replaces the file before anything opens it.
  const restored = await applyPendingRestore(options.dataDir, DATABASE_FILE);
  if (restored !== 'none')
    log.warn(
      { event: `backup.${restored === 'restored' ? 'restoreApplied' : 'restoreFailed'}` },
      'a staged restore was applied at start',
    );
  const now = options.now ?? (() => new Date());
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  // Created 0600 before SQLite opens it: its -wal and -shm files take the same mode.
  closeSync(openSync(databaseFile, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm']) privateFile(databaseFile + suffix);
  const db: Db = openDatabase(databaseFile);
  try {
    await migrate(db, MIGRATIONS);
    await moveSigningKeyOut(db, keys);
    // Whatever backup this database came from, what was erased stays erased.
    await reapplyErasures(db, options.dataDir, log);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const bus = new EventBus();
  const guidesDir = resolve(options.guidesDir ?? SOURCE_GUIDES_DIR);
  const report = options.log ?? logToStderr;
  const gate = createGate({
    db,
    bus,
    handlers,
    now,
    dataDir: options.dataDir,
    guidesDir,
    logger: log,
    log: (message, error) => {
      log.error({ event: 'gate.failed', err: error }, message);
      report(message, error);
    },
  });
  // After a restore, personal data past its retention goes at once, not at the next job run.
  if (restored === 'restored') await gate.system('logbook.purgeExpired', {});
  return {
    db,
    bus,
    /** For the transports (IPC, HTTP): the caller comes from the session. */
    call: gate.call,
    /** For the point's own jobs: the same road as the `system` caller. */
    system: gate.system,
    /** The app's clock (injectable in tests): jobs decide what is due by it. */
    now,
    log,
    keys,
    /** Before a shell reads a body: may this caller call this method at all? */
    admit: createAdmission({ db, now }),
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
    database: (): Promise<'ok' | 'error'> =>
      sql`select 1`.execute(db).then(
        () => 'ok' as const,
        () => 'error' as const,
      ),
    close: async () => {
      await db.destroy();
      await closeLog(log);
    },
  };
}

export type App = Awaited<ReturnType<typeof openApp>>;
