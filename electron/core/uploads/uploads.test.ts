import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECORD_ENTITIES, canonicalJson } from '#shared/uploads/batch';
import { ingestBatch, ingestMany } from '#province/ingest';
import { generateProvinceKeys } from '#province/keys';
import { provinceReport } from '#province/report';
import { serveProvince } from '#province/serve';
import { openProvinceStore, type ProvinceDb } from '#province/store';
import { enrolPointOf } from '#province/testing';
import { TEST_SETUP, openTestApp, signInAs, testClock } from '../testing';
import { fingerprint, generateSigningKey } from '../crypto/signing';
import { sendDue } from './send';
import { ensureIdentity } from './identity';
import { checkBatchText, signBatch } from './verify';
import type { Credentials } from '../gate';
import type { Db } from '../db/open';
import { jobContext } from '../scheduler';
import { deliveryJob } from './job';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let app: TestApp;
let dir: string;
let store: ProvinceDb;
let clock: ReturnType<typeof testClock>;
const province = generateProvinceKeys('a passphrase long enough');

async function admin() {
  const s = await app.invoke('access.signIn', { memberId: 1, pin: TEST_SETUP.adminPin });
  return { token: s.token, device: 'staff' as const };
}

async function ready(options: { key?: string } = {}) {
  await app.invoke('uploads.setProvince', { keyText: options.key ?? province.publicText }, await admin());
}

async function visit(cred: Credentials & { memberId: number }, day: string) {
  return app.invoke(
    'logbook.create',
    {
      entry: {
        day,
        time: '09:00',
        channel: 'support_point',
        memberIds: [cred.memberId],
        helpKinds: ['vneid'],
        outcome: 'guided_only',
        minutes: 15,
      },
    },
    cred,
  );
}

/** What the point's jobs do by the clock: close the days nobody closed by the next working morning, then pack closed days. */
async function runJobs() {
  await app.invokeSystem('logbook.closeDueDays');
  return (await app.invokeSystem('uploads.packClosedDays')).batches;
}

/** The official closes a day; its batch is packed in the same act when the point is ready. */
async function closeByOfficial(day: string) {
  return app.invoke(
    'logbook.closeDay',
    { day },
    await signInAs(app, 'commune_official', { fullName: `Official ${day}` }),
  );
}

async function batches() {
  return app.db.selectFrom('upload_batch').selectAll().orderBy('seq').execute();
}
const body = (text: string) => JSON.parse(text).batch;

beforeEach(async () => {
  clock = testClock('2026-11-02T01:00:00.000Z'); // Monday 08:00 in Vietnam
  app = await openTestApp({ now: clock.now });
  dir = mkdtempSync(join(tmpdir(), 'dhs-uploads-'));
  store = await openProvinceStore(join(dir, 'province.sqlite3'));
});

