import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkReceipt } from '#core/uploads/verify';
import { ingestMany } from '#province/ingest';
import { generateProvinceKeys, type ProvinceSecret } from '#province/keys';
import { unitOverview } from '#province/overview';
import { enrolledPoint, enrolPoint } from '#province/registry';
import { provinceReport } from '#province/report';
import { serveProvince } from '#province/serve';
import { openProvinceStore, type ProvinceDb } from '#province/store';
import { freshDatabase, startPostgres } from '../support/postgres';
import { generateYears, rehearsalUnit, seededPoint } from './uploads-year';

/**
 * `benchProvince`: the province hub's figures on SQLite and on PostgreSQL (a throw-away cluster
 * with its durable defaults): a year of closing batches from the 135 points ingested, the
 * dashboard's first answer over it, the 135 points' closing batches posted at the same moment,
 * and a nationwide rehearsal (3,321 communes × a month) on PostgreSQL.
 * BENCH_PROVINCE_POINTS (135) and BENCH_NATION_UNITS (3321; 0 skips it) make it smaller.
 */
const POINTS = Number(process.env.BENCH_PROVINCE_POINTS ?? process.env.BENCH_UPLOADS_POINTS ?? 135);
const NATION = Number(process.env.BENCH_NATION_UNITS ?? 3321);
const YEAR = '2026';
const round1 = (ms: number) => Math.round(ms / 100) / 10;
const log = (line: string) => process.stderr.write(`[bench province] ${line}\n`);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function enrolBench(store: ProvinceDb, points: number): Promise<void> {
  for (let i = 0; i < points; i++)
    await enrolPoint(store, {
      unit: seededPoint(i).communeName,
      fingerprint: seededPoint(i).fingerprint,
      by: 'bench',
      at: new Date(),
    });
}

/** Each point's year, one transaction per point (a year's files from a USB stick each). */
async function ingestYears(store: ProvinceDb, years: string[][], secret: ProvinceSecret) {
  let ms = 0;
  let refused = 0;
  for (let i = 0; i < years.length; i++) {
    const [outcomes, t] = await timed(() =>
      ingestMany(
        store,
        years[i]!.map((text, n) => ({ text, label: `${i}-${n}` })),
        secret,
        new Date(`${YEAR}-12-31T12:00:00.000Z`),
      ),
    );
    ms += t;
    refused += outcomes.filter((o) => o.status !== 'accepted').length;
  }
  return { ms, refused, batches: years.reduce((n, y) => n + y.length, 0) };
}

