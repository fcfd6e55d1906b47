import type { App } from './app';
import { runDailyBackup } from './backups/service';
import { purgeExpiredPersonalData } from './logbook/privacy';
import { startScheduler, type ScheduledJob, type Scheduler } from './scheduler';
import { uploadsJob } from './uploads/job';
import { logToStderr } from './log';

/**
 * What the point does by itself, in this order: back up first (before anything is erased or
 * closed), erase personal data past its retention, then close due days into batches and send.
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  { name: 'daily-backup', run: (app, now) => runDailyBackup(app.db, app.dataDir, now) },
  { name: 'logbook-retention', run: (app, now) => purgeExpiredPersonalData(app.db, now) },
  uploadsJob,
];

/** Both shells call this once the app is open. */
export function startJobs(app: App, options: { log?: (message: string, error: unknown) => void } = {}): Scheduler {
  return startScheduler(app, SCHEDULED_JOBS, { now: app.now, log: options.log ?? logToStderr });
}