afterEach(async () => {
  await store.destroy();
  await app.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('cutting batches', () => {
  it('refuses, with the reason, while the province key is missing, and changes nothing; no commune code is needed', async () => {
    const official = await signInAs(app, 'commune_official');
    const noKey = await app.call('uploads.cutNow', {}, official);
    expect(noKey).toMatchObject({ ok: false, error: { code: 'province_key_missing' } });
    expect((noKey as { error: { message: { vi: string } } }).error.message.vi).toContain('khóa công khai của tỉnh');
    expect(await batches()).toEqual([]);
    expect(await app.invoke('uploads.readiness', {}, official)).toMatchObject({
      communeCode: false,
      provinceKey: false,
    });
    // The official still closes the day; its batch waits, and the jobs stay quiet until the point is ready.
    clock.set('2026-11-02T11:00:00.000Z');
    expect(await closeByOfficial('2026-11-02')).toEqual({ ok: true, batchSeq: null });
    expect(await runJobs()).toEqual([]);
    expect(
      (await app.invoke('uploads.status', {}, await signInAs(app, 'commune_official', { fullName: 'Official later' })))
        .dueDays,
    ).toEqual(['2026-11-02']);
    await ready();
    const cut = await runJobs();
    expect(cut).toHaveLength(1);
    const batch = body((await batches())[0]!.content);
    expect(batch.point).toMatchObject({ communeName: 'Xã Ia Grai', communeCode: null });
    expect((await batches())[0]!.file_name).toMatch(/^GL52_[0-9a-f]{8}_000001\.batch\.json$/);
  });

  it('refuses a key file that is not the province of Gia Lai', async () => {
    const res = await app.call(
      'uploads.setProvince',
      { keyText: province.publicText.replace('province: 52', 'province: 64') },
      await admin(),
    );
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { keyText: 'uploads:problems.keyText' } },
    });
    const bad = await app.call('uploads.setProvince', { keyText: 'hello' }, await admin());
    expect(bad.ok).toBe(false);
    const official = await signInAs(app, 'commune_official');
    expect(await app.call('uploads.setProvince', { keyText: province.publicText }, official)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('closes a day with no visitors with a batch saying zero, and catches up days the PC was off', async () => {
    await ready();
    // Friday 18:00, nobody closed anything all week: Mon–Thu were due the next working morning each.
    clock.set('2026-11-06T11:00:00.000Z');
    const cut = await runJobs();
    expect(cut.map((c) => c.closesDays[0])).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
    const first = body((await batches())[0]!.content);
    expect(first.counts.records).toBe(0);
    expect(first.days).toEqual([
      {
        day: '2026-11-02',
        closed: { at: expect.any(String), by: 'automatic' },
        totals: Object.fromEntries(RECORD_ENTITIES.map((e) => [e, 0])),
      },
    ]);
    // Friday's next working morning is Monday: the weekend changes nothing, Monday 07:30 closes it.
    clock.set('2026-11-08T11:00:00.000Z');
    expect(await runJobs()).toEqual([]);
    clock.set('2026-11-09T00:30:00.000Z');
    expect((await runJobs()).map((c) => c.closesDays)).toEqual([['2026-11-06']]);
  });

  it("tells the official's close from the app's, counts the day, and marks a late entry as late", async () => {
    await ready();
    const member = await signInAs(app, 'duty_member');
    for (let i = 0; i < 3; i++) await visit(member, '2026-11-02');
    clock.set('2026-11-02T10:00:00.000Z');
    await closeByOfficial('2026-11-02');
    const [closing] = await batches();
    const batch = body(closing!.content);
    expect(batch.days).toEqual([
      {
        day: '2026-11-02',
        closed: { at: '2026-11-02T10:00:00.000Z', by: 'official' },
        totals: expect.objectContaining({ logbook_entry: 3 }),
      },
    ]);
    expect(batch.records.filter((i: { entity: string }) => i.entity === 'logbook_entry')).toHaveLength(3);
    // Tuesday: an entry for Monday, already closed, is late; Monday's total says 4 now.
    clock.set('2026-11-03T02:00:00.000Z');
    await visit(await signInAs(app, 'duty_member'), '2026-11-02');
    const cut = await app.invoke('uploads.cutNow', {}, await signInAs(app, 'commune_official'));
    expect(cut.batches).toHaveLength(1);
    const late = body((await batches())[1]!.content);
    expect(late.kind).toBe('on_demand');
    expect(late.records[0]).toMatchObject({
      entity: 'logbook_entry',
      late: true,
      day: '2026-11-02',
      state: 'recorded',
    });
    expect(late.counts).toMatchObject({ records: 1, late: 1 });
    expect(late.days).toEqual([
      { day: '2026-11-02', closed: null, totals: expect.objectContaining({ logbook_entry: 4 }) },
    ]);
  });

  it('rotates its key: the announcing batch is signed by the old key, the next by the new one, and the province follows', async () => {
    await ready();
    await enrolPointOf(store, app.db);
    clock.set('2026-11-02T11:00:00.000Z');
    await closeByOfficial('2026-11-02');
    const before = (await app.db.selectFrom('upload_identity').selectAll().executeTakeFirstOrThrow()).fingerprint;
    const rotated = await app.invoke('uploads.rotateKey', {}, await admin());
    expect(rotated.fingerprint).not.toBe(before);
    clock.set('2026-11-03T11:00:00.000Z');
    await closeByOfficial('2026-11-03');
    const [one, two, three] = (await batches()).map((b) => body(b.content));
    expect(two).toMatchObject({
      seq: 2,
      point: { fingerprint: before },
      keyChange: { fingerprint: rotated.fingerprint },
    });
    expect(three).toMatchObject({ seq: 3, point: { fingerprint: rotated.fingerprint } });
    expect(one.point.fingerprint).toBe(before);
    const outcomes = await ingestMany(
      store,
      (await batches()).map((b) => ({ text: b.content, label: b.file_name })),
      province.secret,
      clock.now(),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(
      await store
        .selectFrom('point_key')
        .select(['fingerprint', 'from_seq', 'until_seq'])
        .orderBy('from_seq')
        .execute(),
    ).toEqual([
      { fingerprint: before, from_seq: 1, until_seq: 2 },
      { fingerprint: rotated.fingerprint, from_seq: 3, until_seq: null },
    ]);
  });
});

describe('the province refuses what it must', () => {
  async function twoBatches() {
    await ready();
    await enrolPointOf(store, app.db);
    const member = await signInAs(app, 'duty_member');
    await visit(member, '2026-11-02');
    clock.set('2026-11-03T11:00:00.000Z');
    await runJobs();
    await closeByOfficial('2026-11-03');
    return (await batches()).map((b) => b.content);
  }
  /** Change a batch and sign it again with the point's real key, as an insider could. */
  async function resigned(text: string, change: (batch: any) => void): Promise<string> {
    const batch = body(text);
    change(batch);
    const identity = await ensureIdentity(app.db, new Date());
    return signBatch(batch, identity.sign_private_pem).text;
  }
  const ingest = (text: string) => ingestBatch(store, text, province.secret, new Date('2026-11-04T01:00:00Z'));

  it('tampered, truncated, unsigned, reordered, duplicated, lying and foreign batches, each with its reason', async () => {
    const [one, two] = await twoBatches();
    const tampered = JSON.parse(one!);
    tampered.batch.records[0].clear.outcome = 'filed_online';
    expect(await ingest(JSON.stringify(tampered))).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/^bad_signature/),
    });
    expect(await ingest(one!.slice(0, one!.length - 200))).toMatchObject({
      reason: expect.stringMatching(/^not_json/),
    });
    // Bytes beside the signed batch, or the same batch laid out differently: not what was signed.
    expect(await ingest(one!.replace(/}$/, ',"note":"ok"}'))).toMatchObject({
      reason: expect.stringMatching(/^unsigned_field/),
    });
    expect(await ingest(JSON.stringify(JSON.parse(one!), null, 1))).toMatchObject({
      reason: expect.stringMatching(/^not_canonical/),
    });
    // A member inside the batch is signed: unsigned it is refused, signed it is kept and ignored.
    const extra = JSON.parse(one!);
    extra.batch.bonus = 1;
    expect(await ingest(canonicalJson(extra))).toMatchObject({ reason: expect.stringMatching(/^bad_signature/) });
    // Counts that lie, even signed: refused before anything is stored.
    expect(await ingest(await resigned(one!, (b) => (b.counts.late = 1)))).toMatchObject({
      reason: expect.stringMatching(/^bad_count/),
    });
    expect(await ingest(await resigned(one!, (b) => (b.days[0].totals = { logbook_entry: 1 })))).toMatchObject({
      reason: expect.stringMatching(/^bad_format: days\.0\.totals/),
    });
    expect(await ingest(await resigned(one!, (b) => (b.days = [])))).toMatchObject({
      reason: expect.stringMatching(/^bad_days/),
    });
    expect(await ingest(await resigned(one!, (b) => (b.days[0].totals.logbook_entry = 7)))).toMatchObject({
      reason: expect.stringMatching(
        /^totals_mismatch: for 2026-11-02 the point counts 7 logbook_entry, the province would hold 1/,
      ),
    });
    expect(
      await ingest(
        await resigned(one!, (b) => {
          b.records[0].late = true;
          b.counts.late = 1;
        }),
      ),
    ).toMatchObject({ reason: expect.stringMatching(/^bad_late/) });
    expect(await store.selectFrom('batch').selectAll().execute()).toEqual([]);
    // Out of order: the second is held until the first comes, then both are in.
    expect(await ingest(two!)).toMatchObject({
      status: 'held',
      reason: expect.stringMatching(/^held: batch 1 has not arrived/),
    });
    let report = await provinceReport(store, { kind: 'month', key: '2026-11' }, '2026-11-03');
    expect(report.points[0]).toBeUndefined();
    const first = await ingestMany(
      store,
      [{ text: await resigned(one!, (b) => (b.bonus = 'signed, so kept and ignored')), label: 'one' }],
      province.secret,
      new Date('2026-11-04T01:00:00Z'),
    );
    expect(first.map((o) => [o.status, o.seq])).toEqual([
      ['accepted', 1],
      ['refused', 2],
    ]);
    expect((first[1] as { reason: string }).reason).toMatch(/^broken_chain/);
    expect(await ingest(two!)).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^broken_chain/) });
    expect(await ingest(one!)).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^conflict/) });
    expect(JSON.parse((await store.selectFrom('batch').select('head').executeTakeFirstOrThrow()).head)).toMatchObject({
      bonus: 'signed, so kept and ignored',
    });
    report = await provinceReport(store, { kind: 'month', key: '2026-11' }, '2026-11-03');
    expect(report.points[0]!.gap).toBeNull();
  });

  it('takes a gap in the chain back in order once the missing batch arrives, and reports what waits', async () => {
    const [one, two] = await twoBatches();
    clock.set('2026-11-04T11:00:00.000Z');
    await closeByOfficial('2026-11-04');
    const three = (await batches())[2]!.content;
    expect(await ingest(three)).toMatchObject({ status: 'held' });
    expect(await ingest(one!)).toMatchObject({ status: 'accepted', seq: 1 });
    const report = await provinceReport(store, { kind: 'month', key: '2026-11' }, '2026-11-04');
    expect(report.points[0]!.gap).toEqual({ missing: [2], held: [3] });
    const outcomes = await ingestMany(
      store,
      [{ text: two!, label: 'two' }],
      province.secret,
      new Date('2026-11-05T01:00:00Z'),
    );
    expect(outcomes.map((o) => [o.status, o.seq])).toEqual([
      ['accepted', 2],
      ['accepted', 3],
    ]);
    expect((await provinceReport(store, { kind: 'month', key: '2026-11' }, '2026-11-04')).points[0]!.gap).toBeNull();
    expect(await ingest(one!)).toMatchObject({ status: 'duplicate', seq: 1 });
  });

  it('a second key claiming an enrolled commune is kept aside, never counted; a key replacing the point is refused', async () => {
    const [one] = await twoBatches();
    expect(await ingest(one!)).toMatchObject({ status: 'accepted' });
    // A stranger holding the public province key makes a point of its own that says "Xã Ia Grai".
    const stranger = generateSigningKey();
    const forged = await resigned(one!, (b) => {
      b.point = {
        ...b.point,
        id: '11111111-2222-4333-8444-555555555555',
        key: stranger.publicRaw,
        fingerprint: fingerprint(stranger.publicRaw),
      };
    });
    const forgedSigned = signBatch(body(forged), stranger.privatePem).text;
    expect(await ingest(forgedSigned)).toMatchObject({
      status: 'quarantined',
      reason: expect.stringMatching(/^unknown_key: no point is enrolled with key .* \(the batch names Xã Ia Grai\)/),
    });
    // …or signs in this point's name with its own key.
    const foreign = signBatch(
      {
        ...body(one!),
        point: { ...body(one!).point, key: stranger.publicRaw, fingerprint: fingerprint(stranger.publicRaw) },
      },
      stranger.privatePem,
    ).text;
    expect(await ingest(foreign)).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^foreign_key/) });
    const report = await provinceReport(store, { kind: 'month', key: '2026-11' }, '2026-11-03');
    expect(report.points.map((p) => p.unitName)).toEqual(['Xã Ia Grai']);
    expect(report.points[0]!.report.supports.total).toBe(1);
    expect(report.unknownSenders).toEqual([
      expect.objectContaining({ fingerprint: fingerprint(stranger.publicRaw), communeName: 'Xã Ia Grai', files: 1 }),
    ]);
    expect(report.silentUnits).toHaveLength(134);
    expect(report.silentUnits.find((u) => u.name === 'Xã Ia Grai')).toBeUndefined();
  });

  it('a batch sealed to another province key is refused and nothing is stored', async () => {
    const elsewhere = generateProvinceKeys();
    await ready({ key: elsewhere.publicText });
    await enrolPointOf(store, app.db);
    await visit(await signInAs(app, 'duty_member'), '2026-11-02');
    clock.set('2026-11-02T11:00:00.000Z');
    await closeByOfficial('2026-11-02');
    const [only] = await batches();
    expect(await ingest(only!.content)).toMatchObject({ reason: expect.stringMatching(/^wrong_recipient/) });
    expect(await store.selectFrom('record').selectAll().execute()).toEqual([]);
  });
});

