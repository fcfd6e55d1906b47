import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, DATABASE_FILE } from '#core/app';
import { writeMac } from '#core/backups/authenticity';
import { backupsDir, RESTORE_LEFTOVERS } from '#core/backups/service';
import { SCHEDULED_JOBS } from '#core/jobs';
import { startScheduler } from '#core/scheduler';
import { openTestApp, signInAs, testClock } from '#core/testing';
import { removeDir, startServer, tempDataDir } from '../support/server';
import { databaseChecksum } from '../support/checksum';

/**
 * Backups that cannot be slipped in, erasures that hold through restores and leave nothing in
 * the WAL or in old copies, and a data folder a thief learns little from: each case is a
 * hostile act from issue 12, tried on real files.
 */
type TestApp = Awaited<ReturnType<typeof openTestApp>>;
type Creds = Awaited<ReturnType<typeof signInAs>>;
const clock = testClock('2026-11-25T02:00:00.000Z');
let app: TestApp;
let admin: Creds;
let member: Creds;
let dataDir: string;

/** The name nobody else has: found by grep in any file that still holds it. */
const UNIQUE = 'Rơ Châm Zyxwvutsrq';
const PHONE = '0987000123';

beforeEach(async () => {
  clock.set('2026-11-25T02:00:00.000Z');
  app = await openTestApp({ now: clock.now });
  dataDir = app.dataDir;
  admin = await signInAs(app, 'admin');
  member = await signInAs(app, 'duty_member');
});
afterEach(() => app.cleanup());

async function addPerson(fullName = UNIQUE, phone = PHONE): Promise<number> {
  const entry = {
    day: '2026-11-25',
    time: '08:30',
    channel: 'support_point',
    memberIds: [member.memberId],
    helpKinds: ['vneid'],
    outcome: 'guided_only',
    minutes: 15,
    gender: 'female',
    ageBand: '60_plus',
    village: 'Thôn 1',
    fullName,
    phone,
    consent: { contact: true, ethnicity: false, disability: false },
  };
  return (await app.invoke('logbook.create', { entry }, member)).id;
}

/** Every file under the data folder whose bytes contain `text` (UTF-8), by relative path. */
function filesHolding(text: string): string[] {
  const needle = Buffer.from(text);
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (readFileSync(path).includes(needle)) found.push(relative(dataDir, path));
    }
  };
  walk(dataDir);
  return found.sort();
}

function sqliteRun(path: string, statements: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path);
    db.serialize(() => {
      for (const s of statements) db.run(s, (e) => e && reject(e));
    });
    db.close((e) => (e ? reject(e) : resolve()));
  });
}

const reopen = async () => {
  await app.close();
  const again = await openApp({ dataDir, now: clock.now, log: () => undefined, shell: 'test' });
  app = Object.assign(again, {
    cleanup: async () => {
      await again.close();
      removeDir(dataDir);
    },
  });
  admin = await signInAs(app, 'admin', { fullName: 'Quản trị sau khôi phục' });
  member = await signInAs(app, 'duty_member', { fullName: 'Thành viên sau khôi phục' });
};

