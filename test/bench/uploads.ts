import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { insertGeneratedEntries } from '../../electron/core/logbook/generate';
import { TEST_SETUP, openTestApp, signInAs } from '../../electron/core/testing';
import { fingerprint, privateKeyFromSeed, rawPublicKey } from '../../electron/core/crypto/signing';
import { cutBatch } from '../../electron/core/uploads/cut';
import { packageBatch } from '../../electron/core/uploads/package';
import { ingestMany } from '../../electron/province/ingest';
import { generateProvinceKeys } from '../../electron/province/keys';
import { enrolPoint } from '../../electron/province/registry';
import { GIA_LAI_UNITS } from '../../shared/settings/communes';
import { provinceReport } from '../../electron/province/report';
import { openProvinceStore } from '../../electron/province/store';
import { seededRandom as seeded } from '../../shared/random/seeded';
import { workingDaysBetween } from '../../shared/reports/calendar';
import { RECORD_ENTITIES, ZERO_HASH } from '../../shared/uploads/batch';

const POINTS = Number(process.env.BENCH_UPLOADS_POINTS ?? 135);
const YEAR = '2026';
const SUPPORTS_PER_DAY = 8;
const MONTH_ENTRIES_PER_DAY = 40;

/** A point's Ed25519 key made from a seed: same key every run. Point i is the unit i of the 135. */
function seededPoint(i: number) {
  const seed = createHash('sha256').update(`bench-point-${i}`).digest();
  const privateKey = privateKeyFromSeed('Ed25519', seed);
  const signPublic = rawPublicKey(privateKey);
  const h = seed.toString('hex');
  return {
    id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`,
    communeName: GIA_LAI_UNITS[i % GIA_LAI_UNITS.length]!.name, communeCode: null,
    signPublic, fingerprint: fingerprint(signPublic), signPrivatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** One point's year of closing batches, one per working day, generated deterministically. */
function* pointYear(i: number, recipients: { categoriesKey: string; personalKey: string }) {
  const point = seededPoint(i);
  const random = seeded(1000 + i);
  const kinds = ['dvc', 'vneid', 'payment', 'smartphone'];
  const outcomes = ['filed_online', 'filed_with_help', 'guided_only', 'referred', 'not_completed'];
  let prev = ZERO_HASH;
  let seq = 0;
  let ref = 0;
  for (const day of workingDaysBetween(`${YEAR}-01-01`, `${YEAR}-12-31`, false, [])) {
    seq++;
    const items = Array.from({ length: SUPPORTS_PER_DAY }, () => ({
      entity: 'logbook_entry', ref: `logbook_entry:${++ref}`, version: 1, supersedes: null, day, late: false, state: 'recorded' as const,
      clear: { helpKinds: [kinds[Math.floor(random() * kinds.length)]], procedure: 'birth', outcome: outcomes[Math.floor(random() * outcomes.length)], channel: 'support_point', obstacles: [] },
      personal: { fullName: null, phone: null, ageBand: '35_59' }, categories: { priorityGroups: random() < 0.2 ? ['elderly'] : [] },
    }));
    const totals = Object.fromEntries(RECORD_ENTITIES.map((e) => [e, e === 'logbook_entry' ? SUPPORTS_PER_DAY : 0]));
    const batch = packageBatch({
      point, recipients, seq, prev, createdAt: `${day}T10:05:00.000Z`, kind: 'closing', items, keyChange: null,
      days: [{ day, closed: { at: `${day}T10:00:00.000Z`, by: 'official' }, totals }],
    });
    prev = batch.hash;
    yield batch.text;
  }
}

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
    let ingestMs = 0;
    let batches = 0;
    let refused = 0;
    for (let i = 0; i < POINTS; i++) {
      const year = [...pointYear(i, recipients)];
      const start = performance.now();
      const outcomes = await ingestMany(store, year.map((text, n) => ({ text, label: `${i}-${n}` })), province.secret, new Date(`${YEAR}-12-31T12:00:00.000Z`));
      refused += outcomes.filter((o) => o.status !== 'accepted').length;
      ingestMs += performance.now() - start;
      batches += year.length;
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
