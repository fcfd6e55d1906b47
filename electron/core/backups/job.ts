import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ScheduledJob } from '../scheduler';
import { backupsDir, copyStoredBackup, dailyBackupName } from './service';

/**
 * Today's automatic backup. The copy is made here, outside any transaction, on purpose:
 * VACUUM INTO reads one snapshot on a second, read-only connection for seconds, and inside a
 * method's transaction every desk action would wait on the point's one connection. What it
 * did is then recorded through the gate (`backups.recordDaily`).
 */
export const dailyBackupJob: ScheduledJob = {
  name: 'daily-backup',
  async run(job) {
    const now = job.now();
    const file = dailyBackupName(now);
    const target = join(backupsDir(job.dataDir), file);
    let made: { file: string; bytes: number } | null = null;
    let error: string | null = null;
    if (!existsSync(target)) {
      try {
        // With its MAC beside it: a copy without one is never restored.
        made = { file, bytes: await copyStoredBackup(job.dataDir, job.databaseFile, target) };
      } catch (failure) {
        error = String((failure as Error).message ?? failure).slice(0, 2000);
      }
    }
    const result = await job.system('backups.recordDaily', { made, error });
    // Recorded for the admin's screen; thrown too so the scheduler's log says so.
    if (error) throw new Error(`daily backup failed: ${error}`);
    return result;
  },
};
