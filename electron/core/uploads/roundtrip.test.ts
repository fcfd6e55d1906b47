import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodInput } from '#shared/reports/period';
import { addDays, vnDay } from '#shared/time/vietnam';
import { ingestMany } from '#province/ingest';
import { readSealKey } from '#province/keys';
import { openPersonal } from '#province/open';
import { provinceReport } from '#province/report';
import { openProvinceStore, type ProvinceDb } from '#province/store';
import { enrolPointOf } from '#province/testing';
import { FIXTURE_PASSPHRASE, monthOfData, SECRET_CITIZEN } from './month-fixture';
import { TEST_PIN, TEST_SETUP } from '../testing';
import { checkBatchText } from './verify';

let fx: Awaited<ReturnType<typeof monthOfData>>;
let store: ProvinceDb;
let dir: string;
let file: string;

beforeAll(async () => {
  fx = await monthOfData();
  dir = mkdtempSync(join(tmpdir(), 'dhs-province-'));
  file = join(dir, 'province.sqlite3');
  store = await openProvinceStore(file);
  await enrolPointOf(store, fx.app.db);
}, 180_000);

afterAll(async () => {
  await store?.destroy();
  await fx?.app.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const signIn = async (memberId: number, pin: string) => ({
  token: (await fx.app.invoke('access.signIn', { memberId, pin })).token,
  device: 'staff' as const,
});

const unsent = () =>
  fx.app.db
    .selectFrom('upload_batch')
    .select(['seq', 'content', 'file_name'])
    .where('acknowledged_at', 'is', null)
    .orderBy('seq')
    .execute();

/** Ingest what the point has not had confirmed yet, and import the receipts as the official would. */
async function deliver(): Promise<void> {
  const files = await unsent();
  const outcomes = await ingestMany(
    store,
    files.map((f) => ({ text: f.content, label: f.file_name })),
    fx.province.secret,
    fx.clock.now(),
  );
  expect(outcomes.map((o) => o.status)).toEqual(files.map(() => 'accepted'));
  const receipts = outcomes.map((o, i) => ({
    name: `${i}.receipt.json`,
    text: JSON.stringify((o as { receipt: unknown }).receipt),
  }));
  expect((await fx.app.invoke('uploads.importReceipts', { files: receipts }, fx.official)).rejected).toEqual([]);
}

/** Every day of the month, the month, its quarter and its year: the province's figures equal the point's. */
async function expectSameFigures(until = vnDay(fx.clock.now())): Promise<number> {
  const periods: PeriodInput[] = [
    ...fx.days.map((day) => ({ kind: 'day' as const, key: day })),
    { kind: 'month', key: fx.month },
    { kind: 'quarter', key: '2026-Q4' },
    { kind: 'year', key: '2026' },
  ];
  for (const period of periods) {
    const point = await fx.app.invoke('reports.get', period, fx.official);
    const province = await provinceReport(store, period, until);
    expect(province.points).toHaveLength(1);
    expect(province.points[0]!.report, `${period.kind} ${period.key}`).toEqual(point.report);
    expect(province.province.supports).toEqual(point.report.supports);
  }
  return periods.length;
}

/** The raw bytes of the province's store on disk: the database and its write-ahead log. */
function storeBytes(): string {
  return [file, `${file}-wal`]
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
}

describe('a month at the point, then at the province', () => {
  it('cut one closing batch per working day, chained, numbered without gaps', async () => {
    const files = await unsent();
    expect(files.length).toBe(fx.days.length);
    const batches = files.map((f) => JSON.parse(f.content).batch);
    expect(batches.map((b) => b.seq)).toEqual(files.map((_, i) => i + 1));
    expect(
      batches.flatMap((b) => b.days.filter((d: { closed: unknown }) => d.closed).map((d: { day: string }) => d.day)),
    ).toEqual(fx.days);
    const checked = files.map((f) => checkBatchText(f.content));
    for (const c of checked) expect(c.ok).toBe(true);
    batches.slice(1).forEach((b, i) => expect(b.prev).toBe((checked[i] as { hash: string }).hash));
    expect(batches[0]).toMatchObject({
      format: 'dhs-batch/2',
      provinceCode: '52',
      point: { communeName: 'Xã Ia Grai', communeCode: '23410' },
    });
  });

  it('keeps every personal field out of sight without the province key', async () => {
    const all = (await unsent()).map((f) => f.content).join('\n');
    expect(all).not.toContain(SECRET_CITIZEN.phone);
    expect(all).not.toContain('Châm');
    expect(all).not.toContain('Ksor');
    expect(all).not.toContain('priorityGroups');
  });

  it("ingests them all and the province's figures equal the point's, day by day, month, quarter and year", async () => {
    await deliver();
    expect(await expectSameFigures()).toBe(fx.days.length + 3);
    const month = await provinceReport(store, { kind: 'month', key: fx.month }, addDays(fx.days.at(-1)!, 1));
    expect(month.points[0]).toMatchObject({
      missingDays: [],
      gap: null,
      duplicates: 0,
      refused: [],
      daysClosed: fx.days.length,
      daysClosedAutomatically: 0,
    });
    expect(month.points[0]!.report.supports.total).toBeGreaterThan(fx.days.length);
    expect(month.points[0]!.report.priority.supportsWithPriority).toBeGreaterThan(0);
    expect(month.points[0]!.report.activities.find((a) => a.kind === 'support_session')).toMatchObject({
      held: 3,
      minimum: 3,
      met: true,
    });
  });

  it('after corrections, late entries, an erasure and a retention purge, the figures are still the same', async () => {
    const entry = await fx.app.invoke('logbook.get', { id: fx.firstEntry }, fx.official);
    const { consent, ...rest } = entry.current as unknown as Record<string, unknown> & {
      consent: Record<string, unknown>;
    };
    const corrected = {
      ...rest,
      consent: { contact: !!consent.contact, ethnicity: !!consent.ethnicity, disability: !!consent.disability },
      outcome: entry.current.outcome === 'filed_online' ? 'referred' : 'filed_online',
    };
    await fx.app.invoke(
      'logbook.correct',
      { id: fx.firstEntry, expectedVersion: entry.currentVersion, reason: 'Sửa kết quả hỗ trợ', entry: corrected },
      fx.official,
    );
    for (const day of [fx.days[1]!, fx.days[9]!]) {
      await fx.app.invoke(
        'logbook.create',
        {
          entry: {
            day,
            time: '15:00',
            channel: 'village',
            memberIds: [fx.leader.memberId],
            helpKinds: ['vneid'],
            procedure: 'land',
            outcome: 'filed_with_help',
            minutes: 20,
            priorityGroups: ['elderly'],
          },
        },
        fx.leader,
      );
    }
    // The citizen with a name asks for it to be erased.
    const found = await fx.app.invoke('logbook.findPerson', { query: SECRET_CITIZEN.phone }, fx.official);
    expect(found).toHaveLength(1);
    const ref = `logbook_entry:${found[0]!.id}`;
    const sealedBefore = (
      await store.selectFrom('record').select(['personal']).where('ref', '=', ref).executeTakeFirstOrThrow()
    ).personal!;
    const ct = JSON.parse(sealedBefore).hpke.ct as string;
    expect(storeBytes()).toContain(ct);
    expect(storeBytes()).not.toContain(SECRET_CITIZEN.fullName);
    // Before the erasure the province could answer the citizen's access request, with its key and passphrase.
    const sealKey = readSealKey(fx.province.sealPem!, FIXTURE_PASSPHRASE);
    const opened = await openPersonal(store, { unit: 'Xã Ia Grai', ref }, [sealKey], {
      by: 'Cán bộ Sở KH&CN',
      reason: 'Yêu cầu truy cập của công dân',
      at: new Date(),
    });
    expect(JSON.stringify(opened)).toContain(SECRET_CITIZEN.phone);
    expect(await store.selectFrom('opening').select(['ref', 'by']).execute()).toEqual([{ ref, by: 'Cán bộ Sở KH&CN' }]);
    await fx.app.invoke('logbook.erase', { ids: [found[0]!.id], reason: 'Người dân yêu cầu xóa' }, fx.official);
    // A day of the published roster loses all its shifts: that roster day no longer exists.
    const emptied = fx.days[5]!;
    for (const shift of await fx.app.db.selectFrom('roster_shift').select('id').where('day', '=', emptied).execute()) {
      await fx.app.invoke('roster.unassign', { shiftId: shift.id }, fx.leader);
    }
    // Later: the retention purge takes the first half of the month. The days between were closed by
    // the point the next working morning (nobody did), and the official closes today's book, so
    // both sides count the same working days.
    fx.clock.set(`${addDays(`${fx.month}-16`, 30)}T11:00:00.000Z`);
    await fx.app.invokeSystem('logbook.closeDueDays');
    const admin = await signIn(1, TEST_SETUP.adminPin);
    await fx.app.invoke('logbook.settings.update', { retentionMonths: 1 }, admin);
    const purged = await fx.app.invoke('logbook.purgeNow', {}, admin);
    expect(purged.erased).toBeGreaterThan(5);
    fx.official = { ...(await signIn(fx.official.memberId, TEST_PIN)), memberId: fx.official.memberId };
    await fx.app.invoke('logbook.closeDay', { day: vnDay(fx.clock.now()) }, fx.official);
    await fx.app.invoke('uploads.cutNow', {}, fx.official);
    const after = (await unsent()).map((f) => JSON.parse(f.content).batch);
    expect(after.reduce((n, b) => n + b.counts.erased, 0)).toBe(purged.erased + 1);
    expect(after.flatMap((b) => b.records).find((r: { ref: string }) => r.ref === ref)).toMatchObject({
      state: 'erased',
      personal: null,
    });
    expect(
      after.flatMap((b) => b.records).find((r: { ref: string }) => r.ref === `roster_day:${emptied.replace(/-/g, '')}`),
    ).toMatchObject({ state: 'deleted' });
    await deliver();
    expect(await expectSameFigures()).toBe(fx.days.length + 3);
    // The sealed data is gone from the province's files; what is counted stays.
    expect(storeBytes()).not.toContain(ct);
    expect(await store.selectFrom('record').select(['personal', 'state']).where('ref', '=', ref).execute()).toEqual([
      { personal: null, state: 'erased' },
    ]);
    await expect(
      openPersonal(store, { unit: 'Xã Ia Grai', ref }, [sealKey], { by: 'x', reason: 'kiểm tra', at: new Date() }),
    ).resolves.toEqual([]);
    const late = await provinceReport(store, { kind: 'month', key: fx.month }, addDays(fx.days.at(-1)!, 1));
    expect(late.points[0]!.lateRecords).toBeGreaterThanOrEqual(3);
  });
});
