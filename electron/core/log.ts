import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import roll from 'pino-roll';

/** The point's rotating log (pino), for security events and what a technician needs. */
export type PointLog = Logger;
export const LOG_DIR = 'logs';
/** Ten files of 2 MiB: months of a point's events, and a folder a technician can e-mail. */
const LOG_FILE_BYTES = '2m';
const LOG_FILES_KEPT = 9;

/**
 * Fields that could carry a citizen's or a member's personal data, or a secret, never reach the
 * log even if a caller passes them by mistake: the log is for a technician, not a copy of the data.
 */
const REDACT = [
  'pin',
  'newPin',
  'currentPin',
  'adminPin',
  'passphrase',
  'token',
  'name',
  'fullName',
  'phone',
  'base64',
  'keyText',
].flatMap((key) => [key, `*.${key}`]);

/**
 * The point's rotating log in `<data>/logs` (JSON lines, one per event), shared by the gate,
 * the jobs and the shell that opened the app. Security events carry `event: '…'` and ids only.
 */
export async function openLog(dataDir: string, shell: string): Promise<PointLog> {
  const dir = join(dataDir, LOG_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
  const stream = await roll({
    file: join(dir, 'diem-ho-tro-so'),
    extension: '.log',
    size: LOG_FILE_BYTES,
    mode: 0o600,
    limit: { count: LOG_FILES_KEPT, removeOtherLogFiles: true },
  });
  const log = pino(
    { base: { shell }, redact: { paths: REDACT, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime },
    stream,
  );
  streams.set(log, stream);
  return log;
}

const streams = new WeakMap<PointLog, { end(): void; once(event: 'close' | 'finish', listener: () => void): void }>();

/** Everything written so far on disk, and the file closed (the app is closing). */
export function closeLog(log: PointLog): Promise<void> {
  const stream = streams.get(log);
  if (!stream) return Promise.resolve();
  streams.delete(log);
  return new Promise((resolve) =>
    log.flush(() => {
      stream.once('close', () => resolve());
      stream.end();
    }),
  );
}

/** How the core reports an error it survives; a shell may pass its own. */
export type Log = (message: string, error: unknown) => void;

/** The one place the core writes to the console: standard error, which both shells keep. */
export const logToStderr: Log = (message, error) => console.error(message, error);
