import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { RestoreSource } from '../../../shared/backups/schemas';
import { openDatabase } from '../db/open';
import { checkAndMigrateCopy, checkFileShape, MAX_BACKUP_BYTES, refuse } from './check';
import { commitFile, fsyncDir, moveIfExists, removeQuietly } from './files';
import { backupsDir, logBackup } from './service';

/**
 * Restore is staged, then applied at the next start, before the database is opened:
 *   1. `backups.restore` copies the chosen file to <data>/restore-pending.sqlite3.partial,
 *      checks it (signature, size, truncation, integrity_check, our schema, known migrations),
 *      migrates the copy to this version, and renames it to restore-pending.sqlite3 with a
 *      restore-pending.json note beside it. The live database is not touched.
 *   2. On the next `openApp`, `applyPendingRestore` checks the copy again, moves the live
 *      database (its -wal first) aside as <name>.before-restore, and renames the copy into
 *      place. Each step is a rename, and a crash between two steps is finished on the next
 *      start. A copy that fails its check is set aside as restore-failed.sqlite3 and the live
 *      database stays.
 * The app never swaps the file under an open connection, so no shell needs to know about it.
 */
export const PENDING_FILE = 'restore-pending.sqlite3';
export const PENDING_NOTE = 'restore-pending.json';
export const FAILED_NOTE = 'restore-failed.json';
export const BEFORE_RESTORE = '.before-restore';

export interface PendingNote {
  stagedAt: string;
  source: string;
}

function sourcePath(dataDir: string, source: RestoreSource, scratch: string): { path: string; label: string } {
  if (source.kind === 'stored') {
    // The schema already forbids separators; this holds even if it were loosened one day.
    const dir = resolve(backupsDir(dataDir));
    const path = resolve(dir, source.name);
    if (dirname(path) !== dir) throw refuse('missing');
    return { path, label: source.name };
  }
  if (source.kind === 'path') {
    if (!isAbsolute(source.path)) throw refuse('missing');
    return { path: resolve(source.path), label: basename(source.path) };
  }
  // An upload: decoded into the scratch file; the size is checked before decoding.
  if (source.base64.length > Math.ceil((MAX_BACKUP_BYTES * 4) / 3) + 4) throw refuse('tooLarge');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(source.base64)) throw refuse('notSqlite');
  writeFileSync(scratch, Buffer.from(source.base64, 'base64'));
  return { path: scratch, label: basename(source.fileName) };
}

/** Step 1: check a backup and stage it. Throws `invalid_file` and leaves nothing behind. */
export async function stageRestore(dataDir: string, source: RestoreSource, now: Date): Promise<PendingNote> {
  const partial = join(dataDir, `${PENDING_FILE}.partial`);
  const upload = join(dataDir, 'restore-upload.tmp');
  try {
    const { path, label } = sourcePath(dataDir, source, upload);
    checkFileShape(path);
    copyFileSync(path, partial);
    await checkAndMigrateCopy(partial);
    removeQuietly(`${partial}-wal`);
    removeQuietly(`${partial}-shm`);
    commitFile(partial, join(dataDir, PENDING_FILE));
    const note: PendingNote = { stagedAt: now.toISOString(), source: label };
    writeFileSync(join(dataDir, PENDING_NOTE), JSON.stringify(note));
    removeQuietly(join(dataDir, FAILED_NOTE));
    return note;
  } finally {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, upload]) removeQuietly(f);
  }
}

export function readPending(dataDir: string): PendingNote | null {
  if (!existsSync(join(dataDir, PENDING_FILE))) return null;
  try {
    return JSON.parse(readFileSync(join(dataDir, PENDING_NOTE), 'utf8')) as PendingNote;
  } catch {
    return { stagedAt: '', source: '' };
  }
}

export function readFailed(dataDir: string): (PendingNote & { error: string }) | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, FAILED_NOTE), 'utf8'));
  } catch {
    return null;
  }
}

export function cancelRestore(dataDir: string): void {
  removeQuietly(join(dataDir, PENDING_FILE));
  removeQuietly(join(dataDir, PENDING_NOTE));
}

/** Step 2, called by `openApp` before it opens the database. Returns what happened. */
export async function applyPendingRestore(dataDir: string, databaseFile: string): Promise<'none' | 'restored' | 'failed'> {
  const pending = join(dataDir, PENDING_FILE);
  if (!existsSync(pending)) return 'none';
  const note = readPending(dataDir) ?? { stagedAt: '', source: '' };
  const live = join(dataDir, databaseFile);
  const aside = `${live}${BEFORE_RESTORE}`;
  try {
    await checkAndMigrateCopy(pending);
  } catch (error) {
    moveIfExists(pending, join(dataDir, 'restore-failed.sqlite3'));
    writeFileSync(join(dataDir, FAILED_NOTE), JSON.stringify({ ...note, error: String((error as Error).message) }));
    removeQuietly(join(dataDir, PENDING_NOTE));
    return 'failed';
  }
  await recordRestore(pending, note);
  // The WAL goes first: a live file without its WAL is still whole, a WAL without its file is not.
  removeQuietly(`${aside}-wal`);
  moveIfExists(`${live}-wal`, `${aside}-wal`);
  removeQuietly(`${live}-shm`);
  moveIfExists(live, aside);
  fsyncDir(dataDir);
  moveIfExists(pending, live);
  fsyncDir(dataDir);
  removeQuietly(join(dataDir, PENDING_NOTE));
  return 'restored';
}

/** The restored database remembers that it was restored, for the backups screen. */
async function recordRestore(path: string, note: PendingNote): Promise<void> {
  const db = openDatabase(path);
  try {
    await logBackup(db, new Date(), { action: 'restore_done', ok: 1, file: note.source, bytes: null, error: null });
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  } finally {
    await db.destroy();
  }
}
