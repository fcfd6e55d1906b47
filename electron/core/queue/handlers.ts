import type { queueMethods } from '#shared/queue/contract';
import type { Handlers } from '../context';
import { audit } from '../settings/audit';
import { readPointRow } from '../settings/service';
import { boardView } from './board';
import { checkIn } from './checkin';
import { dismiss, finish, noShow, walkIn } from './close';
import { callNext, callTicket, closeDesk, deskView, openDesk, putBack, recall, start, transfer } from './desk';
import { queueFigures } from './figures';
import { openingNow } from './opening';
import { voidWaiting, waitingBySource } from './flood';
import { readQueueSettings, saveQueueSettings } from './settings';
import { loadTicket } from './tickets';
import { parseJsonColumn } from '../json';
import { localLanguagesColumn } from '../settings/columns';

const OK = { ok: true } as const;

export const queueHandlers: Handlers<typeof queueMethods> = {
  'queue.kiosk': async (ctx) => {
    const [point, s] = await Promise.all([readPointRow(ctx.db), readQueueSettings(ctx.db)]);
    return {
      pointName: point?.point_name ?? null,
      opening: point ? await openingNow(ctx.db, ctx.now()) : { open: false, opensAt: null },
      hours: point
        ? { openTime: point.open_time, closeTime: point.close_time, saturdayOpen: point.saturday_open === 1 }
        : null,
      localLanguages: point ? parseJsonColumn(localLanguagesColumn, point.local_languages) : [],
      ticketIdleSeconds: s.ticketIdleSeconds,
      choiceIdleSeconds: s.choiceIdleSeconds,
      receiptPrinter: s.receiptPrinter,
    };
  },
  'queue.checkIn': (ctx, input) => checkIn(ctx, input),
  'queue.waitingBySource': (ctx) => waitingBySource(ctx),
  'queue.voidWaiting': async (ctx, input) => ({ voided: await voidWaiting(ctx, input.source, input.since) }),
  'queue.board': (ctx) => boardView(ctx.db, ctx.now()),
  'queue.desk': (ctx) => deskView(ctx),
  'queue.openDesk': async (ctx, input) => (await openDesk(ctx, input), OK),
  'queue.closeDesk': async (ctx) => (await closeDesk(ctx), OK),
  'queue.callNext': (ctx) => callNext(ctx),
  'queue.callTicket': (ctx, { ticketId }) => callTicket(ctx, ticketId),
  'queue.recall': (ctx, { ticketId }) => recall(ctx, ticketId),
  'queue.start': (ctx, { ticketId }) => start(ctx, ticketId),
  'queue.noShow': (ctx, { ticketId }) => noShow(ctx, ticketId),
  'queue.putBack': (ctx, { ticketId }) => putBack(ctx, ticketId),
  'queue.transfer': (ctx, input) => transfer(ctx, input),
  'queue.walkIn': (ctx, input) => walkIn(ctx, input),
  'queue.finish': (ctx, { ticketId, outcome, procedure }) => finish(ctx, ticketId, { outcome, procedure }),
  'queue.dismiss': async (ctx, { ticketIds }) => {
    const dismissed = await dismiss(ctx, ticketIds);
    await audit(ctx, 'queue.dismiss', { ticketIds });
    return { dismissed };
  },
  'queue.ticket': (ctx, { ticketId }) => loadTicket(ctx.db, ticketId),
  'queue.settings': (ctx) => readQueueSettings(ctx.db),
  'queue.updateSettings': async (ctx, input) => {
    await saveQueueSettings(ctx, input);
    await audit(ctx, 'queue.settings', input);
    ctx.emit('queue.changed', {});
    return OK;
  },
  'queue.figures': (ctx, { from, to }) => queueFigures(ctx.db, from, to),
};
