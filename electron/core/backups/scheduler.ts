import type { Db } from '../db/open';
import { runDailyBackup } from './service';

export interface BackupScheduler {
  /** Run the daily check now (tests, or "the PC just woke up"). */
  runNow(): Promise<void>;
  stop(): void;
}

/**
 * The automatic daily backup, for both shells: a check shortly after start and then every half
 * hour; the first check of a new (Vietnam) day makes that day's backup. A PC that is off at any
 * fixed hour still gets its backup the next time it runs. Timers are unref'd: they never keep a
 * process alive.
 */
export function startBackupScheduler(
  app: { db: Db; dataDir: string },
  options: { now?: () => Date; log?: (message: string, error: unknown) => void; firstDelayMs?: number; everyMs?: number } = {},
): BackupScheduler {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const runNow = () => {
    running ??= runDailyBackup(app.db, app.dataDir, now())
      .then(() => undefined, (error) => options.log?.('automatic backup failed', error))
      .finally(() => (running = null));
    return running;
  };
  const first = setTimeout(() => void runNow(), options.firstDelayMs ?? 60_000);
  const every = setInterval(() => void runNow(), options.everyMs ?? 30 * 60_000);
  first.unref();
  every.unref();
  return {
    runNow,
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
