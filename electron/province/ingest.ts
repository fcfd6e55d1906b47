import type { BatchFile, Receipt } from '../../shared/uploads/batch';
import { openingKeyFor, unseal } from '../core/uploads/crypto';
import { checkBatchText, signReceipt } from '../core/uploads/verify';
import { secretFingerprint, type ProvinceSecret } from './keys';
import type { Transaction } from 'kysely';
import type { ProvinceDatabase, ProvinceDb } from './store';

export type IngestOutcome =
  | { status: 'accepted' | 'duplicate'; pointId: string; seq: number; receipt: Receipt }
  | { status: 'refused'; pointId: string | null; seq: number | null; reason: string };

/** Open every sealed record: proves the batch was made for this province's key and not altered. */
function openRecords(file: BatchFile, secret: ProvinceSecret): Map<string, Record<string, unknown>> | string {
  const key = openingKeyFor(secret.encryptPrivatePem, file.records.ephemeralKey, file.manifest.batchId);
  const categories = new Map<string, Record<string, unknown>>();
  for (const item of file.records.items) {
    if (!item.sealed) continue;
    try {
      const opened = unseal(key, item.sealed, `${item.ref}#${item.version}`) as { categories?: Record<string, unknown> };
      categories.set(`${item.ref}#${item.version}`, opened.categories ?? {});
    } catch {
      return `cannot_open: record ${item.ref} cannot be opened with the province key`;
    }
  }
  key.fill(0);
  return categories;
}

/**
 * Check then store one batch, all or nothing. Order of checks: the file itself (format, hashes,
 * signature), then the point's key (first batch from a point registers it), the sequence (no
 * gap, no reuse) and the hash chain, then the sealed records. Only then is anything written.
 */
export function ingestBatch(db: ProvinceDb, text: string, secret: ProvinceSecret, receivedAt: Date, fileLabel = '-'): Promise<IngestOutcome> {
  return db.transaction().execute((trx) => ingestIn(trx, text, secret, receivedAt, fileLabel));
}

/**
 * Many files in one transaction (a USB stick's worth, a CLI run): each is checked and stored in
 * turn, seeing the ones before it; a refused file writes only its rejection. One commit instead
 * of one per file is what makes a year of 135 points quick on an ordinary disk.
 */
export async function ingestMany(db: ProvinceDb, files: { text: string; label: string }[], secret: ProvinceSecret, receivedAt: Date): Promise<IngestOutcome[]> {
  return db.transaction().execute(async (trx) => {
    const outcomes: IngestOutcome[] = [];
    for (const f of files) outcomes.push(await ingestIn(trx, f.text, secret, receivedAt, f.label));
    return outcomes;
  });
}

