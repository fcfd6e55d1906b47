import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { insertGeneratedEntries } from '../../electron/core/logbook/generate';
import { TEST_SETUP, openTestApp, signInAs } from '../../electron/core/testing';
import { cutBatch } from '../../electron/core/uploads/cut';
import { ingestMany } from '../../electron/province/ingest';
import { generateProvinceKeys } from '../../electron/province/keys';
import { enrolPoint } from '../../electron/province/registry';
import { provinceReport } from '../../electron/province/report';
import { openProvinceStore } from '../../electron/province/store';
import { generateYears, seededPoint } from './uploads-year';

const POINTS = Number(process.env.BENCH_UPLOADS_POINTS ?? 135);
const YEAR = '2026';
const MONTH_ENTRIES_PER_DAY = 40;

/**
 * `benchUploads` (BENCH_UPLOADS_POINTS=n for a quicker run): building a month's batch at a busy point (from the real outbox and logbook
 * tables), and ingesting a year of closing batches from all 135 points at the province.
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
    const entries = await insertGeneratedEntries(app.db, { seed: 52, endDay: '2026-11-30', days: 30, perDay: MONTH_ENTRIES_PER_DAY, memberIds: members, recordedBy: members[0]! });
    const rows = await app.db.selectFrom('logbook_entry').select(['id', 'day']).execute();
    for (let i = 0; i < rows.length; i += 500) {
      await app.db.insertInto('outbox').values(rows.slice(i, i + 500).map((r) => ({
        id: undefined, entity: 'logbook_entry', entity_id: r.id, version: 1, changed_at: `${r.day}T09:00:00.000Z`, day: r.day, batch_seq: null,
      }))).execute();
    }
    const start = performance.now();
    const cut = await app.db.transaction().execute((trx) => cutBatch(trx, new Date('2026-12-01T02:00:00.000Z'), null));
    figures.batch_build_month_ms = Math.round(performance.now() - start);
    figures.batch_build_month_records = cut?.records ?? 0;
    figures.batch_build_month_entries_generated = entries;
    const content = await app.db.selectFrom('upload_batch').select('content').executeTakeFirstOrThrow();
    figures.batch_month_file_kib = Math.round(Buffer.byteLength(content.content) / 1024);

    // The commune's yearly report over a busy year (the rest of 2026 added to the month).
    await insertGeneratedEntries(app.db, { seed: 53, endDay: '2026-10-31', days: 304, perDay: MONTH_ENTRIES_PER_DAY, memberIds: members, recordedBy: members[0]! });
    const reportStart = performance.now();
    const yearly = await app.invoke('reports.get', { kind: 'year', key: YEAR }, await signInAs(app, 'commune_official'));
    figures.report_year_point_ms = Math.round(performance.now() - reportStart);
    figures.report_year_point_supports = yearly.report.supports.total;
  } finally {
    await app.cleanup();
  }

  // A year from 135 points at the province: generation is not timed, only the ingest.
  const dir = mkdtempSync(join(tmpdir(), 'dhs-bench-province-'));
  const store = await openProvinceStore(join(dir, 'province.sqlite3'));
  try {
    const recipients = { categoriesKey: province.secret.encryptPublic, personalKey: province.secret.sealPublic! };
    for (let i = 0; i < POINTS; i++) await enrolPoint(store, { unit: seededPoint(i).communeName, fingerprint: seededPoint(i).fingerprint, by: 'bench', at: new Date() });
    // Sealing every record (HPKE) makes generating a year of 135 points slow: two worker threads
    // make it before the ingest is timed, so the timing is the ingest's alone.
    const genStart = performance.now();
    const years = await generateYears(POINTS, recipients);
    figures.province_generate_year_s = Math.round((performance.now() - genStart) / 100) / 10;
    let ingestMs = 0;
    let batches = 0;
    let refused = 0;
    for (let i = 0; i < POINTS; i++) {
      const year = years[i]!;
      const start = performance.now();
      const outcomes = await ingestMany(store, year.map((text, n) => ({ text, label: `${i}-${n}` })), province.secret, new Date(`${YEAR}-12-31T12:00:00.000Z`));
      refused += outcomes.filter((o) => o.status !== 'accepted').length;
      ingestMs += performance.now() - start;
      batches += year.length;
      years[i] = [];
    }
    figures.province_ingest_year_135_points_s = Math.round(ingestMs / 100) / 10;
    figures.province_ingest_batches = batches;
    figures.province_ingest_per_batch_ms = Math.round((ingestMs / batches) * 100) / 100;
    figures.province_ingest_refused = refused;
    const start = performance.now();
    await provinceReport(store, { kind: 'year', key: YEAR }, `${YEAR}-12-31`);
    figures.province_report_year_135_points_ms = Math.round(performance.now() - start);
  } finally {
    await store.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
