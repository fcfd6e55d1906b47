import {
  MAX_BATCH_BYTES,
  RECEIPT_FORMAT,
  parseBatchBody,
  batchFile,
  canonicalJson,
  isCanonicalText,
  receipt,
  receiptBody,
  type BatchBody,
  type Receipt,
  type ReceiptBody,
} from '#shared/uploads/batch';
import type { KeyObject } from 'node:crypto';
import { receiptBodyV1 } from '#shared/uploads/batch-v1';
import { fingerprint, sha256Hex, signBytes, verifyBytes } from '../crypto/signing';

export type Checked = { ok: true; batch: BatchBody; hash: string } | { ok: false; reason: string };

const refuse = (reason: string): Checked => ({ ok: false, reason });

/** `text` as a JSON value, or why not; the size is checked before anything is parsed. */
export function parseBatchJson(text: string): { ok: true; json: unknown } | { ok: false; reason: string } {
  if (text.length > MAX_BATCH_BYTES || Buffer.byteLength(text, 'utf8') > MAX_BATCH_BYTES) {
    return { ok: false, reason: `too_large: a batch is at most ${MAX_BATCH_BYTES / 1024 / 1024} MiB` };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'not_json: the file is not complete JSON (truncated or damaged)' };
  }
}

/**
 * Everything a `dhs-batch/2` file can be checked for on its own, before anything is stored or
 * opened (docs/dhs-batch-2.md, "Checks"): the two members and nothing else, canonical bytes, the
 * schema, the key's fingerprint, the signature, and that the batch agrees with itself (counts,
 * days, order). Whether the key is enrolled, and the chain, are the province's checks.
 */
