import type { App } from './app';
import { dailyBackupJob } from './backups/job';
import { autoCloseJob, retentionJob } from './logbook/jobs';
import { startScheduler, type ScheduledJob, type Scheduler } from './scheduler';
import { deliveryJob, packJob } from './uploads/job';
import { logToStderr } from './log';

/**
 * What the point does by itself, in this order, each through the gate as the system caller:
 * back up first (before anything is erased or closed), erase personal data past its retention,
 * close the days nobody closed, pack the batches of closed days, then send what is due.
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  dailyBackupJob,
  retentionJob,
  autoCloseJob,
  packJob,
  deliveryJob,
];

/** Both shells call this once the app is open. */
export function startJobs(app: App, options: { log?: (message: string, error: unknown) => void } = {}): Scheduler {
  return startScheduler(app, SCHEDULED_JOBS, {
    log: (message, error) => {
      app.log.error({ event: 'job.failed', err: error }, message);
      (options.log ?? logToStderr)(message, error);
    },
  });
}
