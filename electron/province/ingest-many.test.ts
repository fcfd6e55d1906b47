import { beforeEach, describe, expect, it } from 'vitest';
import { workingDaysBetween } from '#shared/reports/calendar';
import { PROVINCE_STORES, useProvinceStore } from '#test/support/province-stores';
import { fingerprint, generateSigningKey, sha256Hex } from '#core/crypto/signing';
import { checkReceipt } from '#core/uploads/verify';
import { ingestMany } from './ingest';
import { generateProvinceKeys } from './keys';
import { enrolPoint } from './registry';
import { provinceReport } from './report';
import { chainOfBatches, supportItem } from './testing';

const province = generateProvinceKeys('a passphrase long enough');
const key = generateSigningKey();
const pointId = '9a6c1e3b-2f4d-4a5b-8c6d-7e8f9a0b1c2d';
// Five months of working days: a run long enough to be read ahead by the worker threads, and written in many-row inserts.
const days = workingDaysBetween('2026-06-01', '2026-10-30', false, []);
const files = chainOfBatches({
  province: province.secret,
  key,
  pointId,
  communeName: 'Xã Ia Grai',
  days: days.map((day, i) => [
    day,
    Array.from({ length: (i % 3) + 1 }, (_, k) => supportItem(i * 10 + k, day, k ? 'guided_only' : 'filed_online')),
  ]),
});

describe.each(PROVINCE_STORES)('a long run of files in one transaction on $name', ({ open }) => {
  const opened = useProvinceStore({ open }, 'dhs-ingest-many-');
  beforeEach(() =>
    enrolPoint(opened.store, {
      unit: 'Xã Ia Grai',
      fingerprint: fingerprint(key.publicRaw),
      by: 't',
      at: new Date(),
    }).then(() => undefined),
  );

  it('checks and stores every file in order, a damaged one and repeats among them, each with its own receipt', async () => {
    const { store } = opened;
    const damaged = files[40]!.replace('"filed_online"', '"filed_offline"');
    const run = [...files.slice(0, 40), damaged, files[40]!, files[3]!, ...files.slice(41), 'not json'];
    const outcomes = await ingestMany(
      store,
      run.map((text, i) => ({ text, label: `f${i}` })),
      province.secret,
      new Date('2026-11-02T11:00:00.000Z'),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      ...Array(40).fill('accepted'),
      'refused',
      'accepted',
      'duplicate',
      ...Array(files.length - 41).fill('accepted'),
      'refused',
    ]);
    expect((outcomes[40] as { reason: string }).reason).toMatch(/^bad_signature/);
    // Every receipt is the province's signature over that very batch (its hash: of the signed bytes).
    const hashOf = (text: string) =>
      sha256Hex(Buffer.from(text.slice('{"batch":'.length, text.lastIndexOf(',"signature":'))));
    outcomes.forEach((o, i) => {
      if (o.status === 'accepted')
        expect(
          checkReceipt(o.receipt, province.secret.signPublic, {
            pointId,
            seq: o.seq!,
            hash: hashOf(files[o.seq! - 1]!),
          }),
          `f${i}`,
        ).not.toBeNull();
    });
    const seqs = outcomes.filter((o) => o.status === 'accepted').map((o) => o.seq);
    expect(seqs).toEqual(files.map((_, i) => i + 1));
    const report = await provinceReport(store, { kind: 'year', key: '2026' }, '2026-10-30');
    expect(report.points[0]).toMatchObject({ batches: files.length, daysClosed: days.length, missingDays: [] });
    expect(report.province.supports.total).toBe(days.reduce((n, _, i) => n + (i % 3) + 1, 0));
    expect(report.province.applications.fullyOnline).toBe(days.length);
    // The same run again: every file a duplicate, nothing written twice.
    const again = await ingestMany(
      store,
      files.map((text, i) => ({ text, label: `g${i}` })),
      province.secret,
      new Date('2026-11-03T11:00:00.000Z'),
    );
    expect(new Set(again.map((o) => o.status))).toEqual(new Set(['duplicate']));
    const records = await store
      .selectFrom('record')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(records.n)).toBe(report.province.supports.total);
  });
});
