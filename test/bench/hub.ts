import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestMany } from '#province/ingest';
import { generateProvinceKeys } from '#province/keys';
import { enrolPoint } from '#province/registry';
import { openProvinceStore } from '#province/store';
import { addAccount } from '#province/web/accounts';
import { buildOverview } from '#province/web/dashboard';
import { hubStoreOf } from '#province/web/hub-store';
import { createHubServer } from '#province/web/server';
import { generateYears, seededPoint } from './uploads-year';

const POINTS = 135;
const YEAR = '2026';

/**
 * The hub over a year of 135 points (one closing batch a working day, eight supports each): the
 * dashboard's first answer through the real HTTP server and gate (`hub.overview` for the last
 * month, as the front page asks), then the same for the quarter and the whole year (the ranking
 * is part of each answer), and the printed report's. Generation and ingest are not timed here.
 */
export async function benchHub(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const province = generateProvinceKeys('bench province passphrase');
  const dir = mkdtempSync(join(tmpdir(), 'dhs-bench-hub-'));
  const store = hubStoreOf(await openProvinceStore(join(dir, 'province.sqlite3')));
  const now = new Date(`${YEAR}-12-31T12:00:00.000Z`);
  try {
    for (let i = 0; i < POINTS; i++)
      await enrolPoint(store, {
        unit: seededPoint(i).communeName,
        fingerprint: seededPoint(i).fingerprint,
        by: 'bench',
        at: new Date(),
      });
    const years = await generateYears(POINTS, {
      categoriesKey: province.secret.encryptPublic,
      personalKey: province.secret.sealPublic!,
    });
    for (let i = 0; i < years.length; i++) {
      await ingestMany(
        store,
        years[i]!.map((text, n) => ({ text, label: `${i}-${n}` })),
        province.secret,
        now,
      );
      years[i] = [];
    }
    await addAccount(store, { name: 'bench', role: 'viewer', password: 'bench password long', by: 'bench', at: now });
    const server = createHubServer(store, province.secret, {
      staticDir: dir,
      host: '127.0.0.1',
      now: () => now,
      log: () => undefined,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const post = (path: string, body: unknown, cookie = '') =>
      new Promise<{ cookie: string; text: string }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', cookie } },
          (res) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.on('end', () => resolve({ cookie: String(res.headers['set-cookie'] ?? '').split(';')[0]!, text }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    const { cookie } = await post('/api/hub.signIn', { name: 'bench', password: 'bench password long' });
    for (const [name, period] of [
      ['month', `${YEAR}-12`],
      ['quarter', `${YEAR}-Q4`],
      ['year', YEAR],
    ] as const) {
      const start = performance.now();
      const answer = await post('/api/hub.overview', { period }, cookie);
      figures[`hub_overview_${name}_ms`] = Math.round(performance.now() - start);
      if (name === 'year') figures.hub_overview_bytes = Buffer.byteLength(answer.text);
    }
    const start = performance.now();
    await buildOverview(store, { period: `${YEAR}-12` }, now);
    figures.hub_overview_month_again_ms = Math.round(performance.now() - start);
    // The printed report reads every record of its period once (kinds of help, procedures, obstacles).
    for (const [name, period] of [
      ['month', `${YEAR}-12`],
      ['year', YEAR],
    ] as const) {
      const began = performance.now();
      await post('/api/hub.report', { period }, cookie);
      figures[`hub_report_${name}_ms`] = Math.round(performance.now() - began);
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } finally {
    await store.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
