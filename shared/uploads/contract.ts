import { z } from 'zod';
import { empty, method } from '../contract/define';
import { exportFile } from '../contract/files';
import { ALLOW } from '../contract/roles';

const cutResult = z.object({
  seq: z.number().int(),
  fileName: z.string(),
  records: z.number().int(),
  closesDays: z.array(z.string()),
});

/** Where a batch stands, in the words the status screen uses. */
export const BATCH_STATES = ['waiting', 'saved', 'failed', 'acknowledged'] as const;

export const batchView = z.object({
  seq: z.number().int(),
  fileName: z.string(),
  kind: z.enum(['closing', 'on_demand']),
  createdAt: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  closesDays: z.array(z.string()),
  records: z.number().int(),
  state: z.enum(BATCH_STATES),
  savedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** 'network' | 'refused' | 'bad_receipt' | 'http'; `errorDetail` is the province's own reason. */
  error: z.string().nullable(),
  errorDetail: z.string().nullable(),
});
export type BatchView = z.output<typeof batchView>;

export const uploadsStatus = z.object({
  ready: z.object({ communeCode: z.boolean(), provinceKey: z.boolean(), provinceUrl: z.boolean() }),
  pointId: z.string(),
  pointFingerprint: z.string(),
  provinceFingerprint: z.string().nullable(),
  provinceUrl: z.string().nullable(),
  /** Changes recorded but not yet in any batch. */
  waitingChanges: z.number().int(),
  /** Days closed in the book whose batch is not packed yet (no commune code or province key then). */
  dueDays: z.array(z.string()),
  counts: z.object({
    waiting: z.number().int(),
    saved: z.number().int(),
    failed: z.number().int(),
    acknowledged: z.number().int(),
  }),
  lastAcknowledgedAt: z.string().nullable(),
  batches: z.array(batchView),
});
export type UploadsStatus = z.output<typeof uploadsStatus>;

export const uploadsMethods = {
  'uploads.readiness': method({
    summary: 'Whether batches for the province can be made (for the warning on the staff home).',
    roles: ALLOW.staff,
    kind: 'read',
    input: empty,
    output: z.object({ communeCode: z.boolean(), provinceKey: z.boolean(), failed: z.number().int() }),
  }),
  'uploads.status': method({
    summary: 'Batches waiting, saved, sent and acknowledged, and what failed and why.',
    roles: ALLOW.officials,
    kind: 'read',
    input: z.object({ limit: z.number().int().min(1).max(500).default(60) }),
    output: uploadsStatus,
  }),
  'uploads.cutNow': method({
    summary: 'Pack the batches of the closed days, then everything waiting into one more batch now.',
    roles: ALLOW.officials,
    kind: 'write',
    input: empty,
    output: z.object({ batches: z.array(cutResult) }),
  }),
  'uploads.download': method({
    summary: 'Download one batch not yet acknowledged, or all of them (a zip when several).',
    roles: ALLOW.officials,
    kind: 'write',
    input: z.object({ seq: z.number().int().positive().nullable().default(null) }),
    output: exportFile,
  }),
  'uploads.saveToFolder': method({
    summary: 'Write every batch not yet acknowledged into a folder on this PC (USB stick).',
    roles: ALLOW.officials,
    kind: 'write',
    input: z.object({
      directory: z.string().trim().min(1, 'uploads:problems.folder').max(1000, 'uploads:problems.folder'),
    }),
    output: z.object({ files: z.array(z.string()) }),
  }),
  'uploads.send': method({
    summary: "Post the batches not yet acknowledged to the province's address now.",
    // 'steps': the network round trips must not hold the point's one write transaction; each
    // answer is recorded in a step of its own.
    roles: ALLOW.officials,
    kind: 'steps',
    input: empty,
    output: z.object({
      acknowledged: z.array(z.number().int()),
      failed: z.object({ seq: z.number().int(), error: z.string() }).nullable(),
      skipped: z.boolean(),
    }),
  }),
  'uploads.importReceipts': method({
    summary: "Import the province's receipts brought back on a USB stick.",
    roles: ALLOW.officials,
    kind: 'write',
    maxBytes: 4 * 1024 * 1024,
    input: z.object({
      files: z
        .array(z.object({ name: z.string().max(200), text: z.string().max(64 * 1024) }))
        .min(1)
        .max(400),
    }),
    output: z.object({ acknowledged: z.array(z.number().int()), rejected: z.array(z.string()) }),
  }),
  'uploads.rotateKey': method({
    summary: "Replace the point's signing key: a batch signed by the old key announces the new one to the province.",
    roles: ALLOW.admin,
    kind: 'write',
    input: empty,
    output: z.object({ seq: z.number().int(), fingerprint: z.string() }),
  }),
  'uploads.packClosedDays': method({
    summary:
      'Pack the batch of every closed day not packed yet (the point itself, after closes made while it could not pack).',
    roles: ALLOW.system,
    kind: 'write',
    input: empty,
    output: z.object({ batches: z.array(cutResult) }),
  }),
  'uploads.deliveryDue': method({
    summary: "The batches due for the province's address now, oldest first (the point's delivery job).",
    roles: ALLOW.system,
    kind: 'read',
    input: empty,
    output: z.object({
      url: z.string().nullable(),
      batches: z.array(z.object({ seq: z.number().int(), content: z.string() })),
    }),
  }),
  'uploads.recordDelivery': method({
    summary: "The province's answer to one POST, recorded (the network round trip happened outside, in the job).",
    roles: ALLOW.system,
    kind: 'write',
    maxBytes: 64 * 1024,
    input: z.object({
      seq: z.number().int().positive(),
      attempt: z.discriminatedUnion('ok', [
        z.object({ ok: z.literal(true), receipt: z.unknown() }),
        z.object({ ok: z.literal(false), error: z.string().max(500) }),
      ]),
    }),
    output: z.object({ error: z.string().nullable() }),
  }),
  'uploads.setProvince': method({
    summary: "Import the province's public key and/or set its receiving address.",
    roles: ALLOW.admin,
    kind: 'write',
    input: z.object({ keyText: z.string().max(2000).optional(), url: z.string().trim().max(500).optional() }),
    output: z.object({ provinceFingerprint: z.string().nullable() }),
  }),
} as const;
