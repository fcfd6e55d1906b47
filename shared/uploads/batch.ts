import { z } from 'zod';
import { isRealDay } from '../time/vietnam';

/**
 * The batch file the point hands to the province, by USB stick or over HTTP (same bytes).
 * One JSON document: a readable manifest, the point's signature over it, the day's figures
 * (no personal data) and the records, every personal field sealed to the province's key.
 */
export const BATCH_FORMAT = 'dhs-batch/1';
export const PROVINCE_CODE = '52';
/** Decision 19/2025/QĐ-TTg: the commune codes the manifest's `communeCode` follows. */
export const CODELIST_VERSION = 'QD19-2025';
export const SEAL_ALGORITHM = 'X25519-HKDF-SHA256-AES-256-GCM';
export const RECORD_ENTITIES = ['logbook_entry', 'ticket', 'attendance', 'activity', 'roster_day'] as const;
export type RecordEntity = (typeof RECORD_ENTITIES)[number];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const day = z.string().refine(isRealDay);
const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const manifestSchema = z.object({
  format: z.literal(BATCH_FORMAT),
  appVersion: z.string(),
  codelistVersion: z.string(),
  provinceCode: z.literal(PROVINCE_CODE),
  communeCode: z.string().regex(/^\d{5}$/),
  communeName: z.string(),
  pointId: z.string().uuid(),
  /** The point's Ed25519 public key (raw, base64) and its fingerprint. */
  pointKey: b64,
  pointKeyFingerprint: z.string(),
  /** Fingerprint of the province key the records are sealed to. */
  recipientKeyFingerprint: z.string(),
  batchId: z.string().uuid(),
  seq: z.number().int().positive(),
  /** SHA-256 of the previous batch's canonical manifest; 64 zeros for the first. */
  prevHash: sha256Hex,
  createdAt: z.string(),
  kind: z.enum(['closing', 'on_demand']),
  /** First and last day of the changes carried. */
  period: z.object({ from: day, to: day }).nullable(),
  /** Working days this batch closes: the province reads "no batch closed it" as missing, never as zero. */
  closesDays: z.array(day),
  outbox: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  parts: z.object({ aggregates: sha256Hex, records: sha256Hex }),
});
export type BatchManifest = z.output<typeof manifestSchema>;

/** A figure for one day; counts from 1 to 4 are banded as "<5" so no one is singled out. */
export const aggregateRow = z.object({
  day,
  measure: z.string(),
  category: z.string(),
  value: z.union([z.number().int().nonnegative(), z.literal('<5')]),
});
export type AggregateRow = z.output<typeof aggregateRow>;
export const aggregatesPart = z.object({ rows: z.array(aggregateRow) });

export const sealedField = z.object({ iv: b64, data: b64, tag: b64 });
export type Sealed = z.output<typeof sealedField>;

export const batchRecord = z.object({
  entity: z.enum(RECORD_ENTITIES),
  /** Stable id of the thing across versions: `<entity>:<local id>`, unique per point. */
  ref: z.string(),
  version: z.number().int().positive(),
  /** The version this one replaces (ODK's deprecatedID); null for a first version. */
  supersedes: z.number().int().positive().nullable(),
  day,
  /** The day had already been closed in an earlier batch when this version was made. */
  late: z.boolean(),
  /** The record was erased at the point: the province drops what it holds for it. */
  erased: z.boolean(),
  /** Coded facts about the service, no person in them. */
  clear: z.record(z.string(), z.unknown()),
  /** Everything about the person, readable only with the province's private key. */
  sealed: sealedField.nullable(),
});
export type BatchRecord = z.output<typeof batchRecord>;

export const recordsPart = z.object({
  algorithm: z.literal(SEAL_ALGORITHM),
  /** The sender's one-time X25519 key for this batch (raw, base64). */
  ephemeralKey: b64,
  items: z.array(batchRecord),
});

/**
 * A month of a busy point is under 1 MiB; anything past this is not a batch of ours and is
 * refused before it is parsed, so a padded file cannot exhaust the province's memory.
 */
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;

export const batchFile = z.object({
  manifest: manifestSchema,
  /** Ed25519 over canonical(manifest), base64. */
  signature: b64,
  aggregates: aggregatesPart,
  records: recordsPart,
}).strict();
export type BatchFile = z.output<typeof batchFile>;

/** What the province answers: only a receipt signed by the province's key counts as "sent". */
export const receiptBody = z.object({
  kind: z.literal('dhs-receipt/1'),
  pointId: z.string(),
  seq: z.number().int().positive(),
  batchId: z.string(),
  manifestHash: sha256Hex,
  status: z.enum(['accepted', 'duplicate']),
  receivedAt: z.string(),
  records: z.number().int().nonnegative(),
});
export type ReceiptBody = z.output<typeof receiptBody>;
export const receipt = z.object({ body: receiptBody, signature: b64 });
export type Receipt = z.output<typeof receipt>;

export const ZERO_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level: the bytes that get hashed and signed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function bandCount(n: number): number | '<5' {
  return n > 0 && n < 5 ? '<5' : n;
}

/** `GL52_<commune>_<point8>_<seq6>.batch.json`: no personal data in the name, sorts by sequence. */
export function batchFileName(manifest: Pick<BatchManifest, 'communeCode' | 'pointId' | 'seq'>): string {
  return `GL${PROVINCE_CODE}_${manifest.communeCode}_${manifest.pointId.slice(0, 8)}_${String(manifest.seq).padStart(6, '0')}.batch.json`;
}
