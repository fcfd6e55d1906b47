import { randomUUID } from 'node:crypto';
import {
  BATCH_FORMAT,
  CODELIST_VERSION,
  PROVINCE_CODE,
  SEAL_INFO,
  SEAL_SUITE,
  batchFileName,
  canonicalJson,
  categoriesAad,
  personalAad,
  type BatchBody,
  type BatchDay,
  type BatchRecord,
  type SealedText,
} from '#shared/uploads/batch';
import { hpkeSeal } from '../crypto/hpke';
import { fingerprint } from '../crypto/signing';
import { signBatch } from './verify';

export const APP_VERSION = '0.1.0';

export interface PackageItem extends Omit<BatchRecord, 'personal'> {
  /** Still open: sealed here. Null when there is nothing about a person (or it was erased). */
  personal: Record<string, unknown> | null;
  /** Coded person categories a count needs; travel sealed in the batch's one `categories` part. */
  categories: Record<string, unknown> | null;
}

export interface PackageInput {
  point: { id: string; communeName: string; communeCode: string | null; signPublic: string; signPrivatePem: string };
  /** The province's X25519 keys (raw): categories are opened when received, personal data only on request. */
  recipients: { categoriesKey: string; personalKey: string };
  seq: number;
  prev: string;
  createdAt: string;
  kind: BatchBody['kind'];
  days: BatchDay[];
  items: PackageItem[];
  keyChange: string | null;
  /** Test vectors only: a fixed batch id and fixed one-time HPKE keys. */
  fixed?: { batchId: string; seed: (label: string) => Buffer };
}

const seal = (key: string, info: string, aad: string, value: unknown, seed?: Buffer): SealedText => {
  const { enc, ct } = hpkeSeal(
    key,
    Buffer.from(info),
    Buffer.from(aad),
    Buffer.from(canonicalJson(value), 'utf8'),
    seed,
  );
  return { enc: enc.toString('base64'), ct: ct.toString('base64') };
};

const empty = (value: Record<string, unknown> | null) =>
  value === null || Object.values(value).every((v) => v === null || v === '' || (Array.isArray(v) && v.length === 0));

/**
 * Seal what is about a person (each record on its own, so the province can later drop exactly
 * one), count what the batch carries, and sign it. The sender's one-time keys never leave HPKE.
 */
export function packageBatch(input: PackageInput): { text: string; hash: string; fileName: string; batch: BatchBody } {
  const { point, recipients } = input;
  const batchId = input.fixed?.batchId ?? randomUUID();
  const items = [...input.items].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const records: BatchRecord[] = items.map(({ personal, categories: _categories, ...item }) => ({
    ...item,
    personal:
      item.state !== 'recorded' || empty(personal)
        ? null
        : seal(
            recipients.personalKey,
            SEAL_INFO.personal,
            personalAad(point.id, item.ref, item.version),
            personal,
            input.fixed?.seed(item.ref),
          ),
  }));
  const categories = Object.fromEntries(items.filter((i) => !empty(i.categories)).map((i) => [i.ref, i.categories]));
  const byEntity: Record<string, number> = {};
  for (const r of records) byEntity[r.entity] = (byEntity[r.entity] ?? 0) + 1;
  const batch: BatchBody = {
    format: BATCH_FORMAT,
    provinceCode: PROVINCE_CODE,
    codelistVersion: CODELIST_VERSION,
    point: {
      id: point.id,
      key: point.signPublic,
      fingerprint: fingerprint(point.signPublic),
      communeName: point.communeName,
      communeCode: point.communeCode,
      appVersion: APP_VERSION,
    },
    batchId,
    seq: input.seq,
    prev: input.prev,
    createdAt: input.createdAt,
    kind: input.kind,
    sealing: {
      suite: SEAL_SUITE,
      personalKey: fingerprint(recipients.personalKey),
      categoriesKey: fingerprint(recipients.categoriesKey),
    },
    days: input.days,
    counts: {
      records: records.length,
      late: records.filter((r) => r.late).length,
      erased: records.filter((r) => r.state === 'erased').length,
      deleted: records.filter((r) => r.state === 'deleted').length,
      byEntity,
    },
    records,
    categories: Object.keys(categories).length
      ? seal(
          recipients.categoriesKey,
          SEAL_INFO.categories,
          categoriesAad(point.id, input.seq),
          categories,
          input.fixed?.seed('categories'),
        )
      : null,
    keyChange: input.keyChange ? { key: input.keyChange, fingerprint: fingerprint(input.keyChange) } : null,
  };
  const { text, hash } = signBatch(batch, point.signPrivatePem);
  return { text, hash, fileName: batchFileName(point.id, point.communeCode, input.seq), batch };
}
