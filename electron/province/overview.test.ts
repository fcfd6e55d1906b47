import { describe, expect, it } from 'vitest';
import { PROVINCE_STORES, useProvinceStore } from '#test/support/province-stores';
import { fingerprint, generateSigningKey } from '#core/crypto/signing';
import { ingestMany } from './ingest';
import { generateProvinceKeys } from './keys';
import { unitOverview, unitOverviews } from './overview';
import { enrolPoint } from './registry';
import { activityItem as activity, chainOfBatches, supportItem as entry } from './testing';

const province = generateProvinceKeys('a passphrase long enough');
const key = generateSigningKey();
const pointId = '6c1e3b9a-2f4d-4a5b-8c6d-7e8f9a0b1c2d';
const chain = (days: Parameters<typeof chainOfBatches>[0]['days'], skip: number | null = null) =>
  chainOfBatches({ province: province.secret, key, pointId, communeName: 'Xã Ia Grai', days, skip });

describe.each(PROVINCE_STORES)('the overview of all units on $name', ({ open }) => {
  const opened = useProvinceStore({ open }, 'dhs-overview-');

  it('gives each unit its last batch, silence, gaps, the month’s supports, the online share and activities; zero apart from silence', async () => {
    const { store } = opened;
    await enrolPoint(store, { unit: 'Xã Ia Grai', fingerprint: fingerprint(key.publicRaw), by: 't', at: new Date() });
    await enrolPoint(store, {
      unit: 'Xã Chư Păh',
      fingerprint: fingerprint(generateSigningKey().publicRaw),
      by: 't',
      at: new Date(),
    });
    const files = chain(
      [
        [
          '2026-11-02',
          [
            entry(1, '2026-11-02', 'filed_online'),
            entry(2, '2026-11-02', 'filed_online'),
            activity(1, '2026-11-02', 'support_session'),
          ],
        ],
        [
          '2026-11-03',
          [
            entry(3, '2026-11-03', 'filed_with_help'),
            entry(4, '2026-11-03', 'guided_only'),
            activity(2, '2026-11-03', 'scam_awareness'),
          ],
        ],
        ['2026-11-05', []],
        ['2026-11-10', [entry(5, '2026-11-10', 'filed_online')]],
        ['2026-11-11', []],
      ],
      4,
    );
    const outcomes = await ingestMany(
      store,
      files.map((text, i) => ({ text, label: `f${i}` })),
      province.secret,
      new Date('2026-11-11T11:00:00.000Z'),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted', 'held']);

    const overview = await unitOverview(store, { month: '2026-11', until: '2026-11-10' });
    expect(overview.units).toHaveLength(135);
    const iaGrai = overview.units.find((u) => u.unit.name === 'Xã Ia Grai')!;
    expect(iaGrai).toMatchObject({
      point: { pointId, status: 'active', firstDay: '2026-11-02' },
      lastBatch: { seq: 3, receivedAt: '2026-11-11T11:00:00.000Z', createdAt: '2026-11-05T10:00:00.000Z' },
      lastClosedDay: '2026-11-05',
      // Fri 6 and Mon 9 November; the 10th is the day looked from.
      silentWorkingDays: 2,
      missingDays: ['2026-11-04', '2026-11-06', '2026-11-09'],
      gap: { missing: [4], held: [5] },
      supports: 4,
      applications: 3,
      fullyOnline: 2,
      onlineSharePercent: 66.7,
      refusedFiles: 0,
    });
    expect(iaGrai.activities.month.find((a) => a.kind === 'support_session')).toMatchObject({
      held: 1,
      minimum: 3,
      met: false,
    });
    expect(iaGrai.activities.year).toEqual([{ kind: 'scam_awareness', per: 'year', held: 1, minimum: 2, met: false }]);
    // Enrolled, never heard from: silence, not zeros that look like a report.
    expect(overview.units.find((u) => u.unit.name === 'Xã Chư Păh')).toMatchObject({
      lastBatch: null,
      lastClosedDay: null,
      silentWorkingDays: null,
      supports: 0,
      missingDays: [],
    });
    expect(overview.units.find((u) => u.unit.name === 'Phường An Khê')).toMatchObject({ point: null, lastBatch: null });
    // Another month: the same batches, none of its figures.
    const october = await unitOverview(store, { month: '2026-10', until: '2026-11-10' });
    expect(october.units.find((u) => u.unit.name === 'Xã Ia Grai')).toMatchObject({
      supports: 0,
      missingDays: [],
      lastClosedDay: '2026-11-05',
    });
  });

  it('gives for several months at once what each month gives on its own (the quarter’s and the year’s answer)', async () => {
    const { store } = opened;
    await enrolPoint(store, { unit: 'Xã Ia Grai', fingerprint: fingerprint(key.publicRaw), by: 't', at: new Date() });
    const outcomes = ['filed_online', 'filed_with_help', 'guided_only', 'referred'] as const;
    const days: Parameters<typeof chainOfBatches>[0]['days'] = [];
    let n = 0;
    const entries: Record<string, number> = {};
    for (const day of [
      '2026-09-07',
      '2026-09-30',
      '2026-10-01',
      '2026-10-15',
      '2026-10-30',
      '2026-11-02',
      '2026-11-04',
    ])
      days.push([
        day,
        [
          ...Array.from({ length: 1 + (n % 3) }, () => {
            entries[day.slice(0, 7)] = (entries[day.slice(0, 7)] ?? 0) + 1;
            return entry(++n, day, outcomes[n % 4]!);
          }),
          ...(day.endsWith('-01') || day.endsWith('-02') ? [activity(n, day, 'support_session')] : []),
          ...(day === '2026-09-07' ? [activity(100, day, 'scam_awareness')] : []),
        ],
      ]);
    const files = chain(days, 6);
    await ingestMany(
      store,
      files.map((text, i) => ({ text, label: `f${i}` })),
      province.secret,
      new Date('2026-11-05T11:00:00.000Z'),
    );
    const months = [
      { month: '2026-09', until: '2026-10-01' },
      { month: '2026-10', until: '2026-11-01' },
      { month: '2026-11', until: '2026-11-05' },
      // An `until` before its month: nothing of the month is due yet.
      { month: '2026-12', until: '2026-11-05' },
    ];
    const together = await unitOverviews(store, months);
    const alone = await Promise.all(months.map((m) => unitOverview(store, m)));
    expect(together).toEqual(alone);
    const ia = (o: (typeof alone)[number]) => o.units.find((u) => u.unit.name === 'Xã Ia Grai')!;
    // November's batches wait behind the missing sixth: only what was stored counts.
    expect(alone.map((o) => ia(o).supports)).toEqual([entries['2026-09'], entries['2026-10'], 0, 0]);
    expect(ia(alone[2]!)).toMatchObject({ lastClosedDay: '2026-10-30', gap: { missing: [6], held: [7] } });
    expect(ia(alone[1]!).activities.year.find((a) => a.kind === 'scam_awareness')).toMatchObject({ held: 1 });
  });
});
