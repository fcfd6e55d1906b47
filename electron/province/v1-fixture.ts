import { createCipheriv, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { canonicalJson } from '#shared/uploads/batch';
import type { BatchFileV1, RecordV1 } from '#shared/uploads/batch-v1';
import { fingerprint, publicKeyFromRaw, rawPublicKey, sha256Hex, signBytes } from '#core/crypto/signing';

/**
 * For tests: a batch as a point on the earlier app cut it (`dhs-batch/1`, docs/dhs-batch-2.md
 * §12), so the province's reading of /1 and the hand-over to /2 can be tried on real bytes.
 */
export function packageV1(input: {
  point: { pointId: string; communeCode: string; communeName: string; signPublic: string; signPrivatePem: string };
  province: { encryptPublic: string; signPublic: string };
  seq: number;
  prevHash: string;
  createdAt: string;
  closesDays: string[];
  items: (Omit<RecordV1, 'sealed'> & { secret: unknown })[];
}): { text: string; hash: string; file: BatchFileV1 } {
  const batchId = randomUUID();
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({
    privateKey: eph.privateKey,
    publicKey: publicKeyFromRaw('X25519', input.province.encryptPublic),
  });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.from(batchId), Buffer.from('dhs-batch/1 records'), 32));
  const items: RecordV1[] = input.items
    .map(({ secret, ...item }) => {
      if (secret === null) return { ...item, sealed: null };
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(`${item.ref}#${item.version}`));
      const data = Buffer.concat([cipher.update(JSON.stringify(secret), 'utf8'), cipher.final()]);
      return {
        ...item,
        sealed: {
          iv: iv.toString('base64'),
          data: data.toString('base64'),
          tag: cipher.getAuthTag().toString('base64'),
        },
      };
    })
    .sort((a, b) => (a.ref < b.ref ? -1 : 1));
  const aggregates = {
    rows: input.closesDays.map((day) => ({
      day,
      measure: 'supports',
      category: 'total',
      value: items.filter((i) => i.day === day && i.entity === 'logbook_entry').length,
    })),
  };
  const records = {
    algorithm: 'X25519-HKDF-SHA256-AES-256-GCM' as const,
    ephemeralKey: rawPublicKey(eph.publicKey),
    items,
  };
  const counts: Record<string, number> = {
    records: items.length,
    late: items.filter((i) => i.late).length,
    erased: items.filter((i) => i.erased).length,
  };
  for (const i of items) counts[i.entity] = (counts[i.entity] ?? 0) + 1;
  const days = [...items.map((i) => i.day), ...input.closesDays].sort();
  const p = input.point;
  const manifest: BatchFileV1['manifest'] = {
    format: 'dhs-batch/1',
    appVersion: '0.1.0',
    codelistVersion: 'QD19-2025',
    provinceCode: '52',
    communeCode: p.communeCode,
    communeName: p.communeName,
    pointId: p.pointId,
    pointKey: p.signPublic,
    pointKeyFingerprint: fingerprint(p.signPublic),
    recipientKeyFingerprint: fingerprint(input.province.encryptPublic, input.province.signPublic),
    batchId,
    seq: input.seq,
    prevHash: input.prevHash,
    createdAt: input.createdAt,
    kind: input.closesDays.length ? 'closing' : 'on_demand',
    period: days.length ? { from: days[0]!, to: days.at(-1)! } : null,
    closesDays: input.closesDays,
    outbox: null,
    counts,
    parts: { aggregates: sha256Hex(canonicalJson(aggregates)), records: sha256Hex(canonicalJson(records)) },
  };
  const file: BatchFileV1 = {
    manifest,
    signature: signBytes(p.signPrivatePem, Buffer.from(canonicalJson(manifest))),
    aggregates,
    records,
  };
  return { text: JSON.stringify(file, null, 1), hash: sha256Hex(canonicalJson(manifest)), file };
}
