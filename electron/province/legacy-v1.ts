import { createDecipheriv, diffieHellman, hkdfSync, type KeyObject } from 'node:crypto';
import { canonicalJson } from '#shared/uploads/batch';
import { batchFileV1, type BatchFileV1, type SealedV1 } from '#shared/uploads/batch-v1';
import { fingerprint, publicKeyFromRaw, rawPublicKey, sha256Hex, verifyBytes } from '#core/crypto/signing';
import type { Incoming, IncomingDay, Read } from './incoming';

/**
 * Reading `dhs-batch/1` (docs/dhs-batch-2.md, "Files in dhs-batch/1"): the manifest is signed
 * (Ed25519 over its canonical JSON) and names the SHA-256 of its two parts; every record's
 * personal part is AES-256-GCM under a key agreed by X25519 with the batch's one-time key and
 * HKDF-SHA256 (salt: the batch id, info "dhs-batch/1 records"), AAD "<ref>#<version>".
 */
function openingKey(recipient: KeyObject, ephemeralRaw: string, batchId: string): Buffer {
  const shared = diffieHellman({ privateKey: recipient, publicKey: publicKeyFromRaw('X25519', ephemeralRaw) });
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(batchId), Buffer.from('dhs-batch/1 records'), 32));
}

export function unsealV1(key: Buffer, sealed: SealedV1, aad: string): unknown {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64')).setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return JSON.parse(
    Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8'),
  );
}

/** Open one stored /1 personal part (the province's receiving key opens these: /1 had no other). */
export function openStoredV1(
  recipient: KeyObject,
  stored: { v1: SealedV1; ephemeralKey: string; batchId: string },
  ref: string,
  version: number,
): unknown {
  const key = openingKey(recipient, stored.ephemeralKey, stored.batchId);
  try {
    return unsealV1(key, stored.v1, `${ref}#${version}`);
  } finally {
    key.fill(0);
  }
}

function countsLie(file: BatchFileV1): boolean {
  const items = file.records.items;
  const counts = file.manifest.counts;
  const byEntity = new Map<string, number>();
  for (const i of items) byEntity.set(i.entity, (byEntity.get(i.entity) ?? 0) + 1);
  const stated = Object.entries(counts).filter(([k]) => !['records', 'late', 'erased'].includes(k));
  return (
    counts.records !== items.length ||
    counts.late !== items.filter((i) => i.late).length ||
    counts.erased !== items.filter((i) => i.erased).length ||
    stated.length !== byEntity.size ||
    stated.some(([k, n]) => byEntity.get(k) !== n)
  );
}

/** Everything a /1 file can be checked for without the province's key (`province verify`). */
export function checkV1(json: unknown): { ok: true; file: BatchFileV1; hash: string } | { ok: false; reason: string } {
  const parsed = batchFileV1.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `bad_format: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() };
  }
  const raw = json as BatchFileV1;
  const file = parsed.data;
  const m = file.manifest;
  if (fingerprint(m.pointKey) !== m.pointKeyFingerprint)
    return { ok: false, reason: 'bad_key: the key fingerprint does not match the key' };
  const manifestBytes = Buffer.from(canonicalJson(raw.manifest), 'utf8');
  if (!verifyBytes(m.pointKey, manifestBytes, file.signature))
    return { ok: false, reason: 'bad_signature: the manifest was changed after signing' };
  if (sha256Hex(canonicalJson(raw.aggregates)) !== m.parts.aggregates)
    return { ok: false, reason: 'bad_part: the figures do not match the signed manifest' };
  if (sha256Hex(canonicalJson(raw.records)) !== m.parts.records)
    return { ok: false, reason: 'bad_part: the records do not match the signed manifest' };
  if (countsLie(file)) return { ok: false, reason: 'bad_count: the counts do not match the records carried' };
  const figured = new Set(file.aggregates.rows.map((r) => r.day));
  const unfigured = m.closesDays.find((d) => !figured.has(d));
  if (unfigured) return { ok: false, reason: `bad_days: ${unfigured} is closed without its figures` };
  return { ok: true, file, hash: sha256Hex(manifestBytes) };
}

/** Check a /1 file and open its categories with the receiving key `recipient`. */
export function readV1(json: unknown, recipient: KeyObject, recipientPublic: string, signPublic: string): Read {
  const checked = checkV1(json);
  if (!checked.ok) return checked;
  const { file, hash } = checked;
  const m = file.manifest;
  if (m.recipientKeyFingerprint !== fingerprint(recipientPublic, signPublic)) {
    return {
      ok: false,
      reason: `wrong_recipient: sealed to key ${m.recipientKeyFingerprint}, not this province's key`,
    };
  }
  const key = openingKey(recipient, file.records.ephemeralKey, m.batchId);
  const records: Incoming['records'] = [];
  try {
    for (const item of file.records.items) {
      let categories: Record<string, unknown> = {};
      if (item.sealed) {
        try {
          categories =
            (unsealV1(key, item.sealed, `${item.ref}#${item.version}`) as { categories?: Record<string, unknown> })
              .categories ?? {};
        } catch {
          return { ok: false, reason: `cannot_open: record ${item.ref} cannot be opened with the province key` };
        }
      }
      records.push({
        entity: item.entity,
        ref: item.ref,
        version: item.version,
        supersedes: item.supersedes,
        day: item.day,
        late: item.late,
        state: item.erased ? 'deleted' : 'recorded',
        clear: JSON.stringify(item.clear),
        categories: JSON.stringify(categories),
        personal: item.sealed
          ? JSON.stringify({
              v1: item.sealed,
              ephemeralKey: file.records.ephemeralKey,
              batchId: m.batchId,
              to: fingerprint(rawPublicKey(recipient)),
            })
          : null,
      });
    }
  } finally {
    key.fill(0);
  }
  const days: IncomingDay[] = [...new Set([...records.map((r) => r.day), ...m.closesDays])]
    .sort()
    .map((day) => ({ day, closed: m.closesDays.includes(day) ? { at: null, by: null } : null, totals: null }));
  return {
    ok: true,
    batch: {
      format: 'dhs-batch/1',
      hash,
      pointUuid: m.pointId,
      key: m.pointKey,
      fingerprint: m.pointKeyFingerprint,
      communeName: m.communeName,
      communeCode: m.communeCode,
      seq: m.seq,
      prev: m.prevHash,
      batchId: m.batchId,
      createdAt: m.createdAt,
      kind: m.kind,
      records,
      days,
      keyChange: null,
      head: JSON.stringify({ manifest: (json as BatchFileV1).manifest }),
    },
  };
}
