import type { ScheduledJob } from '../scheduler';

/** Personal data past its retention period is erased (after the day's backup). */
export const retentionJob: ScheduledJob = {
  name: 'logbook-retention',
  run: (job) => job.system('logbook.purgeExpired', {}),
};

/** A working day nobody closed is closed by the point the next working morning, and marked so. */
export const autoCloseJob: ScheduledJob = {
  name: 'logbook-auto-close',
  run: (job) => job.system('logbook.closeDueDays', {}),
};
