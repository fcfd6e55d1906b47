import { batchFile, canonicalJson, MAX_BATCH_BYTES, receipt, type BatchFile, type Receipt, type ReceiptBody } from '../../../shared/uploads/batch';
import { fingerprint, sha256, signValue, verifyValue } from './crypto';

export type Checked = { ok: true; file: BatchFile; manifestHash: string } | { ok: false; reason: string };

/**
 * Everything that can be checked from the file alone, before anything is stored or opened:
 * well-formed, every part matching the hash in the manifest, the manifest signed by the key it
 * names. (Whether that key belongs to the point, and the chain, is the store's check.)
 */
export function checkBatchText(text: string): Checked {
  if (text.length > MAX_BATCH_BYTES || Buffer.byteLength(text, 'utf8') > MAX_BATCH_BYTES) {
    return { ok: false, reason: `too_large: a batch is at most ${MAX_BATCH_BYTES / 1024 / 1024} MiB` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not_json: the file is not complete JSON (truncated or damaged)' };
  }
  const parsed = batchFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `bad_format: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() };
  }
  const file = parsed.data;
  const { manifest } = file;
  if (fingerprint(manifest.pointKey) !== manifest.pointKeyFingerprint) return { ok: false, reason: 'bad_key: the key fingerprint does not match the key' };
  if (!verifyValue(manifest, file.signature, manifest.pointKey)) return { ok: false, reason: 'bad_signature: the manifest was changed after signing' };
  if (sha256(canonicalJson(file.aggregates)) !== manifest.parts.aggregates) return { ok: false, reason: 'bad_part: the figures do not match the signed manifest' };
  if (sha256(canonicalJson(file.records)) !== manifest.parts.records) return { ok: false, reason: 'bad_part: the records do not match the signed manifest' };
  if (file.records.items.length !== manifest.counts.records) return { ok: false, reason: 'bad_count: record count differs from the manifest' };
  return { ok: true, file, manifestHash: sha256(canonicalJson(manifest)) };
}

export function signReceipt(body: ReceiptBody, provinceSignPem: string): Receipt {
  return { body, signature: signValue(body, provinceSignPem) };
}

/** A receipt counts only if the province's key signed it and it names this very batch. */
export function checkReceipt(value: unknown, provinceSignKey: string, expected: { pointId: string; seq: number; manifestHash: string }): Receipt | null {
  const parsed = receipt.safeParse(value);
  if (!parsed.success) return null;
  const { body, signature } = parsed.data;
  if (!verifyValue(body, signature, provinceSignKey)) return null;
  if (body.pointId !== expected.pointId || body.seq !== expected.seq || body.manifestHash !== expected.manifestHash) return null;
  return parsed.data;
}