/** Every point posts its closing batch at once over HTTP; how many receipts came back, and how long the last took. */
async function closingMinute(
  store: ProvinceDb,
  firsts: { text: string; id: string; hash: string }[],
  secret: ProvinceSecret,
) {
  const server = serveProvince(store, secret, () => new Date(`${YEAR}-01-01T10:30:00.000Z`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/batches`;
  try {
    const [answers, ms] = await timed(() =>
      Promise.all(
        firsts.map(async (f) => {
          const res = await fetch(url, { method: 'POST', body: f.text });
          const body = (await res.json()) as { receipt?: unknown };
          return (
            res.status === 201 &&
            checkReceipt(body.receipt, secret.signPublic, { pointId: f.id, seq: 1, hash: f.hash }) !== null
          );
        }),
      ),
    );
    const stored = await store
      .selectFrom('batch')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { receipts: answers.filter(Boolean).length, stored: Number(stored.n), ms };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The dashboard's first answer: the overview of December over the year, on a store just opened. */
async function firstOverview(location: string) {
  const store = await openProvinceStore(location);
  try {
    const [overview, ms] = await timed(() => unitOverview(store, { month: `${YEAR}-12`, until: `${YEAR}-12-31` }));
    const [, again] = await timed(() => unitOverview(store, { month: `${YEAR}-12`, until: `${YEAR}-12-31` }));
    return { ms, again, reporting: overview.units.filter((u) => u.lastBatch).length };
  } finally {
    await store.destroy();
  }
}

export async function benchProvince(): Promise<Record<string, number>> {
  const province = generateProvinceKeys('bench province passphrase');
  const secret = province.secret;
  const recipients = { categoriesKey: secret.encryptPublic, personalKey: secret.sealPublic! };
  const figures: Record<string, number> = {};
  const dir = mkdtempSync(join(tmpdir(), 'dhs-bench-province-'));
  const cluster = await startPostgres({ durable: true });
  try {
    // Sealing every record (HPKE) makes a year of 135 points slow to make: two child processes
    // make it before anything is timed.
    const [years, genMs] = await timed(() => generateYears(POINTS, recipients));
    figures.province_generate_year_s = round1(genMs);
    const firsts = years.map((y, i) => ({ text: y[0]!, id: seededPoint(i).id, hash: hashOf(y[0]!) }));

    for (const [name, location] of [
      ['sqlite', join(dir, 'province.sqlite3')],
      ['pg', await freshDatabase(cluster.url, 'year')],
    ] as const) {
      const store = await openProvinceStore(location);
      try {
        await enrolBench(store, POINTS);
        const run = await ingestYears(store, years, secret);
        figures[`province_${name}_ingest_year_s`] = round1(run.ms);
        figures[`province_${name}_ingest_per_batch_ms`] = Math.round((run.ms / run.batches) * 1000) / 1000;
        figures[`province_${name}_ingest_refused`] = run.refused;
        figures.province_ingest_batches = run.batches;
        const [, reportMs] = await timed(() => provinceReport(store, { kind: 'year', key: YEAR }, `${YEAR}-12-31`));
        figures[`province_${name}_report_year_ms`] = Math.round(reportMs);
      } finally {
        await store.destroy();
      }
      const first = await firstOverview(location);
      figures[`province_${name}_overview_first_ms`] = Math.round(first.ms);
      figures[`province_${name}_overview_again_ms`] = Math.round(first.again);
      figures[`province_${name}_overview_units_reporting`] = first.reporting;
      log(`${name}: year ingested, overview ${Math.round(first.ms)} ms`);
    }

    for (const [name, location] of [
      ['sqlite', join(dir, 'minute.sqlite3')],
      ['pg', await freshDatabase(cluster.url, 'minute')],
    ] as const) {
      const store = await openProvinceStore(location);
      try {
        await enrolBench(store, POINTS);
        const minute = await closingMinute(store, firsts, secret);
        figures[`province_${name}_closing_minute_receipts`] = minute.receipts;
        figures[`province_${name}_closing_minute_stored`] = minute.stored;
        figures[`province_${name}_closing_minute_ms`] = Math.round(minute.ms);
      } finally {
        await store.destroy();
      }
    }
    years.length = 0;
    if (NATION > 0) Object.assign(figures, await rehearsal(cluster.url, secret, recipients));
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** The batch hash a receipt names: sha256 of the signed bytes (the batch's place in the canonical file). */
const hashOf = (text: string) =>
  createHash('sha256')
    .update(text.slice('{"batch":'.length, text.lastIndexOf(',"signature":')))
    .digest('hex');

/**
 * The nationwide rehearsal on PostgreSQL: NATION made-up units (the country's 3,321 communes
 * and wards after 2025), each with a point and a month (November) of closing batches, ingested
 * 50 points to a transaction; then the overview (what the ranking is computed from) over them.
 */
async function rehearsal(
  clusterUrl: string,
  secret: ProvinceSecret,
  recipients: { categoriesKey: string; personalKey: string },
) {
  const figures: Record<string, number> = { province_nation_units: NATION };
  const [months, genMs] = await timed(() =>
    generateYears(NATION, recipients, {
      from: `${YEAR}-11-01`,
      to: `${YEAR}-11-30`,
      sealPersonal: false,
      rehearsal: true,
    }),
  );
  figures.province_nation_generate_s = round1(genMs);
  const location = await freshDatabase(clusterUrl, 'nation');
  const store = await openProvinceStore(location);
  try {
    // The rehearsal's units and points, written directly (enrolment checks one at a time are not what is measured).
    for (let i = 0; i < NATION; i += 500) {
      const slice = Array.from({ length: Math.min(500, NATION - i) }, (_, k) => i + k);
      await store
        .insertInto('unit')
        .values(
          slice.map((n) => ({ id: undefined, name: rehearsalUnit(n), kind: 'commune' as const, code: null, pilot: 0 })),
        )
        .execute();
      const ids = await store
        .selectFrom('unit')
        .select(['id', 'name'])
        .where('name', 'in', slice.map(rehearsalUnit))
        .execute();
      const idOf = new Map(ids.map((u) => [u.name, u.id!]));
      await store
        .insertInto('point')
        .values(
          slice.map((n) =>
            enrolledPoint(idOf.get(rehearsalUnit(n))!, seededPoint(n, true).fingerprint, new Date(), 'bench rehearsal'),
          ),
        )
        .execute();
    }
    let ms = 0;
    let refused = 0;
    let batches = 0;
    for (let i = 0; i < NATION; i += 50) {
      const files = months.slice(i, i + 50).flatMap((m, k) => m.map((text, n) => ({ text, label: `${i + k}-${n}` })));
      const [outcomes, t] = await timed(() =>
        ingestMany(store, files, secret, new Date(`${YEAR}-11-30T12:00:00.000Z`)),
      );
      ms += t;
      batches += files.length;
      refused += outcomes.filter((o) => o.status !== 'accepted').length;
      for (let k = i; k < i + 50 && k < NATION; k++) months[k] = [];
    }
    figures.province_nation_batches = batches;
    figures.province_nation_ingest_s = round1(ms);
    figures.province_nation_ingest_per_batch_ms = Math.round((ms / batches) * 1000) / 1000;
    figures.province_nation_refused = refused;
  } finally {
    await store.destroy();
  }
  const fresh = await openProvinceStore(location);
  try {
    const [overview, firstMs] = await timed(() => unitOverview(fresh, { month: `${YEAR}-11`, until: `${YEAR}-11-30` }));
    figures.province_nation_overview_first_ms = Math.round(firstMs);
    // The ranking's order over the overview: supports, then days reported (the web app's rule decides the weights).
    const [ranked, rankMs] = await timed(async () =>
      (await unitOverview(fresh, { month: `${YEAR}-11`, until: `${YEAR}-11-30` })).units
        .filter((u) => u.lastBatch)
        .sort((a, b) => a.missingDays.length - b.missingDays.length || b.supports - a.supports),
    );
    figures.province_nation_overview_and_ranking_ms = Math.round(rankMs);
    figures.province_nation_units_ranked = ranked.length;
    figures.province_nation_units_listed = overview.units.length;
  } finally {
    await fresh.destroy();
  }
  return figures;
}
