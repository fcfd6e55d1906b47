import type { ScheduledJob } from '../scheduler';
import { deliver, type Attempt } from './send';

/** Catch up the closing batches of days closed while the point could not pack (no commune code or key yet). */
export const packJob: ScheduledJob = {
  name: 'uploads-pack',
  run: (job) => job.system('uploads.packClosedDays', {}),
};

/**
 * Post what is due to the province when an address is set. The round trips happen here, outside
 * any transaction (a slow network must not hold the desk); each answer is recorded through the gate.
 */
export const deliveryJob: ScheduledJob = {
  name: 'uploads-delivery',
  run: (job) =>
    deliver({
      due: () => job.system('uploads.deliveryDue', {}),
      record: async (seq: number, attempt: Attempt) =>
        (await job.system('uploads.recordDelivery', { seq, attempt })).error,
    }),
};
