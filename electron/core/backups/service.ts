import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { AppError } from '#shared/contract';
import { DEFAULT_KEEP_DAYS, type BackupSettings } from '#shared/backups/schemas';
import { addDays, vnDay, vnTime } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { pointKeys, privateDir, privateFile } from '../security/keys';
import { SIGNING_KEY } from '../uploads/identity';
import { MAC_SUFFIX, writeMac } from './authenticity';
import { commitFile, removeQuietly } from './files';
import type { BackupLogTable } from './schema';
import { deriveSealKey, sealBackup, SEALED_EXTENSION, type SealKey } from './sealed';
import { z } from 'zod';
import { parseJson } from '../json';

export const BACKUP_DIR = 'backups';
const STORED = /^(auto|manual)-(\d{4}-\d{2}-\d{2})[\w-]*\.sqlite3$/;
/** Sealed copies this app wrote into a folder (a USB stick): pruned there under the same rule. */
const SEALED = /^diem-ho-tro-so-(\d{4}-\d{2}-\d{2})-\d{4}\.dhsbackup$/;
/** Copies the restore leaves in the data folder: the database it replaced, a copy that failed. */
export const RESTORE_LEFTOVERS = [
  'diem-ho-tro-so.sqlite3.before-restore',
  'diem-ho-tro-so.sqlite3.before-restore-wal',
  'restore-failed.sqlite3',
];
/** The key sealed copies are made with (derived from the admin's passphrase), in the keys folder. */
const SEAL_KEY = 'backup-seal.key';
export const MIN_PASSPHRASE_LENGTH = 12;

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR);
}

/** "2026-11-25-1430" in Vietnam's time, for file names a person can sort and read. */
export function stamp(at: Date): string {
  return `${vnDay(at)}-${vnTime(at).replace(':', '')}`;
}

export async function readBackupSettings(db: Db): Promise<BackupSettings> {
  const row = await db.selectFrom('backup_setting').select('keep_days').where('id', '=', 1).executeTakeFirst();
  return { keepDays: row?.keep_days ?? DEFAULT_KEEP_DAYS };
}

export async function saveBackupSettings(db: Db, settings: BackupSettings): Promise<void> {
  await db
    .insertInto('backup_setting')
    .values({ id: 1, keep_days: settings.keepDays })
    .onConflict((oc) => oc.column('id').doUpdateSet({ keep_days: settings.keepDays }))
    .execute();
}

export async function logBackup(db: Db, at: Date, entry: Omit<BackupLogTable, 'id' | 'at'>): Promise<void> {
  await db
    .insertInto('backup_log')
    .values({ id: undefined, at: at.toISOString(), ...entry })
    .execute();
}

/** The live database file, as SQLite itself reports it (no second source of truth for the name). */
async function liveFile(db: Db): Promise<string> {
  const rows = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  return rows.rows[0]!.file;
}

function run(conn: sqlite3.Database, statement: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => conn.run(statement, params, (err) => (err ? reject(err) : resolve())));
}

/**
 * A consistent copy of the live database in `target`, made by VACUUM INTO on a second,
 * read-only connection. Why not node-sqlite3's Backup: the app's connection is private to the
 * Kysely driver, and VACUUM INTO is one statement that reads one snapshot and writes a compact
 * file. Why a second connection: in WAL mode a reader never blocks the writer, so check-ins
 * and logbook saves go on while a five-year database is copied (seconds); on the app's one
 * serialised connection they would all wait. The copy is written under a temporary name and
 * renamed once it is on disk: a power cut leaves no backup or a whole one, never half of one.
 */
export async function writeBackup(db: Db, target: string): Promise<number> {
  return copyDatabase(await liveFile(db), target);
}

/** The same copy from the database file's path (the daily job holds no database handle). */
export async function copyDatabase(source: string, target: string): Promise<number> {
  const partial = `${target}.partial`;
  removeQuietly(partial);
  const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
    const c = new sqlite3.Database(source, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(c)));
  });
  try {
    conn.configure('busyTimeout', 5000);
    await run(conn, 'vacuum into ?', [partial]);
    privateFile(partial);
    commitFile(partial, target);
  } catch (error) {
    removeQuietly(partial);
    throw error;
  } finally {
    await new Promise<void>((resolve) => conn.close(() => resolve()));
  }
  return statSync(target).size;
}

/** A backup kept on this PC from the database file (the daily job): the copy, then its MAC. */
export async function copyStoredBackup(dataDir: string, source: string, target: string): Promise<number> {
  privateDir(backupsDir(dataDir));
  const bytes = await copyDatabase(source, target);
  await writeMac(dataDir, target);
  return bytes;
}

/** A backup kept on this PC: the copy, then its MAC (a copy without one is never restored). */
async function writeStoredBackup(db: Db, dataDir: string, path: string): Promise<number> {
  return copyStoredBackup(dataDir, await liveFile(db), path);
}

/** The seal key as kept in the keys folder: its derivation parameters and the key, base64. */
const storedSealKey = z.object({ salt: z.string(), N: z.number(), r: z.number(), p: z.number(), key: z.string() });

/** The seal key made from the admin's passphrase, or null before one is set. */
export function readSealKey(dataDir: string): SealKey | null {
  const raw = pointKeys(dataDir).read(SEAL_KEY);
  if (!raw) return null;
  const stored = parseJson(storedSealKey, raw.toString('utf8'));
  return { ...stored, key: Buffer.from(stored.key, 'base64') };
}

/** Set (or change) the passphrase sealed copies are made with. Older copies keep the old one. */
export async function setBackupPassphrase(dataDir: string, passphrase: string): Promise<void> {
  const key = await deriveSealKey(passphrase);
  pointKeys(dataDir).write(SEAL_KEY, Buffer.from(JSON.stringify({ ...key, key: key.key.toString('base64') })));
}