describe('ways out', () => {
  it('saves every unacknowledged batch into a folder, refuses a bad folder, and takes receipts back', async () => {
    await ready();
    await enrolPointOf(store, app.db);
    clock.set('2026-11-03T11:00:00.000Z');
    await runJobs();
    await closeByOfficial('2026-11-03');
    const official = await signInAs(app, 'commune_official');
    const out = join(dir, 'usb');
    expect(await app.call('uploads.saveToFolder', { directory: out }, official)).toMatchObject({
      ok: false,
      error: { fields: { directory: 'uploads:problems.folder' } },
    });
    expect(await app.call('uploads.saveToFolder', { directory: 'relative/path' }, official)).toMatchObject({
      ok: false,
    });
    const { mkdirSync, readFileSync } = await import('node:fs');
    mkdirSync(out);
    const saved = await app.invoke('uploads.saveToFolder', { directory: out }, official);
    expect(saved.files).toHaveLength(2);
    expect(readdirSync(out).sort()).toEqual(saved.files.sort());
    for (const name of saved.files) expect(checkBatchText(readFileSync(join(out, name), 'utf8')).ok).toBe(true);
    let status = await app.invoke('uploads.status', {}, official);
    expect(status.counts).toMatchObject({ saved: 2, acknowledged: 0 });
    // The province ingests the files and its receipts come back on the stick.
    const receipts = [];
    for (const name of saved.files.sort()) {
      const outcome = await ingestBatch(store, readFileSync(join(out, name), 'utf8'), province.secret, new Date());
      if (outcome.status === 'accepted')
        receipts.push({ name: `${name}.receipt.json`, text: JSON.stringify(outcome.receipt) });
    }
    const forged = { ...JSON.parse(receipts[1]!.text), signature: JSON.parse(receipts[0]!.text).signature };
    const padded = { ...JSON.parse(receipts[1]!.text), body: { ...JSON.parse(receipts[1]!.text).body, extra: 1 } };
    const imported = await app.invoke(
      'uploads.importReceipts',
      {
        files: [
          receipts[0]!,
          { name: 'forged.json', text: JSON.stringify(forged) },
          { name: 'padded.json', text: JSON.stringify(padded) },
        ],
      },
      official,
    );
    expect(imported).toEqual({ acknowledged: [1], rejected: ['forged.json', 'padded.json'] });
    status = await app.invoke('uploads.status', {}, official);
    expect(status.counts).toMatchObject({ saved: 1, acknowledged: 1 });
    expect(existsSync(join(out, saved.files[0]!))).toBe(true);
    // The point keeps no copy of a confirmed batch (its sealed parts are the province's now).
    expect((await batches())[0]!.content).toBe('');
    expect(await app.call('uploads.download', { seq: 1 }, official)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('posts to the province: only a signed receipt counts, failures back off and say why', async () => {
    await ready();
    await enrolPointOf(store, app.db);
    clock.set('2026-11-03T11:00:00.000Z');
    await runJobs();
    await closeByOfficial('2026-11-03');
    const listen = (server: Server) =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/batches`),
        ),
      );
    // A Wi-Fi login page answering 200 is not an acceptance.
    const portal = createServer((_req, res) => res.end('<html>login</html>'));
    const portalUrl = await listen(portal);
    await app.invoke('uploads.setProvince', { url: portalUrl }, await admin());
    // Without `force`, as the back-off decides; each answer in a short transaction of its own.
    const sending = {
      db: app.db,
      now: clock.now,
      step: <T>(work: (db: Db) => Promise<T>) => app.db.transaction().execute(work),
      emit: () => undefined,
    };
    const first = await sendDue(sending);
    expect(first.failed).toEqual({ seq: 1, error: 'bad_receipt' });
    const [b1] = await batches();
    expect(b1).toMatchObject({ attempts: 1, acknowledged_at: null, last_error: 'bad_receipt' });
    expect(Date.parse(b1!.next_attempt_at!) - clock.now().getTime()).toBe(60_000);
    expect(await sendDue(sending)).toMatchObject({ skipped: true });
    portal.close();
    // The real province endpoint.
    const server = serveProvince(store, province.secret, clock.now);
    const url = await listen(server);
    await app.invoke('uploads.setProvince', { url }, await admin());
    clock.advance(61_000);
    // The point's delivery job: the round trips outside, each answer recorded through the gate.
    const second = await deliveryJob.run(jobContext(app));
    expect(second).toEqual({ acknowledged: [1, 2], failed: null, skipped: false });
    expect(
      await app.db.selectFrom('audit_event').select('action').where('action', '=', 'uploads.recordDelivery').execute(),
    ).toHaveLength(2);
    const status = await app.invoke('uploads.status', {}, await signInAs(app, 'commune_official'));
    expect(status.counts).toMatchObject({ acknowledged: 2, failed: 0 });
    expect(JSON.parse((await batches())[0]!.receipt!)).toMatchObject({
      body: { kind: 'dhs-receipt/2', status: 'accepted', seq: 1 },
    });
    server.close();
    // A closed port: a network failure, retried later.
    clock.set('2026-11-04T11:00:00.000Z');
    await closeByOfficial('2026-11-04');
    const third = await deliveryJob.run(jobContext(app));
    expect(third).toMatchObject({ failed: { seq: 3, error: 'network' } });
  });
});
