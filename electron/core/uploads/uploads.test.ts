import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/uploads/batch';
import { ingestBatch } from '../../province/ingest';
import { generateProvinceKeys } from '../../province/keys';
import { serveProvince } from '../../province/serve';
import { openProvinceStore, type ProvinceDb } from '../../province/store';
import { TEST_SETUP, openTestApp, signInAs, testClock } from '../testing';
import { sha256, signValue } from './crypto';
import { sendDue } from './send';
import { ensureIdentity } from './identity';
import type { Credentials } from '../gate';
import { jobContext } from '../scheduler';
import { deliveryJob } from './job';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let app: TestApp;
let dir: string;
let store: ProvinceDb;
let clock: ReturnType<typeof testClock>;
const province = generateProvinceKeys();

async function admin() {
  const s = await app.invoke('access.signIn', { memberId: 1, pin: TEST_SETUP.adminPin });
  return { token: s.token, device: 'staff' as const };
}

async function ready(options: { code?: string; key?: string } = {}) {
  const a = await admin();
  await app.invoke('settings.update', { ...TEST_SETUP.point, communeCode: options.code ?? '23410' }, a);
  await app.invoke('uploads.setProvince', { keyText: options.key ?? province.publicText }, a);
}

async function visit(cred: Credentials & { memberId: number }, day: string) {
  return app.invoke('logbook.create', {
    entry: { day, time: '09:00', channel: 'support_point', memberIds: [cred.memberId], helpKinds: ['vneid'], outcome: 'guided_only', minutes: 15 },
  }, cred);
}

/** What the point's jobs do by the clock: close the days nobody closed by the next working morning, then pack closed days. */
async function runJobs() {
  await app.invokeSystem('logbook.closeDueDays');
  return (await app.invokeSystem('uploads.packClosedDays')).batches;
}

/** The official closes a day; its batch is packed in the same act when the point is ready. */
async function closeByOfficial(day: string) {
  return app.invoke('logbook.closeDay', { day }, await signInAs(app, 'commune_official', { fullName: `Official ${day}` }));
}

async function batches() {
  return app.db.selectFrom('upload_batch').selectAll().orderBy('seq').execute();
}

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
  it('refuses, with the reason, while the commune code or the province key is missing, and changes nothing', async () => {
    const official = await signInAs(app, 'commune_official');
    const noCode = await app.call('uploads.cutNow', {}, official);
    expect(noCode).toMatchObject({ ok: false, error: { code: 'commune_code_missing' } });
    await app.invoke('settings.update', { ...TEST_SETUP.point, communeCode: '23410' }, await admin());
    const noKey = await app.call('uploads.cutNow', {}, official);
    expect(noKey).toMatchObject({ ok: false, error: { code: 'province_key_missing' } });
    expect((noKey as { error: { message: { vi: string } } }).error.message.vi).toContain('khóa công khai của tỉnh');
    expect(await batches()).toEqual([]);
    expect(await app.invoke('uploads.readiness', {}, official)).toMatchObject({ communeCode: true, provinceKey: false });
    // The official still closes the day; its batch waits, and the jobs stay quiet until the point is ready.
    clock.set('2026-11-02T11:00:00.000Z');
    expect(await closeByOfficial('2026-11-02')).toEqual({ ok: true, batchSeq: null });
    expect(await runJobs()).toEqual([]);
    expect((await app.invoke('uploads.status', {}, await signInAs(app, 'commune_official', { fullName: 'Official later' }))).dueDays).toEqual(['2026-11-02']);
    expect(await batches()).toEqual([]);
  });

  it('refuses a key file that is not the province of Gia Lai', async () => {
    const res = await app.call('uploads.setProvince', { keyText: province.publicText.replace('province: 52', 'province: 64') }, await admin());
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { keyText: 'uploads:problems.keyText' } } });
    const bad = await app.call('uploads.setProvince', { keyText: 'hello' }, await admin());
    expect(bad.ok).toBe(false);
    const official = await signInAs(app, 'commune_official');
    expect(await app.call('uploads.setProvince', { keyText: province.publicText }, official)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('closes a day with no visitors with a batch saying zero, and catches up days the PC was off', async () => {
    await ready();
    // Friday 18:00, nobody closed anything all week: Mon–Thu were due the next working morning each.
    clock.set('2026-11-06T11:00:00.000Z');
    const cut = await runJobs();
    expect(cut.map((c) => c.closesDays[0])).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
    const first = JSON.parse((await batches())[0]!.content);
    expect(first.manifest.counts.records).toBe(0);
    expect(first.aggregates.rows).toContainEqual({ day: '2026-11-02', measure: 'supports', category: 'total', value: 0 });
    // Friday's next working morning is Monday: the weekend changes nothing, Monday 07:30 closes it.
    clock.set('2026-11-08T11:00:00.000Z');
    expect(await runJobs()).toEqual([]);
    clock.set('2026-11-09T00:30:00.000Z');
    expect((await runJobs()).map((c) => c.closesDays)).toEqual([['2026-11-06']]);
  });

  it('bands small counts in the clear figures and marks a late entry as late', async () => {
    await ready();
    const member = await signInAs(app, 'duty_member');
    for (let i = 0; i < 3; i++) await visit(member, '2026-11-02');
    clock.set('2026-11-02T10:30:00.000Z');
    await closeByOfficial('2026-11-02');
    const [closing] = await batches();
    const file = JSON.parse(closing!.content);
    expect(file.aggregates.rows).toContainEqual({ day: '2026-11-02', measure: 'supports', category: 'total', value: '<5' });
    expect(file.records.items.filter((i: { entity: string }) => i.entity === 'logbook_entry')).toHaveLength(3);
    // Tuesday: an entry for Monday, already closed, is late.
    clock.set('2026-11-03T02:00:00.000Z');
    const again = await signInAs(app, 'duty_member');
    await visit(again, '2026-11-02');
    const cut = await app.invoke('uploads.cutNow', {}, await signInAs(app, 'commune_official'));
    expect(cut.batches).toHaveLength(1);
    const late = JSON.parse((await batches())[1]!.content);
    expect(late.manifest.kind).toBe('on_demand');
    expect(late.records.items[0]).toMatchObject({ entity: 'logbook_entry', late: true, day: '2026-11-02' });
    expect(late.manifest.counts.late).toBe(1);
  });
});

