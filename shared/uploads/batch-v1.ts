import { z } from 'zod';
import { isRealDay } from '../time/vietnam';

/**
 * `dhs-batch/1`, the format points cut before `dhs-batch/2` (docs/dhs-batch-2.md, "Files in
 * dhs-batch/1"). The province still reads it while points in the field upgrade: their batches
 * already cut keep their bytes and their place in the chain. Read strictly: every object is
 * closed, so nothing can ride along unsigned. Its `aggregates` part is checked and then ignored
 * (the province counts from the records), as in /2.
 */
export const BATCH_FORMAT_V1 = 'dhs-batch/1';
export const SEAL_ALGORITHM_V1 = 'X25519-HKDF-SHA256-AES-256-GCM';
export const RECORD_ENTITIES_V1 = ['logbook_entry', 'ticket', 'attendance', 'activity', 'roster_day'] as const;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const day = z.string().refine(isRealDay);
const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const manifestV1 = z.strictObject({
  format: z.literal(BATCH_FORMAT_V1),
  appVersion: z.string(),
  codelistVersion: z.string(),
  provinceCode: z.literal('52'),
  communeCode: z.string().regex(/^\d{5}$/),
  communeName: z.string(),
  pointId: z.uuid(),
  pointKey: b64,
  pointKeyFingerprint: z.string(),
  recipientKeyFingerprint: z.string(),
  batchId: z.uuid(),
  seq: z.number().int().positive(),
  prevHash: sha256Hex,
  createdAt: z.string(),
  kind: z.enum(['closing', 'on_demand']),
  period: z.strictObject({ from: day, to: day }).nullable(),
  closesDays: z.array(day),
  outbox: z.strictObject({ from: z.number().int(), to: z.number().int() }).nullable(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  parts: z.strictObject({ aggregates: sha256Hex, records: sha256Hex }),
});
export type ManifestV1 = z.output<typeof manifestV1>;

export const aggregateRowV1 = z.strictObject({
  day,
  measure: z.string(),
  category: z.string(),
  value: z.union([z.number().int().nonnegative(), z.literal('<5')]),
});

export const sealedFieldV1 = z.strictObject({ iv: b64, data: b64, tag: b64 });
export type SealedV1 = z.output<typeof sealedFieldV1>;

export const recordV1 = z.strictObject({
  entity: z.enum(RECORD_ENTITIES_V1),
  ref: z.string(),
  version: z.number().int().positive(),
  supersedes: z.number().int().positive().nullable(),
  day,
  late: z.boolean(),
  /** In /1 this meant the record no longer exists at the point (a /2 `deleted`). */
  erased: z.boolean(),
  clear: z.record(z.string(), z.unknown()),
  sealed: sealedFieldV1.nullable(),
});
export type RecordV1 = z.output<typeof recordV1>;

export const batchFileV1 = z.strictObject({
  manifest: manifestV1,
  signature: b64,
  aggregates: z.strictObject({ rows: z.array(aggregateRowV1) }),
  records: z.strictObject({ algorithm: z.literal(SEAL_ALGORITHM_V1), ephemeralKey: b64, items: z.array(recordV1) }),
});
export type BatchFileV1 = z.output<typeof batchFileV1>;

/** The receipt a /1 point understands, for its /1 batches. */
export const receiptBodyV1 = z.strictObject({
  kind: z.literal('dhs-receipt/1'),
  pointId: z.string(),
  seq: z.number().int().positive(),
  batchId: z.string(),
  manifestHash: sha256Hex,
  status: z.enum(['accepted', 'duplicate']),
  receivedAt: z.string(),
  records: z.number().int().nonnegative(),
});
export type ReceiptBodyV1 = z.output<typeof receiptBodyV1>;
