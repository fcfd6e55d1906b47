import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { RestoreSource } from '#shared/backups/schemas';
import { openDatabase } from '../db/open';
import { checkAndMigrateCopy, checkFileShape, checkRegularFile, MAX_BACKUP_BYTES, refuse } from './check';
import { commitFile, fsyncDir, moveIfExists, removeQuietly } from './files';
import { KEYS_DIR, pointKeys, privateFile } from '../security/keys';
import { publicOfPrivatePem } from '../crypto/signing';
import { SIGNING_KEY } from '../uploads/identity';
import { checkMac } from './authenticity';
import { deriveSealKey, isSealed, openSealedBackup } from './sealed';
import { backupsDir, logBackup, readSealKey } from './service';
import { z } from 'zod';
import { parseJson } from '../json';

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
/** In the keys folder: a signing key brought by a sealed copy, installed with its database. */
const PENDING_KEY = 'restore-pending-signing.key';

const pendingNote = z.object({ stagedAt: z.string(), source: z.string() });
const failedNote = pendingNote.extend({ error: z.string() });
export type PendingNote = z.output<typeof pendingNote>;

/** Restore candidates that are not SQLite files: a sealed copy may be this much larger. */
const SEALED_OVERHEAD = 64 * 1024 * 1024;

/** The key for a sealed copy: the point's own if the salt matches, else one from the passphrase typed now. */
function keyFinder(dataDir: string, passphrase: string | undefined) {
  return async (kdf: { salt: string; N: number; r: number; p: number }) => {
    const own = readSealKey(dataDir);
    if (own && own.salt === kdf.salt && own.N === kdf.N) return own;
    if (!passphrase) throw refuse('passphraseNeeded');
    return deriveSealKey(passphrase, kdf);
  };
}

/**
 * Bring the candidate into `partial` only once it is proven ours: a stored backup (or a plain
 * copy given by path) must carry this point's MAC; a sealed copy must open with the point's
 * passphrase key. Returns the label for the screen and any signing key the copy carried.
 */
async function authenticCopy(
  dataDir: string,
  source: RestoreSource,
  partial: string,
  scratch: string,
): Promise<{ label: string; signingKey: string | null }> {
  if (source.kind === 'stored') {
    // The schema already forbids separators; this holds even if it were loosened one day.
    const dir = resolve(backupsDir(dataDir));
    const path = resolve(dir, source.name);
    if (dirname(path) !== dir) throw refuse('missing');
    checkFileShape(path);
    await checkMac(dataDir, path);
    copyFileSync(path, partial);
    return { label: source.name, signingKey: null };
  }
  let path: string;
  let label: string;
  if (source.kind === 'path') {
    if (!isAbsolute(source.path)) throw refuse('missing');
    path = resolve(source.path);
    label = basename(source.path);
  } else {
    // An upload: decoded into the scratch file; the size is checked before decoding.
    if (source.base64.length > Math.ceil(((MAX_BACKUP_BYTES + SEALED_OVERHEAD) * 4) / 3) + 4) throw refuse('tooLarge');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(source.base64)) throw refuse('notSqlite');
    writeFileSync(scratch, Buffer.from(source.base64, 'base64'), { mode: 0o600 });
    path = scratch;
    label = basename(source.fileName);
  }
  checkRegularFile(path, MAX_BACKUP_BYTES + SEALED_OVERHEAD);
  if (await isSealed(path)) {
    const secrets = await openSealedBackup(path, partial, keyFinder(dataDir, source.passphrase));
    return { label, signingKey: secrets.signingKey };
  }
  checkFileShape(path);
  // A plain copy is only trusted from this PC's own backups (its MAC beside it), never uploaded.
  if (source.kind === 'upload') throw refuse('notAuthenticated');
  await checkMac(dataDir, path);
  copyFileSync(path, partial);
  return { label, signingKey: null };
}

/**
 * A sealed copy carries the point's signing key. When the restored database's identity is that
 * key's and not the one in the keys folder (a new PC taking over the point), the key is staged
 * to be installed with the database.
 */