describe('the province refuses what it must', () => {
  async function twoBatches() {
    await ready();
    const member = await signInAs(app, 'duty_member');
    await visit(member, '2026-11-02');
    clock.set('2026-11-03T11:00:00.000Z');
    await runJobs();
    await closeByOfficial('2026-11-03');
    return (await batches()).map((b) => b.content);
  }
  /** Re-sign a changed manifest with the point's real key, as an insider could. */
  async function resigned(text: string, change: (file: any) => void): Promise<string> {
    const file = JSON.parse(text);
    change(file);
    file.manifest.parts.records = sha256(canonicalJson(file.records));
    const identity = await ensureIdentity(app.db, new Date());
    file.signature = signValue(file.manifest, identity.sign_private_pem);
    return JSON.stringify(file);
  }
  const ingest = (text: string) => ingestBatch(store, text, province.secret, new Date('2026-11-04T01:00:00Z'));

  it('tampered, truncated, reordered, duplicated and foreign batches, each with its reason', async () => {
    const [one, two] = await twoBatches();
    const tampered = JSON.parse(one!);
    tampered.records.items[0].clear.outcome = 'filed_online';
    expect(await ingest(JSON.stringify(tampered))).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^bad_part/) });
    const recounted = JSON.parse(one!);
    recounted.manifest.counts.records = 40;
    expect(await ingest(JSON.stringify(recounted))).toMatchObject({ reason: expect.stringMatching(/^bad_signature/) });
    expect(await ingest(one!.slice(0, one!.length - 200))).toMatchObject({ reason: expect.stringMatching(/^not_json/) });
    expect(await ingest(two!)).toMatchObject({ reason: expect.stringMatching(/^gap/) });
    expect(await ingest(one!)).toMatchObject({ status: 'accepted', seq: 1 });
    expect(await ingest(one!)).toMatchObject({ status: 'duplicate', seq: 1 });
    const other = await resigned(one!, (f) => (f.records.items[0].clear.minutes = 99));
    expect(await ingest(other)).toMatchObject({ reason: expect.stringMatching(/^conflict/) });
    const rechained = await resigned(two!, (f) => (f.manifest.prevHash = 'f'.repeat(64)));
    expect(await ingest(rechained)).toMatchObject({ reason: expect.stringMatching(/^broken_chain/) });
    // Someone else's key claiming this point's identity.
    const foreign = JSON.parse(two!);
    const { generateSigningKey, fingerprint } = await import('./crypto');
    const key = generateSigningKey();
    foreign.manifest.pointKey = key.publicRaw;
    foreign.manifest.pointKeyFingerprint = fingerprint(key.publicRaw);
    foreign.signature = signValue(foreign.manifest, key.privatePem);
    expect(await ingest(JSON.stringify(foreign))).toMatchObject({ reason: expect.stringMatching(/^foreign_key/) });
    expect(await ingest(two!)).toMatchObject({ status: 'accepted', seq: 2 });
    const stored = await store.selectFrom('batch').select('seq').execute();
    expect(stored.map((b) => b.seq)).toEqual([1, 2]);
    expect((await store.selectFrom('rejection').selectAll().execute()).length).toBe(7);
  });

  it('a batch sealed to another province key is refused and nothing is stored', async () => {
    const elsewhere = generateProvinceKeys();
    await ready({ key: elsewhere.publicText });
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
    clock.set('2026-11-03T11:00:00.000Z');
    await runJobs();
    await closeByOfficial('2026-11-03');
    const official = await signInAs(app, 'commune_official');
    const out = join(dir, 'usb');
    expect(await app.call('uploads.saveToFolder', { directory: out }, official)).toMatchObject({ ok: false, error: { fields: { directory: 'uploads:problems.folder' } } });
    expect(await app.call('uploads.saveToFolder', { directory: 'relative/path' }, official)).toMatchObject({ ok: false });
    const { mkdirSync, readFileSync } = await import('node:fs');
    mkdirSync(out);
    const saved = await app.invoke('uploads.saveToFolder', { directory: out }, official);
    expect(saved.files).toHaveLength(2);
    expect(readdirSync(out).sort()).toEqual(saved.files.sort());
    let status = await app.invoke('uploads.status', {}, official);
    expect(status.counts).toMatchObject({ saved: 2, acknowledged: 0 });
    // The province ingests the files and its receipts come back on the stick.
    const receipts = [];
    for (const name of saved.files.sort()) {
      const outcome = await ingestBatch(store, readFileSync(join(out, name), 'utf8'), province.secret, new Date());
      if (outcome.status !== 'refused') receipts.push({ name: `${name}.receipt.json`, text: JSON.stringify(outcome.receipt) });
    }
    const forged = { ...JSON.parse(receipts[1]!.text), signature: JSON.parse(receipts[0]!.text).signature };
    const imported = await app.invoke('uploads.importReceipts', { files: [receipts[0]!, { name: 'forged.json', text: JSON.stringify(forged) }] }, official);
    expect(imported).toEqual({ acknowledged: [1], rejected: ['forged.json'] });
    status = await app.invoke('uploads.status', {}, official);
    expect(status.counts).toMatchObject({ saved: 1, acknowledged: 1 });
    expect(existsSync(join(out, saved.files[0]!))).toBe(true);
  });

  it('posts to the province: only a signed receipt counts, failures back off and say why', async () => {
    await ready();
    clock.set('2026-11-03T11:00:00.000Z');
    await runJobs();
    await closeByOfficial('2026-11-03');
    const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/batches`)));
    // A Wi-Fi login page answering 200 is not an acceptance.
    const portal = createServer((_req, res) => res.end('<html>login</html>'));
    const portalUrl = await listen(portal);
    await app.invoke('uploads.setProvince', { url: portalUrl }, await admin());
    const first = await sendDue(app.db, clock.now);
    expect(first.failed).toEqual({ seq: 1, error: 'bad_receipt' });
    const [b1] = await batches();
    expect(b1).toMatchObject({ attempts: 1, acknowledged_at: null, last_error: 'bad_receipt' });
    expect(Date.parse(b1!.next_attempt_at!) - clock.now().getTime()).toBe(60_000);
    expect(await sendDue(app.db, clock.now)).toMatchObject({ skipped: true });
    portal.close();
    // The real province endpoint.
    const server = serveProvince(store, province.secret, clock.now);
    const url = await listen(server);
    await app.invoke('uploads.setProvince', { url }, await admin());
    clock.advance(61_000);
    // The point's delivery job: the round trips outside, each answer recorded through the gate.
    const second = await deliveryJob.run(jobContext(app));
    expect(second).toEqual({ acknowledged: [1, 2], failed: null, skipped: false });
    expect(await app.db.selectFrom('audit_event').select('action').where('action', '=', 'uploads.recordDelivery').execute()).toHaveLength(2);
    const status = await app.invoke('uploads.status', {}, await signInAs(app, 'commune_official'));
    expect(status.counts).toMatchObject({ acknowledged: 2, failed: 0 });
    expect(JSON.parse((await batches())[0]!.receipt!)).toMatchObject({ body: { status: 'accepted', seq: 1 } });
    server.close();
    // A closed port: a network failure, retried later.
    clock.set('2026-11-04T11:00:00.000Z');
    await closeByOfficial('2026-11-04');
    const third = await deliveryJob.run(jobContext(app));
    expect(third).toMatchObject({ failed: { seq: 3, error: 'network' } });
  });
});