/**
 * A sealed copy for outside this PC, in `dir`: made in the data folder first (a plain copy
 * never touches the stick), sealed into `<name>.partial` there and renamed when whole.
 */
export async function writeSealedBackup(
  db: Db,
  dataDir: string,
  dir: string,
  now: Date,
): Promise<{ fileName: string; path: string; bytes: number }> {
  const key = readSealKey(dataDir);
  if (!key) throw new AppError('invalid_input', {}, { passphrase: 'backups:problems.noPassphrase' });
  const fileName = `diem-ho-tro-so-${stamp(now)}${SEALED_EXTENSION}`;
  const path = join(dir, fileName);
  const plain = join(dataDir, 'backup-to-seal.tmp');
  try {
    await writeBackup(db, plain);
    const signingKey = pointKeys(dataDir).read(SIGNING_KEY)?.toString('utf8') ?? null;
    await sealBackup(plain, `${path}.partial`, key, { signingKey }, now);
    commitFile(`${path}.partial`, path);
  } finally {
    removeQuietly(plain);
    removeQuietly(`${path}.partial`);
  }
  return { fileName, path, bytes: statSync(path).size };
}

/** A folder the user picked (a USB stick): it must exist; we do not create folders elsewhere. */
export function chosenFolder(directory: string): string {
  if (!isAbsolute(directory)) throw new AppError('invalid_input', {}, { directory: 'backups:problems.folder' });
  const dir = resolve(directory);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new AppError('invalid_input', {}, { directory: 'backups:problems.folder' });
  return dir;
}

/**
 * On demand: into the backups folder (plain, with its MAC), or into a chosen folder (a USB
 * stick) sealed with the admin's passphrase, where copies older than the retention go.
 */
export async function createBackup(
  { db, dataDir, now: clock, step }: Pick<CoreContext, 'db' | 'dataDir' | 'now' | 'step'>,
  directory?: string,
) {
  const now = clock();
  const dir = directory ? chosenFolder(directory) : backupsDir(dataDir);
  const fileName = `manual-${stamp(now)}.sqlite3`;
  const path = join(dir, fileName);
  try {
    const made = directory
      ? await writeSealedBackup(db, dataDir, dir, now)
      : { fileName, path, bytes: await writeStoredBackup(db, dataDir, path) };
    if (directory) pruneFolder(dir, (await readBackupSettings(db)).keepDays, now);
    await step((trx) =>
      logBackup(trx, now, { action: 'manual', ok: 1, file: made.path, bytes: made.bytes, error: null }),
    );
    return made;
  } catch (error) {
    await step((trx) =>
      logBackup(trx, now, {
        action: 'manual',
        ok: 0,
        file: path,
        bytes: null,
        error: String((error as Error).message),
      }),
    ).catch(() => undefined);
    throw error;
  }
}

export function listBackups(dataDir: string) {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const match = STORED.exec(name);
      if (!match) return [];
      const stat = statSync(join(dir, name));
      return [
        { name, kind: match[1] as 'auto' | 'manual', at: stat.mtime.toISOString(), bytes: stat.size, day: match[2]! },
      ];
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * Every copy of the database older than `keepDays` days goes, whatever made it: automatic and
 * manual backups (with their MACs), the database a restore replaced, a restore that failed.
 * Personal data erased since then is gone with them.
 */
export function pruneBackups(dataDir: string, keepDays: number, now: Date): string[] {
  const oldestKept = addDays(vnDay(now), -(keepDays - 1));
  const removed = listBackups(dataDir)
    .filter((b) => b.day < oldestKept)
    .map((b) => b.name);
  for (const name of removed)
    for (const suffix of ['', MAC_SUFFIX]) removeQuietly(join(backupsDir(dataDir), name + suffix));
  for (const name of RESTORE_LEFTOVERS) {
    const path = join(dataDir, name);
    if (existsSync(path) && vnDay(statSync(path).mtime) < oldestKept) {
      removeQuietly(path);
      removed.push(name);
    }
  }
  return removed;
}

/** Sealed copies this app wrote into a USB folder, older than the retention: removed there too. */
export function pruneFolder(dir: string, keepDays: number, now: Date): string[] {
  const oldestKept = addDays(vnDay(now), -(keepDays - 1));
  const removed = readdirSync(dir).filter((name) => (SEALED.exec(name)?.[1] ?? '9999') < oldestKept);
  for (const name of removed) removeQuietly(join(dir, name));
  return removed;
}

/** Today's automatic backup file (Vietnam's day): one a day, whatever the hour. */
export function dailyBackupName(now: Date): string {
  return `auto-${vnDay(now)}.sqlite3`;
}

/**
 * What the daily job found, recorded through the gate: the log line of today's copy (made or
 * failed), then every copy past the retention removed. Safe to call as often as the
 * scheduler likes: with nothing made and nothing to prune it changes nothing.
 */
export async function recordDailyBackup(
  db: Db,
  dataDir: string,
  now: Date,
  found: { made: { file: string; bytes: number } | null; error: string | null },
) {
  if (found.made)
    await logBackup(db, now, { action: 'auto', ok: 1, file: found.made.file, bytes: found.made.bytes, error: null });
  if (found.error)
    await logBackup(db, now, { action: 'auto', ok: 0, file: dailyBackupName(now), bytes: null, error: found.error });
  const { keepDays } = await readBackupSettings(db);
  return {
    made: found.made?.file ?? null,
    failed: found.error !== null,
    removed: pruneBackups(dataDir, keepDays, now),
  };
}
