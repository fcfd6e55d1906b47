import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE_STORES } from '#test/support/province-stores';
import { ingestMany } from '../ingest';
import { generateProvinceKeys } from '../keys';
import { type ProvinceReport, provinceReport } from '../report';
import { buildOverview, buildReport } from './dashboard';
import { closingBatch, enrolFixture, fixturePoint, workingDayBatches } from './hub-fixture';
import { hubStoreOf, type HubDb } from './hub-store';

/**
 * The same batches, taken in by a SQLite store and a PostgreSQL one, give the same overview,
 * printed report and province report, to the number: the read side's grouped queries (one per
 * table, records packed per point) are written once for both.
 */
const province = generateProvinceKeys('a passphrase long enough');
const NOW = new Date('2026-11-20T03:00:00.000Z');
const at = (day: string) => new Date(`${day}T09:00:00.000Z`);
/** Each store's fixture points have keys of their own (random): everything but those must agree. */
const comparable = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === 'pointId' || key === 'fingerprint' ? '(own key)' : v)));

describe('SQLite and PostgreSQL agree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dhs-stores-agree-'));
  const stores: HubDb[] = [];
  beforeAll(async () => {
    for (const kind of PROVINCE_STORES) {
      // Each store gets the same points afresh (a fixture point keeps its chain as it signs).
      const points = ['Xã Ia Grai', 'Xã Chư Păh', 'Phường Pleiku', 'Xã Kbang'].map(fixturePoint);
      const db = hubStoreOf(await kind.open(dir));
      for (const p of points) await enrolFixture(db, p);
      for (const [i, p] of points.entries()) {
        // Different rhythms: every day, a silent end, a late week, a gap with a batch held behind it.
        const to = i === 1 ? '2026-10-14' : '2026-11-19';
        for (const b of workingDayBatches(p, province.secret, '2026-09-01', to, i + 1)) {
          if (i === 3 && b.day === '2026-11-10') continue;
          const late = i === 2 && b.day >= '2026-10-05' && b.day <= '2026-10-09';
          await ingestMany(db, [{ text: b.text, label: b.day }], province.secret, late ? at('2026-10-20') : at(b.day));
        }
      }
      await ingestMany(
        db,
        [{ text: closingBatch(fixturePoint('Xã Kông Chro'), province.secret, '2026-11-18', 1), label: 'stranger' }],
        province.secret,
        at('2026-11-18'),
      );
      stores.push(db);
    }
  }, 120_000);
  afterAll(async () => {
    for (const db of stores) await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['2026-11', '2026-Q4', '2026'])(
    'for %s: the overview, the printed report and the province report',
    async (period) => {
      const [sqlite, postgres] = await Promise.all(
        stores.map(async (db) => {
          const report = await buildReport(db, { period }, NOW);
          const kind = period.length === 4 ? 'year' : period.includes('Q') ? 'quarter' : 'month';
          const full = await provinceReport(db, { kind, key: period }, '2026-11-19');
          return comparable({ overview: await buildOverview(db, { period }, NOW), report, full });
        }),
      );
      expect(postgres).toEqual(sqlite);
      expect(sqlite.report.province.supports.total).toBeGreaterThan(0);
      const kbang = sqlite.full.points.find((p: { unitName: string }) => p.unitName === 'Xã Kbang');
      expect(kbang.gap.missing).toHaveLength(1);
      expect(sqlite.full.unknownSenders).toHaveLength(1);
      // The overview's grouped counts equal the measures worked out record by record.
      const { totals, units } = sqlite.overview as Awaited<ReturnType<typeof buildOverview>>;
      const measured = sqlite.full.province as ProvinceReport['province'];
      expect(totals).toMatchObject({
        supports: measured.supports.total,
        applications: measured.applications.total,
        fullyOnline: measured.applications.fullyOnline,
      });
      // A unit not heard from in the period shows no figure (null) where the measures count 0.
      for (const p of sqlite.full.points as ProvinceReport['points']) {
        const row = units.find((u) => u.name === p.unitName)!;
        expect([row.supports ?? 0, row.applications ?? 0], p.unitName ?? '').toEqual([
          p.report.supports.total,
          p.report.applications.total,
        ]);
      }
    },
  );
});