async function ingestIn(trx: Transaction<ProvinceDatabase>, text: string, secret: ProvinceSecret, receivedAt: Date, fileLabel: string): Promise<IngestOutcome> {
  const checked = checkBatchText(text);
  const refuse = async (reason: string, pointId: string | null = null, seq: number | null = null): Promise<IngestOutcome> => {
    await trx.insertInto('rejection').values({ id: undefined, at: receivedAt.toISOString(), file: fileLabel, point_id: pointId, seq, reason }).execute();
    return { status: 'refused', pointId, seq, reason };
  };
  if (!checked.ok) return refuse(checked.reason);
  const { file, manifestHash } = checked;
  const m = file.manifest;
  const receiptFor = (status: 'accepted' | 'duplicate') => signReceipt({
    kind: 'dhs-receipt/1', pointId: m.pointId, seq: m.seq, batchId: m.batchId, manifestHash, status,
    receivedAt: receivedAt.toISOString(), records: file.records.items.length,
  }, secret.signPrivatePem);

  const point = await trx.selectFrom('point').selectAll().where('point_id', '=', m.pointId).executeTakeFirst();
  const refuseIn = (reason: string) => refuse(reason, m.pointId, m.seq);
  if (point && point.public_key !== m.pointKey) return refuseIn(`foreign_key: signed by key ${m.pointKeyFingerprint}, not the key registered for this point (${point.fingerprint})`);
  if (point && point.commune_code !== m.communeCode) return refuseIn(`wrong_commune: this point is registered for commune ${point.commune_code}`);
  const same = await trx.selectFrom('batch').select(['manifest_hash']).where('point_id', '=', m.pointId).where('seq', '=', m.seq).executeTakeFirst();
  if (same) {
    if (same.manifest_hash === manifestHash) return { status: 'duplicate', pointId: m.pointId, seq: m.seq, receipt: receiptFor('duplicate') } as IngestOutcome;
    return refuseIn(`conflict: a different batch number ${m.seq} from this point was already received`);
  }
  const lastSeq = point?.last_seq ?? 0;
  if (m.seq !== lastSeq + 1) return refuseIn(`gap: batch ${m.seq} arrived but batch ${lastSeq + 1} has not; send the earlier batches first`);
  const head = point?.head_hash ?? '0'.repeat(64);
  if (m.prevHash !== head) return refuseIn('broken_chain: the previous-batch hash does not match the last batch received from this point');
  if (m.recipientKeyFingerprint !== secretFingerprint(secret)) return refuseIn(`wrong_recipient: sealed to key ${m.recipientKeyFingerprint}, not this province key`);
  const opened = openRecords(file, secret);
  if (typeof opened === 'string') return refuseIn(opened);

  const at = receivedAt.toISOString();
  if (!point) {
    await trx.insertInto('point').values({
      point_id: m.pointId, commune_code: m.communeCode, commune_name: m.communeName, public_key: m.pointKey,
      fingerprint: m.pointKeyFingerprint, first_seen_at: at, last_seq: m.seq, head_hash: manifestHash,
    }).execute();
  } else {
    await trx.updateTable('point').set({ last_seq: m.seq, head_hash: manifestHash, commune_name: m.communeName }).where('point_id', '=', m.pointId).execute();
  }
  await trx.insertInto('batch').values({
    point_id: m.pointId, seq: m.seq, batch_id: m.batchId, manifest_hash: manifestHash, kind: m.kind, created_at: m.createdAt,
    received_at: at, period_from: m.period?.from ?? null, period_to: m.period?.to ?? null, closes_days: JSON.stringify(m.closesDays),
    record_count: file.records.items.length, aggregates: JSON.stringify(file.aggregates.rows),
  }).execute();
  // One statement for the batch's records. Upsert on (point, ref, version): a version seen before changes nothing.
  const rows = file.records.items.map((item) => ({
    point_id: m.pointId, ref: item.ref, version: item.version, entity: item.entity, day: item.day, supersedes: item.supersedes,
    late: item.late ? 1 : 0, erased: item.erased ? 1 : 0, clear: JSON.stringify(item.clear),
    categories: JSON.stringify(opened.get(`${item.ref}#${item.version}`) ?? {}),
    sealed: item.sealed ? JSON.stringify(item.sealed) : null, batch_seq: m.seq,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await trx.insertInto('record').values(rows.slice(i, i + 500)).onConflict((oc) => oc.columns(['point_id', 'ref', 'version']).doNothing()).execute();
  }
  // Erasure at the point reaches the province: drop the sealed personal data of every version.
  for (const item of file.records.items.filter((r) => r.erased)) {
    await trx.updateTable('record').set({ sealed: null, categories: '{}' }).where('point_id', '=', m.pointId).where('ref', '=', item.ref).execute();
  }
  for (const day of m.closesDays) {
    await trx.insertInto('closed_day').values({ point_id: m.pointId, day, batch_seq: m.seq, received_at: at })
      .onConflict((oc) => oc.columns(['point_id', 'day']).doNothing()).execute();
  }
  return { status: 'accepted', pointId: m.pointId, seq: m.seq, receipt: receiptFor('accepted') } as IngestOutcome;
}
