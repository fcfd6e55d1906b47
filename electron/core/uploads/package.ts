import { randomUUID } from 'node:crypto';
import {
  BATCH_FORMAT, CODELIST_VERSION, PROVINCE_CODE, SEAL_ALGORITHM, batchFileName, canonicalJson,
  type AggregateRow, type BatchFile, type BatchManifest, type BatchRecord,
} from '../../../shared/uploads/batch';
import { seal, sealingKeyFor, sha256, signValue } from './crypto';

export const APP_VERSION = '0.1.0';

export interface PackageInput {
  point: { communeCode: string; communeName: string; pointId: string; signPublic: string; fingerprint: string; signPrivatePem: string };
  recipient: { encryptKey: string; fingerprint: string };
  seq: number;
  prevHash: string;
  createdAt: string;
  kind: BatchManifest['kind'];
  closesDays: string[];
  outbox: BatchManifest['outbox'];
  /** Records with what must be sealed still open in `secret` (null: nothing to seal, e.g. erased). */
  items: (Omit<BatchRecord, 'sealed'> & { secret: unknown })[];
  aggregates: AggregateRow[];
}

/**
 * Seal every record's personal part to the province with a one-time key, describe the parts in
 * the manifest by their hashes, and sign the manifest (encrypt, then sign: the province checks
 * the signature before it opens anything). The content key is wiped before returning.
 */
export function packageBatch(input: PackageInput): { file: BatchFile; manifestHash: string; fileName: string; content: string } {
  const batchId = randomUUID();
  const { ephemeralKey, key } = sealingKeyFor(input.recipient.encryptKey, batchId);
  const items: BatchRecord[] = input.items
    .map(({ secret, ...item }) => ({ ...item, sealed: secret === null ? null : seal(key, secret, `${item.ref}#${item.version}`) }))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : a.version - b.version));
  key.fill(0);
  const aggregates = { rows: input.aggregates };
  const records = { algorithm: SEAL_ALGORITHM, ephemeralKey, items } as const;
  const days = [...items.map((i) => i.day), ...input.closesDays].sort();
  const counts: Record<string, number> = { records: items.length, late: items.filter((i) => i.late).length, erased: items.filter((i) => i.erased).length };
  for (const item of items) counts[item.entity] = (counts[item.entity] ?? 0) + 1;
  const p = input.point;
  const manifest: BatchManifest = {
    format: BATCH_FORMAT, appVersion: APP_VERSION, codelistVersion: CODELIST_VERSION, provinceCode: PROVINCE_CODE,
    communeCode: p.communeCode, communeName: p.communeName, pointId: p.pointId, pointKey: p.signPublic, pointKeyFingerprint: p.fingerprint,
    recipientKeyFingerprint: input.recipient.fingerprint, batchId, seq: input.seq, prevHash: input.prevHash, createdAt: input.createdAt,
    kind: input.kind, period: days.length ? { from: days[0]!, to: days[days.length - 1]! } : null, closesDays: input.closesDays,
    outbox: input.outbox, counts,
    parts: { aggregates: sha256(canonicalJson(aggregates)), records: sha256(canonicalJson(records)) },
  };
  const file: BatchFile = { manifest, signature: signValue(manifest, p.signPrivatePem), aggregates, records };
  return { file, manifestHash: sha256(canonicalJson(manifest)), fileName: batchFileName(manifest), content: JSON.stringify(file, null, 1) };
}