export function checkBatchJson(text: string, json: unknown): Checked {
  const envelope = batchFile.safeParse(json);
  if (!envelope.success) {
    const extra = envelope.error.issues.find((i) => i.code === 'unrecognized_keys');
    return refuse(
      extra
        ? `unsigned_field: ${(extra as { keys: string[] }).keys.join(', ')} beside the signed batch`
        : 'bad_format: a batch file has exactly "batch" and "signature"',
    );
  }
  if (!isCanonicalText(text, json)) {
    try {
      canonicalJson(json);
    } catch {
      return refuse('bad_format: not representable in canonical JSON');
    }
    return refuse('not_canonical: the file is not in RFC 8785 canonical form (changed after signing?)');
  }
  const parsed = parseBatchBody(envelope.data.batch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(`bad_format: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const batch = parsed.data;
  if (fingerprint(batch.point.key) !== batch.point.fingerprint)
    return refuse('bad_key: the key fingerprint does not match the key');
  // The file is canonical, so the signed bytes are exactly the batch's place in it.
  const signed = Buffer.from(text.slice('{"batch":'.length, text.lastIndexOf(',"signature":')), 'utf8');
  if (!verifyBytes(batch.point.key, signed, envelope.data.signature))
    return refuse('bad_signature: the batch was changed after signing, or signed by another key');
  const problem = inconsistency(batch);
  if (problem) return refuse(problem);
  return { ok: true, batch, hash: sha256Hex(signed) };
}

export function checkBatchText(text: string): Checked {
  const parsed = parseBatchJson(text);
  return parsed.ok ? checkBatchJson(text, parsed.json) : parsed;
}

/** Where a batch contradicts itself; null when it does not. */
export function inconsistency(batch: BatchBody): string | null {
  const { records, counts, days } = batch;
  for (let i = 1; i < records.length; i++) {
    if (!(records[i - 1]!.ref < records[i]!.ref))
      return `bad_order: records must be sorted by ref, one version each (${records[i]!.ref})`;
  }
  for (const r of records) {
    if (!r.ref.startsWith(`${r.entity}:`)) return `bad_record: ${r.ref} is not a ref of entity ${r.entity}`;
    if (r.supersedes !== null && r.supersedes >= r.version)
      return `bad_record: ${r.ref} version ${r.version} cannot replace version ${r.supersedes}`;
    if (r.state !== 'recorded' && r.personal !== null)
      return `bad_record: ${r.ref} is ${r.state} yet carries personal data`;
  }
  const byEntity = new Map<string, number>();
  for (const r of records) byEntity.set(r.entity, (byEntity.get(r.entity) ?? 0) + 1);
  const stated = Object.entries(counts.byEntity);
  const countsLie =
    counts.records !== records.length ||
    counts.late !== records.filter((r) => r.late).length ||
    counts.erased !== records.filter((r) => r.state === 'erased').length ||
    counts.deleted !== records.filter((r) => r.state === 'deleted').length ||
    stated.length !== byEntity.size ||
    stated.some(([entity, n]) => byEntity.get(entity) !== n);
  if (countsLie) return 'bad_count: the counts do not match the records carried';
  for (let i = 1; i < days.length; i++)
    if (!(days[i - 1]!.day < days[i]!.day)) return 'bad_days: days must be sorted, each once';
  const listed = new Set(days.map((d) => d.day));
  const touched = new Set(records.map((r) => r.day));
  for (const d of touched) if (!listed.has(d)) return `bad_days: records for ${d} without that day's totals`;
  for (const d of days)
    if (!d.closed && !touched.has(d.day)) return `bad_days: ${d.day} is listed but neither closed nor touched`;
  const closes = days.filter((d) => d.closed).length;
  if (batch.kind === 'closing' && closes === 0) return 'bad_days: a closing batch closes at least one day';
  if (batch.kind === 'on_demand' && closes > 0) return 'bad_days: an on-demand batch closes no day';
  if (batch.keyChange) {
    if (fingerprint(batch.keyChange.key) !== batch.keyChange.fingerprint)
      return 'bad_key: the announced key does not match its fingerprint';
    if (batch.keyChange.key === batch.point.key) return 'bad_key: the announced key is the current key';
  }
  return null;
}

/** The file's bytes for a batch: canonical JSON of the batch and its Ed25519 signature. */
export function signBatch(batch: BatchBody, signPrivatePem: string): { text: string; hash: string } {
  const signed = Buffer.from(canonicalJson(batch), 'utf8');
  const text = canonicalJson({ batch, signature: signBytes(signPrivatePem, signed) });
  return { text, hash: sha256Hex(signed) };
}

/** The province's side: Ed25519 over the canonical JSON of the body (either receipt format). */
export function signReceipt<T extends object>(
  body: T,
  provinceSignPem: string | KeyObject,
): { body: T; signature: string } {
  return { body, signature: signBytes(provinceSignPem, Buffer.from(canonicalJson(body), 'utf8')) };
}

/**
 * A receipt counts only if the province's key signed exactly its body (as received, nothing
 * stripped) and it names this very batch: `dhs-receipt/2` for a /2 batch, `dhs-receipt/1`
 * for the /1 batches a point cut before it upgraded.
 */
export function checkReceipt(
  value: unknown,
  provinceSignKey: string,
  expected: { pointId: string; seq: number; hash: string },
): Receipt | null {
  const outer = receipt.safeParse(value);
  if (!outer.success) return null;
  const raw = outer.data.body as { kind?: unknown };
  let named: { pointId: string; seq: number; hash: string };
  if (raw?.kind === RECEIPT_FORMAT) {
    const body = receiptBody.safeParse(raw);
    if (!body.success) return null;
    named = { pointId: body.data.pointId, seq: body.data.seq, hash: body.data.batchHash };
  } else {
    const body = receiptBodyV1.safeParse(raw);
    if (!body.success) return null;
    named = { pointId: body.data.pointId, seq: body.data.seq, hash: body.data.manifestHash };
  }
  let bytes: Buffer;
  try {
    bytes = Buffer.from(canonicalJson(raw), 'utf8');
  } catch {
    return null;
  }
  if (!verifyBytes(provinceSignKey, bytes, outer.data.signature)) return null;
  if (named.pointId !== expected.pointId || named.seq !== expected.seq || named.hash !== expected.hash) return null;
  return { body: raw as ReceiptBody, signature: outer.data.signature };
}
