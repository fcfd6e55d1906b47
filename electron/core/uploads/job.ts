import type { ScheduledJob } from '../scheduler';
import { runClosing } from './cut';
import { sendDue } from './send';

/**
 * For the lead's scheduler: close every due working day (catching up days the PC was off), then
 * post what is due to the province when an address is set. Idempotent, decided from the database.
 */
export const uploadsJob: ScheduledJob = {
  name: 'uploads',
  async run(app, now) {
    const cut = await runClosing(app.db, now);
    const sent = await sendDue(app.db, () => now);
    if (cut.length || sent.acknowledged.length || sent.failed) app.bus.publish({ name: 'uploads.changed', payload: {} });
    return { cut, sent };
  },
};
