import { performance } from 'node:perf_hooks';
import { insertGeneratedEntries } from '#core/logbook/generate';
import { TEST_SETUP, openTestApp, signInAs } from '#core/testing';
import { cutBatch } from '#core/uploads/cut';
import { generateProvinceKeys } from '#province/keys';

const YEAR = '2026';
const MONTH_ENTRIES_PER_DAY = 40;

/**
 * `benchUploads`: building a month's batch at a busy point (from the real outbox and logbook tables), and the
 * commune's yearly report. The province's side (ingest, dashboard, PostgreSQL) is `province.ts`.
 */
export async function benchUploads(): Promise<Record<string, number>> {
  const province = generateProvinceKeys('bench province passphrase');
  const figures: Record<string, number> = {};

  // A month at a busy point, cut as one batch (a PC brought back after a month away).
  const app = await openTestApp({ now: () => new Date('2026-12-01T02:00:00.000Z') });
  try {
    const admin = await app.invoke('access.signIn', { memberId: 1, pin: TEST_SETUP.adminPin });
    const cred = { token: admin.token, device: 'staff' as const };
    await app.invoke('settings.update', { ...TEST_SETUP.point, communeCode: '23410' }, cred);
    await app.invoke('uploads.setProvince', { keyText: province.publicText }, cred);
    const members = [(await signInAs(app, 'team_leader')).memberId, (await signInAs(app, 'duty_member')).memberId];
    const entries = await insertGeneratedEntries(app.db, {
      seed: 52,
      endDay: '2026-11-30',
      days: 30,
      perDay: MONTH_ENTRIES_PER_DAY,
      memberIds: members,
      recordedBy: members[0]!,
    });
    const rows = await app.db.selectFrom('logbook_entry').select(['id', 'day']).execute();
    for (let i = 0; i < rows.length; i += 500) {
      await app.db
        .insertInto('outbox')
        .values(
          rows.slice(i, i + 500).map((r) => ({
            id: undefined,
            entity: 'logbook_entry',
            entity_id: r.id,
            version: 1,
            changed_at: `${r.day}T09:00:00.000Z`,
            day: r.day,
            batch_seq: null,
          })),
        )
        .execute();
    }
    const start = performance.now();
    const cut = await app.db.transaction().execute((trx) => cutBatch(trx, new Date('2026-12-01T02:00:00.000Z'), null));
    figures.batch_build_month_ms = Math.round(performance.now() - start);
    figures.batch_build_month_records = cut?.records ?? 0;
    figures.batch_build_month_entries_generated = entries;
    const content = await app.db.selectFrom('upload_batch').select('content').executeTakeFirstOrThrow();
    figures.batch_month_file_kib = Math.round(Buffer.byteLength(content.content) / 1024);

    // The commune's yearly report over a busy year (the rest of 2026 added to the month).
    await insertGeneratedEntries(app.db, {
      seed: 53,
      endDay: '2026-10-31',
      days: 304,
      perDay: MONTH_ENTRIES_PER_DAY,
      memberIds: members,
      recordedBy: members[0]!,
    });
    const reportStart = performance.now();
    const yearly = await app.invoke(
      'reports.get',
      { kind: 'year', key: YEAR },
      await signInAs(app, 'commune_official'),
    );
    figures.report_year_point_ms = Math.round(performance.now() - reportStart);
    figures.report_year_point_supports = yearly.report.supports.total;
  } finally {
    await app.cleanup();
  }

  return figures;
}
