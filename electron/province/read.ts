import { RECEIPT_FORMAT, SEAL_INFO, categoriesAad } from '#shared/uploads/batch';
import { BATCH_FORMAT_V1 } from '#shared/uploads/batch-v1';
import { hpkeOpen } from '#core/crypto/hpke';
import { checkBatchJson, parseBatchJson, signReceipt } from '#core/uploads/verify';
import type { Incoming, Read } from './incoming';
import type { KeyObject } from 'node:crypto';
import type { ReceivingKeys } from './keys';
import { readV1 } from './legacy-v1';

/** Check a /2 file, then open its categories with the receiving key. */
function readV2(text: string, json: unknown, keys: ReceivingKeys): Read {
  const checked = checkBatchJson(text, json);
  if (!checked.ok) return checked;
  const { batch, hash } = checked;
  if (batch.sealing.categoriesKey !== keys.encrypt)
    return {
      ok: false,
      reason: `wrong_recipient: categories sealed to key ${batch.sealing.categoriesKey}, not this province's receiving key`,
    };
  if (batch.sealing.personalKey !== keys.encrypt && batch.sealing.personalKey !== keys.seal) {
    return {
      ok: false,
      reason: `wrong_recipient: personal data sealed to key ${batch.sealing.personalKey}, not one of this province's keys`,
    };
  }
  let categories: Record<string, Record<string, unknown>> = {};
  if (batch.categories) {
    try {
      const opened = hpkeOpen(
        keys.encryptPrivate,
        { enc: Buffer.from(batch.categories.enc, 'base64'), ct: Buffer.from(batch.categories.ct, 'base64') },
        Buffer.from(SEAL_INFO.categories),
        Buffer.from(categoriesAad(batch.point.id, batch.seq)),
      );
      categories = JSON.parse(opened.toString('utf8'));
    } catch {
      return { ok: false, reason: 'cannot_open: the categories cannot be opened with the province key' };
    }
    const refs = new Set(batch.records.filter((r) => r.state !== 'deleted').map((r) => r.ref));
    const stray =
      typeof categories !== 'object' || categories === null || Array.isArray(categories)
        ? '(not an object)'
        : Object.entries(categories).find(
            ([ref, value]) => !refs.has(ref) || typeof value !== 'object' || value === null || Array.isArray(value),
          )?.[0];
    if (stray) return { ok: false, reason: `bad_categories: ${stray} is not a record of this batch` };
  }
  const { records: _records, categories: _sealed, ...head } = (json as { batch: Record<string, unknown> }).batch;
  return {
    ok: true,
    batch: {
      format: 'dhs-batch/2',
      hash,
      pointUuid: batch.point.id,
      key: batch.point.key,
      fingerprint: batch.point.fingerprint,
      communeName: batch.point.communeName,
      communeCode: batch.point.communeCode,
      seq: batch.seq,
      prev: batch.prev,
      batchId: batch.batchId,
      createdAt: batch.createdAt,
      kind: batch.kind,
      records: batch.records.map((r) => ({
        entity: r.entity,
        ref: r.ref,
        version: r.version,
        supersedes: r.supersedes,
        day: r.day,
        late: r.late,
        state: r.state,
        clear: JSON.stringify(r.clear),
        categories: JSON.stringify(categories[r.ref] ?? {}),
        personal: r.personal
          ? JSON.stringify({ hpke: { enc: r.personal.enc, ct: r.personal.ct }, to: batch.sealing.personalKey })
          : null,
      })),
      days: batch.days.map((d) => ({ day: d.day, closed: d.closed, totals: d.totals })),
      keyChange: batch.keyChange,
      head: JSON.stringify(head),
    },
  };
}

/** A file of either format, checked on its own and its categories opened; nothing stored yet. */
export function readBatch(
  text: string,
  keys: ReceivingKeys,
  v1Key: { encryptPublic: string; signPublic: string },
): Read {
  const parsed = parseBatchJson(text);
  if (!parsed.ok) return parsed;
  const json = parsed.json as { manifest?: { format?: unknown } } | null;
  if (json && typeof json === 'object' && json.manifest?.format === BATCH_FORMAT_V1)
    return readV1(json, keys.encryptPrivate, v1Key.encryptPublic, v1Key.signPublic);
  return readV2(text, json, keys);
}

/** The receipt a point of this batch's format understands. */
export function receiptFor(
  batch: Incoming,
  status: 'accepted' | 'duplicate',
  receivedAt: Date,
  signPrivate: string | KeyObject,
) {
  const common = {
    pointId: batch.pointUuid,
    seq: batch.seq,
    batchId: batch.batchId,
    status,
    receivedAt: receivedAt.toISOString(),
    records: batch.records.length,
  };
  const body =
    batch.format === 'dhs-batch/2'
      ? { kind: RECEIPT_FORMAT, ...common, batchHash: batch.hash }
      : { kind: 'dhs-receipt/1', ...common, manifestHash: batch.hash };
  return signReceipt(body, signPrivate);
}
