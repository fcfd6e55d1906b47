import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_SETUP, openTestApp, signInAs } from '#core/testing';
import { openApp } from '#core/app';
import { databaseChecksum, integrityOf } from '../support/checksum';
import { tempDataDir, removeDir } from '../support/server';

/**
 * A full disk or a read-only data folder: the user gets the storage message in Vietnamese and
 * English, and nothing is half-written (a save that changes a row and then fails to write its
 * audit line leaves the row as it was).
 */
const update = (pointName: string) => ({ ...TEST_SETUP.point, pointName });

async function fillDatabase(db: Awaited<ReturnType<typeof openTestApp>>['db']): Promise<void> {
  // Cap the file at its current size, then fill what is left inside it with ever smaller rows,
  // until not even the smallest audit line fits.
  const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]!.page_count;
  await sql.raw(`pragma max_page_count = ${pages + 2}`).execute(db);
  for (const pad of [2000, 200, 20, 0]) {
    for (let i = 0; i < 10_000; i++) {
      try {
        await db
          .insertInto('audit_event')
          .values({ id: undefined, at: '', member_id: null, action: '', detail: JSON.stringify('x'.repeat(pad)) })
          .execute();
      } catch (error) {
        expect(String((error as Error).message)).toMatch(/SQLITE_FULL/);
        break;
      }
    }
  }
}

describe('a full database file (max_page_count)', () => {
  it('maps SQLITE_FULL to storage_full and leaves every table as it was', async () => {
    const app = await openTestApp();
    try {
      const admin = await signInAs(app, 'admin');
      await fillDatabase(app.db);
      const before = await databaseChecksum(app.db);
      const res = await app.call('settings.update', update('Không được lưu'), admin);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('storage_full');
        expect(res.status).toBe(507);
        expect(res.error.message.vi).toMatch(/Ổ đĩa đã đầy/);
        expect(res.error.message.en).toMatch(/disk is full/);
      }
      expect(await databaseChecksum(app.db)).toBe(before);
      expect(await integrityOf(app.db)).toBe('ok');
      // Reading still works, so the staff can still see the queue and the logbook.
      expect((await app.call('settings.get', {}, admin)).ok).toBe(true);
    } finally {
      await app.cleanup();
    }
  });
});

/** Small real file systems: only where this process may mount (root in CI and here). */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tempDataDir('dhs-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    removeDir(probe);
  }
}
const mountable = canMount();
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
    removeDir(dir);
  }
});

function tinyDisk(size: string): string {
  const dir = tempDataDir('dhs-tiny-disk-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** Take every byte left on the disk. */
function fillDisk(dir: string): void {
  const chunk = Buffer.alloc(64 * 1024, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), chunk);
    } catch {
      break;
    }
  }
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `small-${i}`), Buffer.alloc(512, 1));
    } catch {
      return;
    }
  }
}

describe.skipIf(!mountable)('a real full disk and a read-only data folder (tmpfs)', () => {
  it('full disk: storage_full, nothing half-written, and saving works again once space is freed', async () => {
    const disk = tinyDisk('4m');
    const dataDir = join(disk, 'data');
    const app = await openApp({ dataDir, log: () => undefined });
    try {
      await app.invoke('setup.complete', TEST_SETUP, { device: 'staff' });
      const admin = await signInAs(app, 'admin');
      await sql`pragma wal_checkpoint(truncate)`.execute(app.db);
      fillDisk(disk);
      let refused = null;
      for (let i = 0; i < 200 && !refused; i++) {
        const before = await databaseChecksum(app.db);
        const res = await app.call('settings.update', update(`Điểm đầy ${i} ${'x'.repeat(100)}`.slice(0, 120)), admin);
        if (!res.ok) {
          refused = res;
          expect(await databaseChecksum(app.db), 'the refused save left a trace').toBe(before);
        }
      }
      expect(refused && !refused.ok ? refused.error.code : 'never refused').toBe('storage_full');
      expect(await integrityOf(app.db)).toBe('ok');
      for (const f of readdirSync(disk)) if (f.startsWith('filler-') || f.startsWith('small-')) rmSync(join(disk, f));
      expect((await app.call('settings.update', update('Điểm đã có chỗ'), admin)).ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('backup to a full USB stick: storage_full, no partial file left', async () => {
    const app = await openTestApp();
    try {
      const admin = await signInAs(app, 'admin');
      await app.invoke('backups.setPassphrase', { passphrase: 'cụm mật khẩu sao lưu thử' }, admin);
      const usb = tinyDisk('64k');
      fillDisk(usb);
      const before = readdirSync(usb);
      const res = await app.call('backups.create', { directory: usb }, admin);
      expect(res.ok ? 'ok' : res.error.code).toBe('storage_full');
      expect(readdirSync(usb)).toEqual(before);
    } finally {
      await app.cleanup();
    }
  });

  it('read-only data folder: the app refuses to start with a storage error and changes nothing', async () => {
    const disk = tinyDisk('8m');
    const dataDir = join(disk, 'data');
    mkdirSync(dataDir);
    const app = await openApp({ dataDir, log: () => undefined });
    await app.invoke('setup.complete', TEST_SETUP, { device: 'staff' });
    await app.close();
    const files = readdirSync(dataDir).sort();
    // A mounted file system cannot turn read-only under an open writer (EBUSY), so the folder
    // goes read-only between two runs, as after a disk error or a locked-down account.
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const error = await openApp({ dataDir, log: () => undefined }).then(
      () => null,
      (e: unknown) => e,
    );
    // The codes the shells map to storage_read_only at start-up (the log or the keys folder may
    // be the first thing that cannot be written, before SQLite opens the database).
    expect((error as { code?: string })?.code).toMatch(/^(SQLITE_(CANTOPEN|READONLY)|EROFS|EACCES)$/);
    execFileSync('mount', ['-o', 'remount,rw', disk]);
    expect(readdirSync(dataDir).sort()).toEqual(files);
    const again = await openApp({ dataDir, log: () => undefined });
    try {
      expect((await again.invoke('setup.status', {}, { device: 'staff' })).configured).toBe(true);
      expect(await integrityOf(again.db)).toBe('ok');
    } finally {
      await again.close();
    }
  });
});