describe('a crafted backup', () => {
  const CRAFT = [
    // An extra admin whose PIN the attacker knows (the hash of the point's own admin, copied).
    `insert into member (full_name, access_role, pin_hash, active, created_at, updated_at) select 'Kẻ lạ', 'admin', pin_hash, 1, created_at, updated_at from member where access_role = 'admin' limit 1`,
    // A hidden table and a trigger that copies every erased name and phone into it.
    'create table z_keep (person text)',
    `create trigger z_copy before update of person on logbook_version begin insert into z_keep values (old.person); end`,
    // The attacker's province key: batches would be sealed to the attacker.
    `update upload_identity set province_encrypt_key = 'QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=' where id = 1`,
  ];

  async function craftedCopy(): Promise<string> {
    await app.invoke('uploads.readiness', {}, admin).catch(() => undefined);
    const made = await app.invoke('backups.create', {}, admin);
    const path = join(backupsDir(dataDir), 'manual-2026-11-25-0930-crafted.sqlite3');
    copyFileSync(made.path, path);
    await sqliteRun(path, CRAFT);
    return path;
  }

  it('is refused whichever way it is offered, because it carries no MAC of this point', async () => {
    const path = await craftedCopy();
    const before = await databaseChecksum(app.db);
    copyFileSync(
      `${join(backupsDir(dataDir), readdirSync(backupsDir(dataDir)).find((n) => n.endsWith('.mac'))!)}`,
      `${path}.mac`,
    ); // a MAC of another file
    const offers = [
      { kind: 'stored', name: 'manual-2026-11-25-0930-crafted.sqlite3' },
      { kind: 'path', path },
      { kind: 'upload', fileName: 'sao-luu.sqlite3', base64: readFileSync(path).toString('base64') },
    ];
    for (const source of offers) {
      const res = await app.call('backups.restore', { source }, admin);
      expect(res.ok ? 'ok' : res.error.fields?.source, source.kind).toBe('backups:problems.notAuthenticated');
    }
    expect(await databaseChecksum(app.db)).toBe(before);
    expect(existsSync(join(dataDir, 'restore-pending.sqlite3'))).toBe(false);
  });

  it('is refused for its schema even with a valid MAC: nothing but what the migrations make', async () => {
    const path = await craftedCopy();
    await writeMac(dataDir, path);
    const res = await app.call(
      'backups.restore',
      { source: { kind: 'stored', name: 'manual-2026-11-25-0930-crafted.sqlite3' } },
      admin,
    );
    expect(res.ok ? 'ok' : res.error.fields?.source).toBe('backups:problems.schema');
  });

  it('sealed for a USB stick, is refused when a byte changed, when cut short, or with a wrong passphrase', async () => {
    await app.invoke('backups.setPassphrase', { passphrase: 'mưa rừng Kon Ka Kinh 2026' }, admin);
    const usb = tempDataDir('dhs-usb-');
    try {
      const made = await app.invoke('backups.create', { directory: usb }, admin);
      const bytes = readFileSync(made.path);
      const flipped = Buffer.from(bytes);
      flipped[flipped.length - 40]! ^= 1;
      const right = 'mưa rừng Kon Ka Kinh 2026';
      await app.invoke('backups.setPassphrase', { passphrase: 'một cụm mật khẩu mới hoàn toàn' }, admin);
      const cases: [string, Buffer, string | undefined, string][] = [
        ['a changed byte', flipped, right, 'notAuthenticated'],
        ['cut short', bytes.subarray(0, bytes.length - 1000), right, 'truncated'],
        ['a wrong passphrase', bytes, 'không phải cụm mật khẩu này', 'notAuthenticated'],
        ['no passphrase, made with an older one', bytes, undefined, 'passphraseNeeded'],
      ];
      const before = await databaseChecksum(app.db);
      for (const [label, data, passphrase, reason] of cases) {
        const res = await app.call(
          'backups.restore',
          {
            source: {
              kind: 'upload',
              fileName: 'x.dhsbackup',
              base64: data.toString('base64'),
              ...(passphrase ? { passphrase } : {}),
            },
          },
          admin,
        );
        expect(res.ok ? 'ok' : res.error.fields?.source, label).toBe(`backups:problems.${reason}`);
      }
      expect(await databaseChecksum(app.db)).toBe(before);
      const good = await app.call(
        'backups.restore',
        { source: { kind: 'path', path: made.path, passphrase: right } },
        admin,
      );
      expect(good.ok).toBe(true);
    } finally {
      removeDir(usb);
    }
  });
});

