import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  copyFileSync,
  openSync,
  writeSync,
  closeSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseChecksum } from '#test/support/checksum';
import { DATABASE_FILE, openApp } from '../app';
import { openDatabase } from '../db/open';
import { openTestApp, signInAs, testClock, TEST_SETUP } from '../testing';
import { PENDING_FILE } from './restore';
import { backupsDir } from './service';
import { startScheduler } from '../scheduler';
import { SCHEDULED_JOBS } from '../jobs';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let app: TestApp;
let admin: Awaited<ReturnType<typeof signInAs>>;
let scratch: string;
const clock = testClock('2026-03-02T02:00:00Z');

beforeEach(async () => {
  clock.set('2026-03-02T02:00:00Z');
  app = await openTestApp({ now: clock.now });
  admin = await signInAs(app, 'admin');
  scratch = mkdtempSync(join(tmpdir(), 'dhs-backup-test-'));
});
afterEach(async () => {
  await app.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

// The point's name marks a copy (free text; the commune is one of the list's 135 names).
const rename = (pointName: string) => app.invoke('settings.update', { ...TEST_SETUP.point, pointName }, admin);
const communeOf = async (db = app.db) =>
  (await db.selectFrom('point_setting').select('point_name').executeTakeFirstOrThrow()).point_name;

describe('backups', () => {
  it('makes a consistent backup into the backups folder, readable as a database with the data, with its MAC', async () => {
    await rename('Xã Ia Grai A');
    const made = await app.invoke('backups.create', {}, admin);
    expect(existsSync(`${made.path}.partial`)).toBe(false);
    expect(readFileSync(`${made.path}.mac`, 'utf8')).toMatch(/^hmac-sha256:v1:[0-9a-f]{64}\n$/);
    const copy = openDatabase(made.path);
    expect(await communeOf(copy)).toBe('Xã Ia Grai A');
    expect(
      (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(copy)).rows[0]!.integrity_check,
    ).toBe('ok');
    await copy.destroy();
  });

  it('seals a backup into a chosen folder (a USB stick) with the passphrase; nothing in it reads in clear', async () => {
    await rename('Xã Ia Grai Niêm Phong');
    const refused = await app.call('backups.create', { directory: scratch }, admin);
    expect(!refused.ok && refused.error.fields).toEqual({ passphrase: 'backups:problems.noPassphrase' });
    await app.invoke('backups.setPassphrase', { passphrase: 'núi Chư Păh mùa mưa 2026' }, admin);
    const made = await app.invoke('backups.create', { directory: scratch }, admin);
    expect(made.path.startsWith(scratch)).toBe(true);
    expect(made.fileName).toMatch(/^diem-ho-tro-so-2026-03-02-0900\.dhsbackup$/);
    const bytes = readFileSync(made.path);
    expect(bytes.subarray(0, 10).toString('latin1')).toBe('DHSBACKUP1');
    expect(bytes.includes(Buffer.from('Niêm Phong'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
  });

  it('refuses a folder that does not exist, and relative paths', async () => {
    for (const directory of [join(scratch, 'nope'), 'relative/dir']) {
      const res = await app.call('backups.create', { directory }, admin);
      expect(res.ok ? 'ok' : res.error.code).toBe('invalid_input');
    }
  });

  it('makes one automatic backup a day and keeps only the configured number of days', async () => {
    await app.invoke('backups.updateSettings', { keepDays: 3 }, admin);
    const backupJob = SCHEDULED_JOBS.filter((job) => job.name === 'daily-backup');
    const scheduler = startScheduler(app, backupJob, { firstDelayMs: 1e9, everyMs: 1e9 });
    try {
      for (let day = 0; day < 6; day++) {
        await scheduler.runNow();
        await scheduler.runNow(); // twice the same day: still one file
        clock.advance(24 * 3_600_000);
      }
    } finally {
      scheduler.stop();
    }
    const status = await app.invoke('backups.status', {}, await signInAs(app, 'admin', { fullName: 'Admin later' }));
    expect(status.backups.map((b) => b.name).sort()).toEqual([
      'auto-2026-03-05.sqlite3',
      'auto-2026-03-06.sqlite3',
      'auto-2026-03-07.sqlite3',
    ]);
    expect(status.lastBackupAt).not.toBeNull();
    expect(status.keepDays).toBe(3);
  });

  it('is for the admin only', async () => {
    const member = await signInAs(app, 'duty_member');
    for (const name of ['backups.status', 'backups.create', 'backups.download'] as const) {
      const res = await app.call(name, {}, member);
      expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
    }
    const res = await app.call('backups.status', {}, { device: 'kiosk' });
    expect(res.ok ? 'ok' : res.error.code).toBe('unauthorized');
  });

  it('downloads a sealed backup as a file', async () => {
    await app.invoke('backups.setPassphrase', { passphrase: 'một cụm mật khẩu đủ dài' }, admin);
    const file = await app.invoke('backups.download', {}, admin);
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 10).toString('latin1')).toBe('DHSBACKUP1');
    expect(file.fileName).toMatch(/^diem-ho-tro-so-2026-03-02-0900\.dhsbackup$/);
  });
});

describe('restore', () => {
  it('stages a checked backup and swaps it in at the next start, keeping the old database aside', async () => {
    await rename('Trước');
    const made = await app.invoke('backups.create', {}, admin);
    await rename('Sau');
    const staged = await app.invoke('backups.restore', { source: { kind: 'stored', name: made.fileName } }, admin);
    expect(staged.restartRequired).toBe(true);
    expect(await communeOf()).toBe('Sau'); // nothing swapped under the running app
    expect((await app.invoke('backups.status', {}, admin)).pendingRestore?.source).toBe(made.fileName);

    await app.close();
    const reopened = await openApp({ dataDir: app.dataDir, log: () => undefined });
    try {
      expect(await communeOf(reopened.db)).toBe('Trước');
      expect(existsSync(join(app.dataDir, PENDING_FILE))).toBe(false);
      const aside = openDatabase(join(app.dataDir, `${DATABASE_FILE}.before-restore`));
      expect(await communeOf(aside)).toBe('Sau');
      await aside.destroy();
      const session = await signInAs(reopened, 'admin', { fullName: 'Admin 2' });
      const status = await reopened.invoke('backups.status', {}, session);
      expect(status.pendingRestore).toBeNull();
      expect(status.lastRestore).toMatchObject({ ok: true, source: made.fileName });
    } finally {
      await reopened.close();
      app = Object.assign(app, { close: async () => undefined });
    }
  });

  it('finishes a swap interrupted after the live database was moved aside', async () => {
    await rename('Bản sao');
    const made = await app.invoke('backups.create', {}, admin);
    await app.invoke('backups.restore', { source: { kind: 'path', path: made.path } }, admin);
    await app.close();
    // The crash: the live file (and its WAL) moved aside, the pending copy not yet in place.
    const live = join(app.dataDir, DATABASE_FILE);
    for (const suffix of ['-wal', ''])
      if (existsSync(live + suffix)) copyFileSync(live + suffix, `${live}.before-restore${suffix}`);
    rmSync(live, { force: true });
    rmSync(`${live}-wal`, { force: true });
    rmSync(`${live}-shm`, { force: true });
    const reopened = await openApp({ dataDir: app.dataDir, log: () => undefined });
    expect(await communeOf(reopened.db)).toBe('Bản sao');
    await reopened.close();
    app = Object.assign(app, { close: async () => undefined });
  });

  it('can be cancelled before the restart', async () => {
    const made = await app.invoke('backups.create', {}, admin);
    await app.invoke('backups.restore', { source: { kind: 'stored', name: made.fileName } }, admin);
    await app.invoke('backups.cancelRestore', {}, admin);
    expect((await app.invoke('backups.status', {}, admin)).pendingRestore).toBeNull();
  });
});

describe('hostile backup files are refused and nothing changes', () => {
  async function makeGoodBackup(): Promise<string> {
    return (await app.invoke('backups.create', {}, admin)).path;
  }
  /** A copy of a good backup, with its MAC beside it: what is then changed in it must be caught. */
  function copyTo(name: string, from: string): string {
    const path = join(scratch, name);
    copyFileSync(from, path);
    if (existsSync(`${from}.mac`)) copyFileSync(`${from}.mac`, `${path}.mac`);
    return path;
  }
  async function foreignDatabase(path: string, statements: string[]): Promise<string> {
    const db = new sqlite3.Database(path);
    for (const s of statements)
      await new Promise<void>((resolve, reject) => db.run(s, (e) => (e ? reject(e) : resolve())));
    await new Promise<void>((resolve) => db.close(() => resolve()));
    return path;
  }

  const cases: Record<string, () => Promise<{ path?: string; source?: unknown }>> = {
    truncated: async () => {
      const path = copyTo('truncated.sqlite3', await makeGoodBackup());
      truncateSync(path, Math.floor(statSync(path).size / 2));
      return { path };
    },
    'wrong signature': async () => {
      const path = copyTo('renamed.sqlite3', await makeGoodBackup());
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.from('PK\u0003\u0004 not sqlite!'), 0, 16, 0);
      closeSync(fd);
      return { path };
    },
    'damaged pages': async () => {
      const path = copyTo('damaged.sqlite3', await makeGoodBackup());
      const fd = openSync(path, 'r+');
      const size = statSync(path).size;
      for (let at = 4096 + 100; at < size; at += 4096) writeSync(fd, Buffer.alloc(200, 0xa5), 0, 200, at);
      closeSync(fd);
      return { path };
    },
    oversized: async () => {
      const path = copyTo('huge.sqlite3', await makeGoodBackup());
      truncateSync(path, 3 * 1024 ** 3); // sparse: costs no disk
      return { path };
    },
    'a folder, not a file': async () => {
      const path = join(scratch, 'folder.sqlite3');
      mkdirSync(path);
      return { path };
    },
    'another program’s database': async () => ({
      path: await foreignDatabase(join(scratch, 'other.sqlite3'), ['create table t (x)', "insert into t values ('x')"]),
    }),
    'made by a newer version': async () => {
      const path = copyTo('newer.sqlite3', await makeGoodBackup());
      return {
        path: await foreignDatabase(path, ["insert into schema_migration values ('9999_future', '2030-01-01')"]),
      };
    },
    'relative path': async () => ({ source: { kind: 'path', path: '../../etc/passwd' } }),
    'name escaping the backup folder': async () => ({ source: { kind: 'stored', name: '../diem-ho-tro-so.sqlite3' } }),
    'missing stored backup': async () => ({ source: { kind: 'stored', name: 'auto-2020-01-01.sqlite3' } }),
    'upload that is not base64 of a database': async () => ({
      source: { kind: 'upload', fileName: 'x.sqlite3', base64: Buffer.from('hello').toString('base64') },
    }),
    'upload with path in its name, truncated': async () => {
      const bytes = readFileSync(await makeGoodBackup());
      return {
        source: {
          kind: 'upload',
          fileName: '../../x.sqlite3',
          base64: bytes.subarray(0, bytes.length - 1000).toString('base64'),
        },
      };
    },
  };

  for (const [name, make] of Object.entries(cases)) {
    it(name, async () => {
      const { path, source } = await make();
      const before = await databaseChecksum(app.db);
      const res = await app.call('backups.restore', { source: source ?? { kind: 'path', path } }, admin);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(['invalid_file', 'invalid_input']).toContain(res.error.code);
        expect(res.error.message.vi.length).toBeGreaterThan(10);
        expect(res.status).toBeLessThan(500);
      }
      expect(await databaseChecksum(app.db)).toBe(before);
      const leftovers = [
        'restore-pending.sqlite3',
        'restore-pending.sqlite3.partial',
        'restore-pending.json',
        'restore-upload.tmp',
      ];
      expect(leftovers.filter((f) => existsSync(join(app.dataDir, f)))).toEqual([]);
      expect(existsSync(backupsDir(app.dataDir)) ? statSync(join(app.dataDir, DATABASE_FILE)).isFile() : true).toBe(
        true,
      );
    });
  }

  it('a pending copy damaged before the restart is set aside and the live database kept', async () => {
    await rename('Giữ nguyên');
    const made = await app.invoke('backups.create', {}, admin);
    await app.invoke('backups.restore', { source: { kind: 'stored', name: made.fileName } }, admin);
    await app.close();
    writeFileSync(join(app.dataDir, PENDING_FILE), 'garbage that is not a database'.repeat(40));
    const reopened = await openApp({ dataDir: app.dataDir, log: () => undefined });
    try {
      expect(await communeOf(reopened.db)).toBe('Giữ nguyên');
      const session = await signInAs(reopened, 'admin', { fullName: 'Admin 3' });
      expect((await reopened.invoke('backups.status', {}, session)).lastRestore).toMatchObject({ ok: false });
    } finally {
      await reopened.close();
      app = Object.assign(app, { close: async () => undefined });
    }
  });
});