async function stageSigningKey(dataDir: string, pending: string, signingKey: string | null): Promise<void> {
  removeQuietly(join(dataDir, PENDING_KEY));
  if (!signingKey) return;
  const current = pointKeys(dataDir).read(SIGNING_KEY)?.toString('utf8') ?? null;
  if (current === signingKey) return;
  const db = openDatabase(pending);
  try {
    const row = await db.selectFrom('upload_identity').select('sign_public').where('id', '=', 1).executeTakeFirst();
    if (row && row.sign_public === publicOfPrivatePem(signingKey))
      pointKeys(dataDir).write(PENDING_KEY, Buffer.from(signingKey));
  } finally {
    await db.destroy();
  }
}

/** Step 1: check a backup and stage it. Throws `invalid_file` and leaves nothing behind. */
export async function stageRestore(dataDir: string, source: RestoreSource, now: Date): Promise<PendingNote> {
  const partial = join(dataDir, `${PENDING_FILE}.partial`);
  const upload = join(dataDir, 'restore-upload.tmp');
  try {
    const { label, signingKey } = await authenticCopy(dataDir, source, partial, upload);
    privateFile(partial);
    await checkAndMigrateCopy(partial);
    removeQuietly(`${partial}-wal`);
    removeQuietly(`${partial}-shm`);
    commitFile(partial, join(dataDir, PENDING_FILE));
    await stageSigningKey(dataDir, join(dataDir, PENDING_FILE), signingKey);
    const note: PendingNote = { stagedAt: now.toISOString(), source: label };
    writeFileSync(join(dataDir, PENDING_NOTE), JSON.stringify(note), { mode: 0o600 });
    removeQuietly(join(dataDir, FAILED_NOTE));
    return note;
  } finally {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, upload]) removeQuietly(f);
  }
}

export function readPending(dataDir: string): PendingNote | null {
  if (!existsSync(join(dataDir, PENDING_FILE))) return null;
  try {
    return parseJson(pendingNote, readFileSync(join(dataDir, PENDING_NOTE), 'utf8'));
  } catch {
    return { stagedAt: '', source: '' };
  }
}

export function readFailed(dataDir: string): (PendingNote & { error: string }) | null {
  try {
    return parseJson(failedNote, readFileSync(join(dataDir, FAILED_NOTE), 'utf8'));
  } catch {
    return null;
  }
}

export function cancelRestore(dataDir: string): void {
  removeQuietly(join(dataDir, PENDING_FILE));
  removeQuietly(join(dataDir, PENDING_NOTE));
  removeQuietly(join(dataDir, KEYS_DIR, PENDING_KEY));
}

/** Step 2, called by `openApp` before it opens the database. Returns what happened. */
export async function applyPendingRestore(
  dataDir: string,
  databaseFile: string,
): Promise<'none' | 'restored' | 'failed'> {
  const pending = join(dataDir, PENDING_FILE);
  if (!existsSync(pending)) return 'none';
  const note = readPending(dataDir) ?? { stagedAt: '', source: '' };
  const live = join(dataDir, databaseFile);
  const aside = `${live}${BEFORE_RESTORE}`;
  try {
    await checkAndMigrateCopy(pending);
  } catch (error) {
    moveIfExists(pending, join(dataDir, 'restore-failed.sqlite3'));
    removeQuietly(join(dataDir, KEYS_DIR, PENDING_KEY));
    writeFileSync(join(dataDir, FAILED_NOTE), JSON.stringify({ ...note, error: String((error as Error).message) }), {
      mode: 0o600,
    });
    removeQuietly(join(dataDir, PENDING_NOTE));
    return 'failed';
  }
  await recordRestore(pending, note);
  // The signing key a sealed copy brought goes in with its database (a new PC taking over).
  const carried = pointKeys(dataDir).read(PENDING_KEY);
  if (carried) {
    pointKeys(dataDir).write(SIGNING_KEY, carried);
    removeQuietly(join(dataDir, KEYS_DIR, PENDING_KEY));
  }
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
