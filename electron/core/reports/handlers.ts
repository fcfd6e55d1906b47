import type { reportsMethods } from '#shared/reports/contract';
import { vnDay } from '#shared/time/vietnam';
import type { Handlers } from '../context';
import { readDocumentSettings, saveDocumentSettings } from './documents';
import { pointReport, reportHeading } from './service';
import { reportWorkbook } from './xlsx';

export const reportsHandlers: Handlers<typeof reportsMethods> = {
  'reports.get': async (ctx, input) => ({
    report: await pointReport(ctx.db, input, ctx.now()),
    ...(await reportHeading(ctx.db)),
    today: vnDay(ctx.now()),
    document: await readDocumentSettings(ctx.db),
  }),
  'reports.export': async (ctx, input) => {
    const heading = await reportHeading(ctx.db);
    return reportWorkbook(await pointReport(ctx.db, input, ctx.now()), heading.communeName);
  },
  'reports.documentSettings': (ctx) => readDocumentSettings(ctx.db),
  'reports.updateDocumentSettings': async (ctx, input) => {
    await saveDocumentSettings(ctx, input);
    ctx.emit('settings.changed', {});
    return { ok: true };
  },
};
