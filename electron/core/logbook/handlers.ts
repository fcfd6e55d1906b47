import type { logbookMethods } from '#shared/logbook/contract';
import type { Handlers } from '../context';
import { audit } from '../settings/audit';
import { packClosedDays } from '../uploads/cut';
import { acknowledgeAutoCloses, autoCloseDueDays, closeDay, openItems, unseenAutoCloses } from './day-close';
import { correctEntry, createEntry, getEntry, refineEntry } from './entries';
import { exportEntries } from './exports';
import { eraseOnRequest, findPerson, purgeExpired, retentionMonths } from './privacy';
import { dayBook, listEntries } from './queries';
import { prefillFromTicket } from './tickets';

export const logbookHandlers: Handlers<typeof logbookMethods> = {
  'logbook.prefill': (ctx, input) => prefillFromTicket(ctx, input.ticketId),
  'logbook.create': (ctx, input) => createEntry(ctx, input.entry),
  'logbook.correct': (ctx, input) => correctEntry(ctx, input),
  'logbook.refine': (ctx, input) => refineEntry(ctx, input),
  'logbook.get': (ctx, input) => getEntry(ctx, input.id),
  'logbook.list': (ctx, input) => listEntries(ctx.db, input.filter, input.page, input.pageSize),
  'logbook.export': (ctx, input) => exportEntries(ctx.db, input.filter, input.format),
  'logbook.day': (ctx, input) => dayBook(ctx.db, input.day),
  'logbook.openItems': (ctx, input) => openItems(ctx.db, input.day),
  'logbook.closeDay': async (ctx, input) => {
    await closeDay(ctx, input);
    // The day's batch follows the official's close, in the same act (when the point is ready to pack).
    const packed = await packClosedDays(ctx);
    return { ok: true, batchSeq: packed.find((b) => b.closesDays.includes(input.day))?.seq ?? null };
  },
  'logbook.autoCloses': (ctx) => unseenAutoCloses(ctx.db),
  'logbook.acknowledgeAutoCloses': async (ctx, input) => ({
    acknowledged: await acknowledgeAutoCloses(ctx, input.days),
  }),
  'logbook.closeDueDays': async (ctx) => ({ closed: await autoCloseDueDays(ctx) }),
  'logbook.purgeExpired': (ctx) => purgeExpired(ctx),
  'logbook.findPerson': (ctx, input) => findPerson(ctx, input.query),
  'logbook.erase': async (ctx, input) => ({ erased: await eraseOnRequest(ctx, input.ids, input.reason) }),
  'logbook.settings.get': async (ctx) => ({ retentionMonths: await retentionMonths(ctx.db) }),
  'logbook.settings.update': async (ctx, input) => {
    await ctx.db
      .updateTable('logbook_setting')
      .set({ retention_months: input.retentionMonths })
      .where('id', '=', 1)
      .execute();
    await audit(ctx, 'logbook.settings.update', { retentionMonths: input.retentionMonths });
    return { ok: true };
  },
  'logbook.purgeNow': async (ctx) => {
    const purged = await purgeExpired(ctx);
    if (purged.erased) await audit(ctx, 'logbook.retentionPurge', purged);
    return { erased: purged.erased };
  },
};