describe('erasure that erases', () => {
  it('leaves the name and phone in no file: database, WAL, logs (and the erasure list holds no name)', async () => {
    const id = await addPerson();
    expect(filesHolding(UNIQUE).length).toBeGreaterThan(0);
    await app.invoke('logbook.erase', { ids: [id], reason: 'Người dân yêu cầu xóa' }, admin);
    expect(filesHolding(UNIQUE)).toEqual([]);
    expect(filesHolding(PHONE)).toEqual([]);
    expect(readFileSync(join(dataDir, 'erasures.jsonl'), 'utf8')).toMatch(new RegExp(`\\[${id},`));
  });

  it('holds through the restore of an older backup: the person does not come back', async () => {
    const id = await addPerson();
    const made = await app.invoke('backups.create', {}, admin);
    await app.invoke('logbook.erase', { ids: [id], reason: 'Người dân yêu cầu xóa' }, admin);
    await app.invoke('backups.restore', { source: { kind: 'stored', name: made.fileName } }, admin);
    await reopen();
    const found = await app.invoke('logbook.findPerson', { query: UNIQUE }, admin);
    expect(found).toEqual([]);
    expect((await app.invoke('logbook.get', { id }, admin)).current.fullName).toBeNull();
    const inLive = filesHolding(UNIQUE).filter((f) => f.startsWith(DATABASE_FILE) && !f.includes('before-restore'));
    expect(inLive).toEqual([]);
  });

  it('every kind of older copy goes with the retention: automatic, manual, before-restore, failed restore', async () => {
    const id = await addPerson();
    await app.invoke('backups.updateSettings', { keepDays: 2 }, admin);
    const made = await app.invoke('backups.create', {}, admin);
    await app.invoke('backups.restore', { source: { kind: 'stored', name: made.fileName } }, admin);
    await reopen();
    writeFileSync(join(dataDir, 'restore-failed.sqlite3'), `old failed copy ${UNIQUE}`);
    await app.invoke('logbook.erase', { ids: [id], reason: 'Người dân yêu cầu xóa' }, admin);
    expect(filesHolding(UNIQUE).length).toBeGreaterThan(0); // the older copies still hold it, as the screen says
    const old = new Date('2026-11-20T02:00:00Z');
    for (const name of RESTORE_LEFTOVERS)
      if (existsSync(join(dataDir, name))) utimesSync(join(dataDir, name), old, old);
    clock.set('2026-11-29T02:00:00.000Z');
    const scheduler = startScheduler(
      app,
      SCHEDULED_JOBS.filter((job) => job.name === 'daily-backup'),
      { firstDelayMs: 1e9, everyMs: 1e9 },
    );
    await scheduler.runNow();
    scheduler.stop();
    expect(filesHolding(UNIQUE)).toEqual([]);
    expect(readdirSync(backupsDir(dataDir)).filter((n) => n.startsWith('manual-'))).toEqual([]);
  });
});

describe('what a stolen PC or USB stick gives away', () => {
  it('no secret in the database or its backups, and owner-only files in a private folder', async () => {
    await app.invoke('uploads.readiness', {}, admin).catch(() => undefined);
    await app.invoke('backups.create', {}, admin);
    expect(filesHolding('PRIVATE KEY')).toEqual([]);
    const mode = (path: string) => statSync(join(dataDir, path)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    expect(mode('keys')).toBe(0o700);
    expect(mode('backups')).toBe(0o700);
    for (const file of [
      DATABASE_FILE,
      `${DATABASE_FILE}-wal`,
      'keys/point.key',
      'keys/signing.key',
      ...readdirSync(join(dataDir, 'backups')).map((n) => `backups/${n}`),
    ]) {
      expect(mode(file), file).toBe(0o600);
    }
    for (const log of readdirSync(join(dataDir, 'logs'))) expect(mode(`logs/${log}`), log).toBe(0o600);
  });

  it('an older database with its signing key inside gives it up at the next start', async () => {
    await app.invoke('uploads.readiness', {}, admin);
    expect(readFileSync(join(dataDir, 'keys', 'signing.key'), 'utf8')).toMatch(/"protection":"file"/);
    const key = JSON.parse(readFileSync(join(dataDir, 'keys', 'signing.key'), 'utf8')).data as string;
    await app.db
      .updateTable('upload_identity')
      .set({ sign_private_pem: Buffer.from(key, 'base64').toString('utf8') })
      .execute();
    removeDir(join(dataDir, 'keys', 'signing.key'));
    await reopen();
    expect(filesHolding('PRIVATE KEY').filter((f) => !f.startsWith('keys/'))).toEqual([]);
    expect((await app.invoke('uploads.readiness', {}, admin)).provinceKey).toBe(false);
  });
});

describe('the log a technician reads', () => {
  it('has the security events and no personal data', async () => {
    const server = await startServer({ demo: true });
    try {
      const options = (await server.call('access.signInOptions')).body.result.members as { id: number; role: string }[];
      const target = options.find((o) => o.role === 'duty_member')!;
      for (let i = 0; i < 5; i++) await server.call('access.signIn', { memberId: target.id, pin: `77${i}777` });
      await server.call('backups.restore', { source: { kind: 'stored', name: 'auto-2020-01-01.sqlite3' } });
      await server.call('queue.checkIn', { helpKind: 'dvc', consent: true, name: UNIQUE, phone: PHONE });
    } finally {
      await server.stop();
    }
    const text = readdirSync(join(server.dataDir, 'logs'))
      .map((f) => readFileSync(join(server.dataDir, 'logs', f), 'utf8'))
      .join('');
    removeDir(server.dataDir);
    const events = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).event);
    expect(events).toEqual(
      expect.arrayContaining(['shell.start', 'access.wrongPin', 'access.locked', 'http.refused', 'shell.stop']),
    );
    expect(text).not.toContain(UNIQUE);
    expect(text).not.toContain(PHONE);
    expect(text).not.toMatch(/77[0-4]777/);
  });
});
