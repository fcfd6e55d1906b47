import { accessSync, constants, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { AppError } from '#shared/contract';
import type { ExportFile } from '../exports/table';
import { zip } from '../exports/zip';
import type { Db } from '../db/open';
import { ensureIdentity } from './identity';
import { checkReceipt } from './verify';

/** Batches the province has not acknowledged, oldest first: what every way out carries. */
export async function unacknowledged(db: Db) {
  return db.selectFrom('upload_batch').selectAll().where('acknowledged_at', 'is', null).orderBy('seq').execute();
}

/**
 * Save every unacknowledged batch into a folder the user chose (USB stick, shared folder). Each
 * file is written beside its final name and renamed, so a pulled stick never holds half a file.
 */
export async function saveToFolder(db: Db, now: Date, directory: string): Promise<string[]> {
  const problem = () => new AppError('invalid_input', {}, { directory: 'uploads:problems.folder' });
  if (!isAbsolute(directory)) throw problem();
  try {
    if (!statSync(directory).isDirectory()) throw problem();
    accessSync(directory, constants.W_OK);
  } catch {
    throw problem();
  }
  const batches = await unacknowledged(db);
  const written: string[] = [];
  for (const batch of batches) {
    const temp = mkdtempSync(join(directory, '.dhs-'));
    try {
      writeFileSync(join(temp, batch.file_name), batch.content);
      renameSync(join(temp, batch.file_name), join(directory, batch.file_name));
    } catch {
      throw problem();
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
    written.push(batch.file_name);
  }
  if (batches.length)
    await db
      .updateTable('upload_batch')
      .set({ saved_at: now.toISOString() })
      .where(
        'seq',
        'in',
        batches.map((b) => b.seq),
      )
      .execute();
  return written;
}

/** The same files as a download (server mode cannot reach the user's disks): one batch, or a zip of all waiting. */
export async function downloadBatches(db: Db, now: Date, seq: number | null): Promise<ExportFile> {
  const batches =
    seq === null
      ? await unacknowledged(db)
      : await db
          .selectFrom('upload_batch')
          .selectAll()
          .where('seq', '=', seq)
          .where('acknowledged_at', 'is', null)
          .execute();
  if (batches.length === 0) throw new AppError('not_found');
  await db
    .updateTable('upload_batch')
    .set({ saved_at: now.toISOString() })
    .where(
      'seq',
      'in',
      batches.map((b) => b.seq),
    )
    .execute();
  if (batches.length === 1) {
    const only = batches[0]!;
    return {
      fileName: only.file_name,
      mime: 'application/json',
      base64: Buffer.from(only.content, 'utf8').toString('base64'),
    };
  }
  const name = `${batches[0]!.file_name.replace(/_\d{6}\.batch\.json$/, '')}_${String(batches[0]!.seq).padStart(6, '0')}-${String(batches.at(-1)!.seq).padStart(6, '0')}.zip`;
  return {
    fileName: name,
    mime: 'application/zip',
    base64: zip(batches.map((b) => ({ name: b.file_name, data: Buffer.from(b.content, 'utf8') }))).toString('base64'),
  };
}

/** Mark a batch acknowledged from a receipt, only if the province's key signed it for this very batch. */
export async function acceptReceipt(db: Db, now: Date, value: unknown): Promise<number | null> {
  const identity = await ensureIdentity(db, now);
  if (!identity.province_sign_key) throw new AppError('province_key_missing');
  const seq = (value as { body?: { seq?: unknown } })?.body?.seq;
  if (typeof seq !== 'number') return null;
  const batch = await db
    .selectFrom('upload_batch')
    .select(['seq', 'manifest_hash', 'acknowledged_at'])
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (!batch) return null;
  const ok = checkReceipt(value, identity.province_sign_key, {
    pointId: identity.point_id,
    seq,
    hash: batch.manifest_hash,
  });
  if (!ok) return null;
  if (!batch.acknowledged_at) {
    // Once the province holds the batch the point keeps its hash and receipt, not its bytes: they
    // carry sealed personal data that a later erasure must be able to reach.
    await db
      .updateTable('upload_batch')
      .set({
        acknowledged_at: now.toISOString(),
        receipt: JSON.stringify(ok),
        last_error: null,
        last_error_at: null,
        next_attempt_at: null,
        content: '',
      })
      .where('seq', '=', seq)
      .execute();
  }
  return seq;
}

/** Receipts brought back by USB (`province ingest --receipts DIR`): each checked, the rest ignored. */
export async function importReceipts(db: Db, now: Date, files: { name: string; text: string }[]) {
  const acknowledged: number[] = [];
  const rejected: string[] = [];
  for (const file of files) {
    let value: unknown;
    try {
      value = JSON.parse(file.text);
    } catch {
      value = null;
    }
    const seq = value === null ? null : await acceptReceipt(db, now, value);
    if (seq === null) rejected.push(file.name);
    else acknowledged.push(seq);
  }
  return { acknowledged, rejected };
}
