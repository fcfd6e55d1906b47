import { AppError } from '../../../shared/contract';
import type { logbookMethods } from '../../../shared/logbook/contract';
import { vnDay } from '../../../shared/time/vietnam';
import type { Handlers } from '../context';
import { audit } from '../settings/audit';
import { correctEntry, createEntry, getEntry } from './entries';
import { exportEntries } from './exports';
import { truncateWal } from '../db/open';
import { eraseOnRequest, findPerson, purgeExpiredPersonalData, retentionMonths } from './privacy';
import { dayBook, listEntries } from './queries';
import { isDayClosed } from './records';
import { prefillFromTicket } from './tickets';

export const logbookHandlers: Handlers<typeof logbookMethods> = {
  'logbook.prefill': (ctx, input) => prefillFromTicket(ctx, input.ticketId),
  'logbook.create': (ctx, input) => createEntry(ctx, input.entry),
  'logbook.correct': (ctx, input) => correctEntry(ctx, input),
  'logbook.get': (ctx, input) => getEntry(ctx, input.id),
  'logbook.list': (ctx, input) => listEntries(ctx.db, input.filter, input.page, input.pageSize),
  'logbook.export': (ctx, input) => exportEntries(ctx.db, input.filter, input.format),
  'logbook.day': (ctx, input) => dayBook(ctx.db, input.day),
  'logbook.closeDay': async (ctx, input) => {
    if (input.day > vnDay(ctx.now())) throw new AppError('invalid_input', {}, { day: 'logbook:problems.future' });
    if (await isDayClosed(ctx.db, input.day)) throw new AppError('invalid_input', {}, { day: 'logbook:problems.alreadyClosed' });
    await ctx.db.insertInto('logbook_day_close').values({ day: input.day, closed_at: ctx.now().toISOString(), closed_by: ctx.caller.memberId }).execute();
    await audit(ctx, 'logbook.closeDay', { day: input.day });
    ctx.emit('logbook.changed', { day: input.day });
    return { ok: true };
  },
  'logbook.findPerson': (ctx, input) => findPerson(ctx, input.query),
  'logbook.erase': async (ctx, input) => ({ erased: await eraseOnRequest(ctx, input.ids, input.reason) }),
  'logbook.settings.get': async (ctx) => ({ retentionMonths: await retentionMonths(ctx.db) }),
  'logbook.settings.update': async (ctx, input) => {
    await ctx.db.updateTable('logbook_setting').set({ retention_months: input.retentionMonths }).where('id', '=', 1).execute();
    await audit(ctx, 'logbook.settings.update', { retentionMonths: input.retentionMonths });
    return { ok: true };
  },
  'logbook.purgeNow': async (ctx) => {
    const erased = await purgeExpiredPersonalData(ctx.db, ctx.now(), ctx.caller.memberId);
    if (erased) {
      ctx.log.info({ event: 'logbook.retentionPurge', erased, by: ctx.caller.memberId }, 'retention purge on demand');
      ctx.afterCommit((db) => truncateWal(db));
      ctx.emit('logbook.changed', {});
    }
    return { erased };
  },
};
