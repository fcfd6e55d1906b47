import { performance } from 'node:perf_hooks';
import { insertGeneratedEntries } from '#core/logbook/generate';
import { openTestApp, signInAs } from '#core/testing';
import { addDays } from '#shared/time/vietnam';

const END_DAY = '2026-11-25';
const YEARS = 5;

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}

/**
 * The daily book and a month's list over five years of one point's data (≥150,000 entries),
 * measured through the gate as the screens call them.
 */
export async function benchLogbook(): Promise<Record<string, number>> {
  const app = await openTestApp({ now: () => new Date(`${END_DAY}T09:00:00.000Z`) });
  try {
    const staff = await signInAs(app, 'team_leader', { fullName: 'Bench Leader' });
    const memberIds = [staff.memberId];
    for (let i = 0; i < 16; i++)
      memberIds.push((await signInAs(app, 'duty_member', { fullName: `Member ${i}` })).memberId);

    const startInsert = performance.now();
    const entries = await insertGeneratedEntries(app.db, {
      seed: 52,
      endDay: END_DAY,
      days: YEARS * 365 + 1,
      perDay: 115,
      memberIds,
      recordedBy: staff.memberId,
    });
    const insertMs = performance.now() - startInsert;

    const day = addDays(END_DAY, -1);
    const month = { from: '2026-10-01', to: '2026-10-31' };
    const call = (method: Parameters<typeof app.invoke>[0], input: unknown) => app.invoke(method, input, staff);
    const book = await app.invoke('logbook.day', { day }, staff);
    const list = await app.invoke('logbook.list', { filter: month, page: 1, pageSize: 50 }, staff);
    const figures: Record<string, number> = {
      logbook_entries: entries,
      logbook_generate_insert_s: Math.round(insertMs / 100) / 10,
      logbook_day_book_entries: book.rows.length,
      logbook_day_book_ms: await median(7, () => call('logbook.day', { day })),
      logbook_month_entries: list.total,
      logbook_month_list_page1_ms: await median(7, () =>
        call('logbook.list', { filter: month, page: 1, pageSize: 50 }),
      ),
      logbook_month_list_last_page_ms: await median(7, () =>
        call('logbook.list', { filter: month, page: Math.ceil(list.total / 50), pageSize: 50 }),
      ),
      logbook_month_list_by_help_kind_ms: await median(7, () =>
        call('logbook.list', { filter: { ...month, helpKind: 'payment' }, page: 1, pageSize: 50 }),
      ),
      logbook_month_list_by_member_ms: await median(7, () =>
        call('logbook.list', { filter: { ...month, memberId: memberIds[3] }, page: 1, pageSize: 50 }),
      ),
      logbook_five_years_list_by_outcome_ms: await median(3, () =>
        call('logbook.list', {
          filter: { from: '2021-01-01', to: END_DAY, outcome: 'referred' },
          page: 1,
          pageSize: 50,
        }),
      ),
      logbook_month_export_xlsx_ms: await median(3, () => call('logbook.export', { filter: month, format: 'xlsx' })),
      logbook_find_by_phone_ms: await median(5, () => app.invoke('logbook.findPerson', { query: '0912' }, staff)),
    };
    const startPurge = performance.now();
    figures.logbook_retention_purge_erased = (await app.invokeSystem('logbook.purgeExpired')).erased;
    figures.logbook_retention_purge_ms = Math.round(performance.now() - startPurge);
    figures.logbook_day_book_after_purge_ms = await median(7, () => call('logbook.day', { day }));
    return figures;
  } finally {
    await app.cleanup();
  }
}
