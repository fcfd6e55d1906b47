import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/time/vietnam';
import { ingestBatch } from '../../province/ingest';
import { provinceReport } from '../../province/report';
import { openProvinceStore, type ProvinceDb } from '../../province/store';
import { openingKeyFor, unseal } from './crypto';
import { monthOfData, SECRET_CITIZEN } from './month-fixture';
import { checkBatchText } from './verify';

let fx: Awaited<ReturnType<typeof monthOfData>>;
let store: ProvinceDb;
let dir: string;
let files: { seq: number; content: string }[];

beforeAll(async () => {
  fx = await monthOfData();
  dir = mkdtempSync(join(tmpdir(), 'dhs-province-'));
  store = await openProvinceStore(join(dir, 'province.sqlite3'));
  files = await fx.app.db.selectFrom('upload_batch').select(['seq', 'content']).orderBy('seq').execute();
}, 120_000);

afterAll(async () => {
  await store?.destroy();
  await fx?.app.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a month at the point, then at the province', () => {
  it('cut one closing batch per working day, chained, numbered without gaps', () => {
    expect(files.length).toBe(fx.days.length);
    const manifests = files.map((f) => JSON.parse(f.content).manifest);
    expect(manifests.map((m) => m.seq)).toEqual(files.map((_, i) => i + 1));
    expect(manifests.flatMap((m) => m.closesDays)).toEqual(fx.days);
    for (const f of files) expect(checkBatchText(f.content).ok).toBe(true);
    const hashes = files.map((f) => (checkBatchText(f.content) as { manifestHash: string }).manifestHash);
    manifests.slice(1).forEach((m, i) => expect(m.prevHash).toBe(hashes[i]));
    expect(manifests[0].provinceCode).toBe('52');
    expect(manifests[0].communeCode).toBe('23410');
  });

  it('keeps every personal field out of sight without the province key', () => {
    const all = files.map((f) => f.content).join('\n');
    expect(all).not.toContain(SECRET_CITIZEN.phone);
    expect(all).not.toContain('Châm');
    expect(all).not.toContain('Ksor');
    // …and the province's key does open them.
    const withName = files.map((f) => JSON.parse(f.content)).find((f) => f.records.items.some((i: any) => i.entity === 'logbook_entry' && i.day === fx.days[3]));
    const key = openingKeyFor(fx.province.secret.encryptPrivatePem, withName.records.ephemeralKey, withName.manifest.batchId);
    const opened = withName.records.items.filter((i: any) => i.sealed).map((i: any) => unseal(key, i.sealed, `${i.ref}#${i.version}`));
    expect(JSON.stringify(opened)).toContain(SECRET_CITIZEN.phone);
    // Ticket holders' names are not sent at all, even sealed.
    const tickets = files.flatMap((f) => JSON.parse(f.content).records.items).filter((i: any) => i.entity === 'ticket');
    expect(tickets.length).toBeGreaterThan(0);
    expect(JSON.stringify(opened.filter((_: unknown, n: number) => withName.records.items.filter((i: any) => i.sealed)[n].entity === 'ticket'))).not.toContain(SECRET_CITIZEN.phone);
  });

  it("ingests them all and the province's report equals the point's own", async () => {
    const received = new Date(`${addDays(fx.days.at(-1)!, 1)}T02:00:00.000Z`);
    for (const f of [...files].reverse().slice(0, 1)) {
      const early = await ingestBatch(store, f.content, fx.province.secret, received);
      expect(early).toMatchObject({ status: 'refused' });
      expect((early as { reason: string }).reason).toMatch(/^gap:/);
    }
    for (const f of files) expect((await ingestBatch(store, f.content, fx.province.secret, received)).status).toBe('accepted');
    const point = await fx.app.invoke('reports.get', { kind: 'month', key: fx.month }, fx.official);
    const province = await provinceReport(store, { kind: 'month', key: fx.month }, addDays(fx.days.at(-1)!, 1));
    expect(province.communes).toHaveLength(1);
    expect(province.communes[0]!.missingDays).toEqual([]);
    expect(province.communes[0]!.report).toEqual(point.report);
    expect(point.report.supports.total).toBeGreaterThan(fx.days.length);
    expect(point.report.activities.find((a) => a.kind === 'support_session')).toMatchObject({ held: 3, minimum: 3, met: true });
    expect(point.report.duty.coveredDays).toBe(fx.days.length);
    expect(province.province.supports.total).toBe(point.report.supports.total);
  });

  it('ingesting the same batches again changes nothing', async () => {
    const count = async () => Number((await store.selectFrom('record').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (const f of files.slice(0, 3)) expect((await ingestBatch(store, f.content, fx.province.secret, new Date())).status).toBe('duplicate');
    expect(await count()).toBe(before);
  });

  it('a late correction travels as a new version naming the one it replaces', async () => {
    const entry = await fx.app.invoke('logbook.get', { id: fx.firstEntry }, fx.official);
    const corrected = { ...stripView(entry.current), outcome: entry.current.outcome === 'filed_online' ? 'referred' : 'filed_online' };
    await fx.app.invoke('logbook.correct', { id: fx.firstEntry, expectedVersion: entry.currentVersion, reason: 'Sửa kết quả hỗ trợ', entry: corrected }, fx.official);
    const cut = await fx.app.invoke('uploads.cutNow', {}, fx.official);
    const last = await fx.app.db.selectFrom('upload_batch').select('content').where('seq', '=', cut.batches.at(-1)!.seq).executeTakeFirstOrThrow();
    const item = JSON.parse(last.content).records.items.find((i: any) => i.ref === `logbook_entry:${fx.firstEntry}`);
    expect(item).toMatchObject({ version: entry.currentVersion + 1, supersedes: entry.currentVersion, late: true });
    expect((await ingestBatch(store, last.content, fx.province.secret, new Date())).status).toBe('accepted');
    const point = await fx.app.invoke('reports.get', { kind: 'month', key: fx.month }, fx.official);
    const province = await provinceReport(store, { kind: 'month', key: fx.month }, addDays(fx.days.at(-1)!, 1));
    expect(province.communes[0]!.report).toEqual(point.report);
    expect(province.communes[0]!.lateRecords).toBeGreaterThan(0);
  });
});

/** An entry as read back, reduced to what the correction form sends. */
function stripView(view: Record<string, unknown>): Record<string, unknown> {
  const { consent, ...rest } = view as { consent: Record<string, unknown> };
  return { ...rest, consent: { contact: !!consent?.contact, ethnicity: !!consent?.ethnicity, disability: !!consent?.disability } };
}
