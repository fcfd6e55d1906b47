import { join } from 'node:path';
import { Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { RECORD_ENTITIES, ZERO_HASH, canonicalJson } from '#shared/uploads/batch';
import { migrate } from '#core/db/migrate';
import { DURABLE_PRAGMAS } from '#core/db/open';
import { Sqlite3Dialect } from '#core/db/sqlite3-dialect';
import { fingerprint, generateSigningKey, signBytes } from '#core/crypto/signing';
import { packageBatch } from '#core/uploads/package';
import { checkReceipt } from '#core/uploads/verify';
import { ingestMany } from './ingest';
import { generateProvinceKeys, receivingKeys } from './keys';
import { provinceMigration0001 } from './migrations/0001_province_store';
import { openPersonal } from './open';
import { enrolPoint, findUnit, retirePoint, RegistryError, setUnitCode } from './registry';
import { provinceReport } from './report';
import { PROVINCE_STORES, useProvinceStore } from '#test/support/province-stores';
import { openProvinceStore, type ProvinceDb } from './store';
import { packageV1 } from './v1-fixture';

const province = generateProvinceKeys('a passphrase long enough');
const key = generateSigningKey();
const pointId = '3b9a6c1e-2f4d-4a5b-8c6d-7e8f9a0b1c2d';
const v1Point = {
  pointId,
  communeCode: '23410',
  communeName: 'Xã Ia Grai',
  signPublic: key.publicRaw,
  signPrivatePem: key.privatePem,
};
const at = (day: string) => new Date(`${day}T11:00:00.000Z`);
let dir: string;
let store: ProvinceDb;

const useStore = (open: (dir: string) => Promise<ProvinceDb>) => {
  const opened = useProvinceStore({ open });
  beforeEach(() => {
    ({ store, dir } = opened);
  });
};

const entry = (n: number, day: string, extra: Partial<{ late: boolean; erased: boolean }> = {}) => ({
  entity: 'logbook_entry' as const,
  ref: `logbook_entry:${n}`,
  version: 1,
  supersedes: null,
  day,
  late: false,
  erased: false,
  ...extra,
  clear: { helpKinds: ['vneid'], procedure: 'birth', outcome: 'filed_online', channel: 'support_point', obstacles: [] },
  secret: {
    personal: { fullName: `Người ${n}`, phone: null },
    categories: { priorityGroups: n % 2 ? ['elderly'] : [] },
  },
});
const totals = (n: number) => Object.fromEntries(RECORD_ENTITIES.map((e) => [e, e === 'logbook_entry' ? n : 0]));
const ingest = (texts: string[], when = at('2026-11-05')) =>
  ingestMany(
    store,
    texts.map((text, i) => ({ text, label: `f${i}` })),
    province.secret,
    when,
  );

describe.each(PROVINCE_STORES)('on $name', ({ open }) => {
  useStore(open);
  describe('dhs-batch/1 from points not yet upgraded', () => {
    it('is read strictly, counted like /2, answered with the /1 receipt, and the chain carries on into /2', async () => {
      await enrolPoint(store, {
        unit: 'Xa Ia Grai',
        fingerprint: fingerprint(key.publicRaw),
        by: 'test',
        at: new Date(),
      });
      const province1 = { encryptPublic: province.secret.encryptPublic, signPublic: province.secret.signPublic };
      const one = packageV1({
        point: v1Point,
        province: province1,
        seq: 1,
        prevHash: ZERO_HASH,
        createdAt: '2026-11-02T10:00:00.000Z',
        closesDays: ['2026-11-02'],
        items: [entry(1, '2026-11-02'), entry(2, '2026-11-02')],
      });
      const two = packageV1({
        point: v1Point,
        province: province1,
        seq: 2,
        prevHash: one.hash,
        createdAt: '2026-11-03T10:00:00.000Z',
        closesDays: ['2026-11-03'],
        items: [entry(3, '2026-11-03')],
      });
      // Hostile /1: a member /1 never had (it would ride along unsigned), counts that lie, a closed day without figures.
      const padded = JSON.parse(one.text);
      padded.records.items[0].note = 'unsigned';
      const lying = structuredClone(one.file);
      lying.manifest.counts.late = 1;
      lying.signature = signBytes(key.privatePem, Buffer.from(canonicalJson(lying.manifest)));
      const unfigured = structuredClone(one.file);
      unfigured.manifest.closesDays = ['2026-11-02', '2026-11-01'];
      unfigured.signature = signBytes(key.privatePem, Buffer.from(canonicalJson(unfigured.manifest)));
      const refused = await ingest([JSON.stringify(padded), JSON.stringify(lying), JSON.stringify(unfigured)]);
      expect(refused.map((o) => (o as { reason: string }).reason.split(':')[0])).toEqual([
        'bad_format',
        'bad_count',
        'bad_days',
      ]);
      // The point upgrades: its next batch is /2 and names the last /1 batch's hash.
      const three = packageBatch({
        point: {
          id: pointId,
          communeName: 'Xã Ia Grai',
          communeCode: '23410',
          signPublic: key.publicRaw,
          signPrivatePem: key.privatePem,
        },
        recipients: { categoriesKey: province.secret.encryptPublic, personalKey: province.secret.sealPublic! },
        seq: 3,
        prev: two.hash,
        createdAt: '2026-11-04T10:00:00.000Z',
        kind: 'closing',
        keyChange: null,
        days: [
          { day: '2026-11-02', closed: null, totals: totals(2) },
          { day: '2026-11-04', closed: { at: '2026-11-04T10:00:00.000Z', by: 'automatic' }, totals: totals(1) },
        ],
        items: [
          {
            ...entry(2, '2026-11-02', { late: true }),
            state: 'erased' as const,
            personal: null,
            categories: { priorityGroups: [] },
          },
          {
            ...entry(4, '2026-11-04'),
            state: 'recorded' as const,
            personal: { fullName: 'Người 4' },
            categories: null,
          },
        ].map(({ secret: _s, erased: _e, ...rest }) => rest),
      });
      const outcomes = await ingest([one.text, two.text, three.text]);
      expect(outcomes.map((o) => [o.status, o.seq])).toEqual([
        ['accepted', 1],
        ['accepted', 2],
        ['accepted', 3],
      ]);
      const receipts = outcomes.map((o) => (o as { receipt: { body: { kind: string } } }).receipt);
      expect(receipts.map((r) => r.body.kind)).toEqual(['dhs-receipt/1', 'dhs-receipt/1', 'dhs-receipt/2']);
      expect(checkReceipt(receipts[0], province.secret.signPublic, { pointId, seq: 1, hash: one.hash })).not.toBeNull();
      expect(
        checkReceipt(receipts[2], province.secret.signPublic, { pointId, seq: 3, hash: three.hash }),
      ).not.toBeNull();
      const report = await provinceReport(store, { kind: 'month', key: '2026-11' }, '2026-11-04');
      expect(report.points[0]!.report.supports.total).toBe(4);
      expect(report.points[0]!.report.priority.supportsWithPriority).toBe(2);
      // A /1 personal part opens with the receiving key (it was sealed to no other); the erased one is gone.
      const receiving = receivingKeys(province.secret).encryptPrivate;
      const who = { by: 'test', reason: 'kiểm tra', at: new Date() };
      expect(await openPersonal(store, { unit: 'Xã Ia Grai', ref: 'logbook_entry:1' }, [receiving], who)).toMatchObject(
        [{ personal: { personal: { fullName: 'Người 1' } } }],
      );
      expect(await openPersonal(store, { unit: 'Xã Ia Grai', ref: 'logbook_entry:2' }, [receiving], who)).toEqual([]);
      await expect(
        openPersonal(store, { unit: 'Xã Ia Grai', ref: 'logbook_entry:4' }, [receiving], who),
      ).rejects.toThrow(/sealed to key/);
    });
  });

  describe('the registry', () => {
    it('enrols one point per unit by fingerprint, takes the official code once, and refuses a retired point', async () => {
      await expect(
        enrolPoint(store, { unit: 'Xã Không Có', fingerprint: fingerprint(key.publicRaw), by: 't', at: new Date() }),
      ).rejects.toThrow(RegistryError);
      await expect(
        enrolPoint(store, { unit: 'Ia Grai', fingerprint: 'not a fingerprint', by: 't', at: new Date() }),
      ).rejects.toThrow(/16 hex digits/);
      expect((await findUnit(store, 'ia grai')).name).toBe('Xã Ia Grai');
      await expect(findUnit(store, 'An Nhơn')).resolves.toMatchObject({ name: 'Phường An Nhơn' });
      await enrolPoint(store, {
        unit: 'Xã Ia Grai',
        fingerprint: fingerprint(key.publicRaw).toLowerCase(),
        code: '23410',
        by: 't',
        at: new Date(),
      });
      await expect(
        enrolPoint(store, {
          unit: 'Xã Ia Grai',
          fingerprint: fingerprint(generateSigningKey().publicRaw),
          by: 't',
          at: new Date(),
        }),
      ).rejects.toThrow(/already has an enrolled point/);
      await expect(setUnitCode(store, 'Xã Chư Păh', '23410')).rejects.toThrow(/already the code of Xã Ia Grai/);
      const b = (seq: number, prev: string, name = 'Xã Ia Grai', code: string | null = null) =>
        packageBatch({
          point: {
            id: pointId,
            communeName: name,
            communeCode: code,
            signPublic: key.publicRaw,
            signPrivatePem: key.privatePem,
          },
          recipients: { categoriesKey: province.secret.encryptPublic, personalKey: province.secret.sealPublic! },
          seq,
          prev,
          createdAt: '2026-11-02T10:00:00.000Z',
          kind: 'closing',
          keyChange: null,
          items: [],
          days: [
            {
              day: `2026-11-0${seq + 1}`,
              closed: { at: '2026-11-02T10:00:00.000Z', by: 'official' },
              totals: totals(0),
            },
          ],
        });
      const first = b(1, ZERO_HASH);
      const [wrongName, wrongCode, good] = await ingest([
        b(1, ZERO_HASH, 'Xã Chư Păh').text,
        b(1, ZERO_HASH, 'Xã Ia Grai', '99999').text,
        first.text,
      ]);
      expect((wrongName as { reason: string }).reason).toMatch(/^wrong_commune/);
      expect((wrongCode as { reason: string }).reason).toMatch(/^wrong_code/);
      expect(good!.status).toBe('accepted');
      await retirePoint(store, 'Xã Ia Grai', 'Máy bị mất', new Date());
      expect(await ingest([b(2, first.hash).text])).toMatchObject([
        { status: 'refused', reason: expect.stringMatching(/^retired/) },
      ]);
    });

    it('keeps batches from an unknown key aside and takes them in, in order, once the key is enrolled', async () => {
      const batches: string[] = [];
      let prev = ZERO_HASH;
      for (const [seq, day] of [
        [1, '2026-11-02'],
        [2, '2026-11-03'],
      ] as const) {
        const made = packageBatch({
          point: {
            id: pointId,
            communeName: 'Xã Ia Grai',
            communeCode: null,
            signPublic: key.publicRaw,
            signPrivatePem: key.privatePem,
          },
          recipients: { categoriesKey: province.secret.encryptPublic, personalKey: province.secret.sealPublic! },
          seq,
          prev,
          createdAt: `${day}T10:00:00.000Z`,
          kind: 'closing',
          keyChange: null,
          items: [],
          days: [{ day, closed: { at: `${day}T10:00:00.000Z`, by: 'official' }, totals: totals(0) }],
        });
        prev = made.hash;
        batches.push(made.text);
      }
      expect((await ingest([batches[1]!, batches[0]!, batches[0]!])).map((o) => o.status)).toEqual([
        'quarantined',
        'quarantined',
        'quarantined',
      ]);
      expect(await store.selectFrom('quarantine').select('seq').orderBy('seq').execute()).toEqual([
        { seq: 1 },
        { seq: 2 },
      ]);
      let report = await provinceReport(store, { kind: 'month', key: '2026-11' }, '2026-11-06');
      expect(report.points).toEqual([]);
      expect(report.silentUnits).toHaveLength(135);
      expect(report.unknownSenders).toMatchObject([
        { fingerprint: fingerprint(key.publicRaw), communeName: 'Xã Ia Grai', files: 2 },
      ]);
      await enrolPoint(store, { unit: 'Xã Ia Grai', fingerprint: fingerprint(key.publicRaw), by: 't', at: new Date() });
      const { releaseQuarantined } = await import('./ingest');
      const released = await releaseQuarantined(store, fingerprint(key.publicRaw), province.secret, at('2026-11-06'));
      expect(released.map((o) => [o.status, o.seq])).toEqual([
        ['accepted', 1],
        ['accepted', 2],
      ]);
      report = await provinceReport(store, { kind: 'month', key: '2026-11' }, '2026-11-06');
      // Missing days count from the point's first closed day (2 Nov), not from the 1st of the month.
      expect(report.points[0]).toMatchObject({
        firstDay: '2026-11-02',
        missingDays: ['2026-11-04', '2026-11-05', '2026-11-06'],
        daysClosed: 2,
        duplicates: 0,
      });
      expect(report.unknownSenders).toEqual([]);
      expect(report.silentUnits.map((u) => u.name)).not.toContain('Xã Ia Grai');
      expect((await ingest([batches[1]!])).map((o) => o.status)).toEqual(['duplicate']);
      expect((await provinceReport(store, { kind: 'month', key: '2026-11' }, '2026-11-06')).points[0]!.duplicates).toBe(
        1,
      );
    });
  });
});

// Only SQLite files were ever written by the /1 tool.
describe('a store made by the /1 tool', () => {
  useStore(PROVINCE_STORES[0]!.open);
  it('is migrated in place: its point enrolled under its unit, records kept, sealed parts it could never open dropped', async () => {
    const old = join(dir, 'old.sqlite3');
    const db = new Kysely<any>({ dialect: new Sqlite3Dialect({ file: old, onOpen: DURABLE_PRAGMAS }) });
    await migrate(db, [provinceMigration0001]);
    await db
      .insertInto('point')
      .values({
        point_id: pointId,
        commune_code: '23410',
        commune_name: 'Xã Ia Grai',
        public_key: key.publicRaw,
        fingerprint: fingerprint(key.publicRaw),
        first_seen_at: '2026-11-02T11:00:00.000Z',
        last_seq: 1,
        head_hash: 'a'.repeat(64),
      })
      .execute();
    await db
      .insertInto('batch')
      .values({
        point_id: pointId,
        seq: 1,
        batch_id: 'b1',
        manifest_hash: 'a'.repeat(64),
        kind: 'closing',
        created_at: 'x',
        received_at: '2026-11-02T11:00:00.000Z',
        period_from: null,
        period_to: null,
        closes_days: '["2026-11-02"]',
        record_count: 2,
        aggregates: '[]',
      })
      .execute();
    for (const [ref, version, erased] of [
      ['logbook_entry:1', 1, 0],
      ['logbook_entry:1', 2, 0],
      ['activity:3', 1, 1],
    ] as const) {
      await db
        .insertInto('record')
        .values({
          point_id: pointId,
          ref,
          version,
          entity: ref.split(':')[0],
          day: '2026-11-02',
          supersedes: null,
          late: 0,
          erased,
          clear: '{}',
          categories: '{}',
          sealed: '{"iv":"x"}',
          batch_seq: 1,
        })
        .execute();
    }
    await db
      .insertInto('closed_day')
      .values({ point_id: pointId, day: '2026-11-02', batch_seq: 1, received_at: '2026-11-02T11:00:00.000Z' })
      .execute();
    await db
      .insertInto('rejection')
      .values({
        id: undefined,
        at: '2026-11-02T12:00:00.000Z',
        file: 'x.json',
        point_id: null,
        seq: null,
        reason: 'not_json: …',
      })
      .execute();
    await db.destroy();
    const migrated = await openProvinceStore(old);
    try {
      expect(
        await migrated
          .selectFrom('unit')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst(),
      ).toEqual({ n: 135 });
      const point = await migrated
        .selectFrom('point')
        .innerJoin('unit', 'unit.id', 'point.unit_id')
        .select(['unit.name', 'unit.code', 'point.point_uuid', 'point.last_seq', 'point.first_day'])
        .executeTakeFirstOrThrow();
      expect(point).toEqual({
        name: 'Xã Ia Grai',
        code: null,
        point_uuid: pointId,
        last_seq: 1,
        first_day: '2026-11-02',
      });
      expect(
        await migrated
          .selectFrom('record')
          .select(['ref', 'version', 'state', 'current', 'personal'])
          .orderBy('ref')
          .orderBy('version')
          .execute(),
      ).toEqual([
        { ref: 'activity:3', version: 1, state: 'deleted', current: 1, personal: null },
        { ref: 'logbook_entry:1', version: 1, state: 'recorded', current: 0, personal: null },
        { ref: 'logbook_entry:1', version: 2, state: 'recorded', current: 1, personal: null },
      ]);
      expect(await migrated.selectFrom('intake').select(['outcome', 'reason']).execute()).toEqual([
        { outcome: 'refused', reason: 'not_json: …' },
      ]);
    } finally {
      await migrated.destroy();
    }
  });
});
