import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GIA_LAI_UNITS } from '#shared/settings/communes';
import { RECORD_ENTITIES, ZERO_HASH } from '#shared/uploads/batch';
import { PROVINCE_STORES, useProvinceStore } from '#test/support/province-stores';
import { fingerprint, generateSigningKey } from '#core/crypto/signing';
import { packageBatch } from '#core/uploads/package';
import { checkReceipt } from '#core/uploads/verify';
import { generateProvinceKeys } from './keys';
import { enrolPoint } from './registry';
import { serveProvince } from './serve';
import type { ProvinceDb } from './store';
import { STRANGER_ALLOWANCE_PER_HOUR, STRANGER_EVIDENCE_PER_HOUR } from './tally';

const province = generateProvinceKeys('a passphrase long enough');
const clock = () => new Date('2026-11-05T10:20:00.000Z');

/** Point i's closing batch for 5 November: one support. */
function closingBatch(i: number) {
  const key = generateSigningKey();
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const unit = GIA_LAI_UNITS[i]!.name;
  const day = '2026-11-05';
  const made = packageBatch({
    point: { id, communeName: unit, communeCode: null, signPublic: key.publicRaw, signPrivatePem: key.privatePem },
    recipients: { categoriesKey: province.secret.encryptPublic, personalKey: province.secret.sealPublic! },
    seq: 1,
    prev: ZERO_HASH,
    createdAt: `${day}T10:00:00.000Z`,
    kind: 'closing',
    keyChange: null,
    items: [
      {
        entity: 'logbook_entry',
        ref: 'logbook_entry:1',
        version: 1,
        supersedes: null,
        day,
        late: false,
        state: 'recorded',
        clear: {
          helpKinds: ['vneid'],
          procedure: 'birth',
          outcome: 'filed_online',
          channel: 'support_point',
          obstacles: [],
        },
        personal: { fullName: null },
        categories: { priorityGroups: [] },
      },
    ],
    days: [
      {
        day,
        closed: { at: `${day}T10:00:00.000Z`, by: 'official' },
        totals: Object.fromEntries(RECORD_ENTITIES.map((e) => [e, e === 'logbook_entry' ? 1 : 0])),
      },
    ],
  });
  return { id, unit, fingerprint: fingerprint(key.publicRaw), ...made };
}

describe.each(PROVINCE_STORES)('POST /batches on $name', ({ open }) => {
  const opened = useProvinceStore({ open }, 'dhs-receiving-');
  let store: ProvinceDb;
  let server: Server;
  let url: string;
  beforeEach(async () => {
    store = opened.store;
    server = serveProvince(store, province.secret, clock);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/batches`;
  });
  afterEach(() => new Promise((resolve) => server.close(resolve)));
  const post = (body: string) => fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

  it('answers every point of a closing minute posting at once with its receipt, and stores every batch', async () => {
    const points = Array.from({ length: 24 }, (_, i) => closingBatch(i));
    for (const p of points) await enrolPoint(store, { unit: p.unit, fingerprint: p.fingerprint, by: 't', at: clock() });
    const answers = await Promise.all(
      points.map(async (p) => {
        const res = await post(p.text);
        return { p, status: res.status, body: (await res.json()) as { receipt: unknown } };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(points.map(() => 201));
    for (const { p, body } of answers)
      expect(
        checkReceipt(body.receipt as never, province.secret.signPublic, { pointId: p.id, seq: 1, hash: p.hash }),
      ).not.toBeNull();
    const stored = await store
      .selectFrom('batch')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(points.length);
  });

  it('counts a stranger’s refused files per hour, keeps only the first few, then turns it away unread', async () => {
    const tries = STRANGER_ALLOWANCE_PER_HOUR + 12;
    const statuses: number[] = [];
    for (let i = 0; i < tries; i++) statuses.push((await post(`{"not":"a batch ${i}"}`)).status);
    expect(statuses).toEqual([...Array(STRANGER_ALLOWANCE_PER_HOUR).fill(422), ...Array(12).fill(429)]);
    const intake = await store
      .selectFrom('intake')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(intake.n)).toBe(STRANGER_EVIDENCE_PER_HOUR);
    expect(await store.selectFrom('refusal_tally').select(['source', 'hour', 'files', 'limited']).execute()).toEqual([
      { source: '127.0.0.1', hour: '2026-11-05T10', files: STRANGER_ALLOWANCE_PER_HOUR, limited: 12 },
    ]);
    // A stranger's validly signed batches (a key nobody enrolled): a few kept for enrolment, the rest not.
    await store.deleteFrom('refusal_tally').execute();
    const unknown = Array.from({ length: STRANGER_EVIDENCE_PER_HOUR + 3 }, (_, i) => closingBatch(i));
    const kept: string[] = [];
    for (const u of unknown)
      kept.push(((await (await post(u.text)).json()) as { status: string; reason: string }).reason.split(':')[0]!);
    expect(kept).toEqual([
      ...Array(STRANGER_EVIDENCE_PER_HOUR).fill('unknown_key'),
      'rate_limited',
      'rate_limited',
      'rate_limited',
    ]);
    const quarantined = await store
      .selectFrom('quarantine')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(quarantined.n)).toBe(STRANGER_EVIDENCE_PER_HOUR);
  });
});
