import canonicalize from 'canonicalize';
import { z } from 'zod';
import { isRealDay } from '../time/vietnam';

/**
 * `dhs-batch/2`, the file a support point hands to the province by USB stick or over HTTP (the
 * same bytes either way). The whole format is written down in docs/dhs-batch-2.md; this module is
 * its TypeScript reading. In short: the file is the RFC 8785 (JCS) serialisation of
 * `{ "batch": …, "signature": … }`; the signature is Ed25519 over JCS(batch); a batch's hash,
 * which the next batch names in `prev`, is SHA-256 of the same bytes. The signature and the hash
 * are checked over the bytes as received, so everything inside `batch` is signed; these schemas
 * then read the members this version defines and ignore the rest (a later minor revision may add
 * optional ones). A member beside `batch` and `signature` is not signed and is refused.
 */
export const BATCH_FORMAT = 'dhs-batch/2';
export const RECEIPT_FORMAT = 'dhs-receipt/2';
export const PROVINCE_CODE = '52';
/** Decision 19/2025/QĐ-TTg: the commune codes `point.communeCode` follows. */
export const CODELIST_VERSION = 'QD19-2025';
export const SEAL_SUITE = 'DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM';
export const RECORD_ENTITIES = ['logbook_entry', 'ticket', 'attendance', 'activity', 'roster_day'] as const;
export type RecordEntity = (typeof RECORD_ENTITIES)[number];
/** `recorded`: counted, personal part sealed · `erased`: counted, personal part gone · `deleted`: no longer exists, not counted. */
export const RECORD_STATES = ['recorded', 'erased', 'deleted'] as const;
export type RecordState = (typeof RECORD_STATES)[number];
export const ZERO_HASH = '0'.repeat(64);
/** A month of a busy point is about 1 MiB; anything past this is refused before it is parsed. */
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;

/** HPKE `info` of the two kinds of sealed data, and their AAD (binding each to its place). */
export const SEAL_INFO = { personal: 'dhs-batch/2 personal', categories: 'dhs-batch/2 categories' } as const;
export const personalAad = (pointId: string, ref: string, version: number) =>
  `dhs-batch/2|${pointId}|${ref}|${version}`;
export const categoriesAad = (pointId: string, seq: number) => `dhs-batch/2|${pointId}|${seq}`;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ENTITY = /^[a-z_]{1,40}$/;
const REF = /^[a-z_]{1,40}:[0-9A-Za-z_-]{1,40}$/;
const day = z.string().refine(isRealDay, 'not a calendar day');
/** Standard base64 with padding (RFC 4648 §4). */
const b64 = z.string().regex(B64);
const rawKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const fingerprintText = z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const count = z.number().int().nonnegative();

/** An HPKE single-shot message: the encapsulated key and the ciphertext with its tag. */
export const sealed = z.object({ enc: b64, ct: b64 });
export type SealedText = z.output<typeof sealed>;

export const batchRecord = z.object({
  entity: z.string().regex(ENTITY),
  /** Stable id of the thing across versions, `<entity>:<local id>`, unique per point. */
  ref: z.string().regex(REF),
  version: z.number().int().positive(),
  /** The version this one replaces (ODK's deprecatedID); null for the first one sent. */
  supersedes: z.number().int().positive().nullable(),
  day,
  /** The record's day had been closed by an earlier batch when this was cut. */
  late: z.boolean(),
  state: z.enum(RECORD_STATES),
  /** Coded facts about the service, no person in them (the counts are made from these). */
  clear: z.record(z.string(), z.unknown()),
  /** Everything about the person, HPKE-sealed to the province's personal-data key; null when there is none. */
  personal: sealed.nullable(),
});
export type BatchRecord = z.output<typeof batchRecord>;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isCount = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;

/**
 * A batch's records as `batchRecord` reads them, without zod, for the shape every ordinary batch
 * has; null as soon as anything is unusual (the full schema then decides and words the error).
 * A year of batches is a quarter of a million records: the schema's generic walk was a tenth of
 * reading a file. It never accepts what the schema refuses, and gives what it gives (the same
 * members in the same order, unknown members dropped); a test holds it to the schema.
 */
export function plainRecords(value: unknown): BatchRecord[] | null {
  if (!Array.isArray(value)) return null;
  const out: BatchRecord[] = [];
  for (const r of value) {
    if (!isPlain(r)) return null;
    const { entity, ref, version, supersedes, day, late, state, clear, personal } = r;
    if (typeof entity !== 'string' || !ENTITY.test(entity) || typeof ref !== 'string' || !REF.test(ref)) return null;
    if (!isCount(version, 1) || !(supersedes === null || isCount(supersedes, 1))) return null;
    if (typeof day !== 'string' || !isRealDay(day) || typeof late !== 'boolean') return null;
    // The schema drops a "__proto__" member of `clear`; a copy would keep it: left to the schema.
    if (!(RECORD_STATES as readonly unknown[]).includes(state) || !isPlain(clear) || Object.hasOwn(clear, '__proto__'))
      return null;
    let sealedPart: SealedText | null = null;
    if (personal !== null) {
      if (!isPlain(personal)) return null;
      const { enc, ct } = personal;
      if (typeof enc !== 'string' || !B64.test(enc) || typeof ct !== 'string' || !B64.test(ct)) return null;
      sealedPart = { enc, ct };
    }
    out.push({
      entity,
      ref,
      version,
      supersedes,
      day,
      late,
      state: state as RecordState,
      clear: { ...clear },
      personal: sealedPart,
    });
  }
  return out;
}

const totals = z
  .record(z.string(), count)
  .refine((t) => RECORD_ENTITIES.every((e) => e in t), { message: 'totals must name every kind of record' });

export const batchDay = z.object({
  day,
  /** Set when this batch closes the day: when, and whether the official did or the app did for lack of it. */
  closed: z.object({ at: isoTime, by: z.enum(['official', 'automatic']) }).nullable(),
  /** After this batch: how many records of each kind the point has sent for the day and not deleted. */
  totals,
});
export type BatchDay = z.output<typeof batchDay>;

export const batchBody = z.object({
  format: z.literal(BATCH_FORMAT),
  provinceCode: z.literal(PROVINCE_CODE),
  codelistVersion: z.string().min(1).max(40),
  point: z.object({
    id: z.uuid(),
    /** The Ed25519 key this batch is signed with (raw, base64) and its fingerprint. */
    key: rawKey,
    fingerprint: fingerprintText,
    communeName: z.string().min(1).max(80),
    communeCode: z
      .string()
      .regex(/^\d{5}$/)
      .nullable(),
    appVersion: z.string().min(1).max(40),
  }),
  batchId: z.uuid(),
  seq: z.number().int().positive(),
  /** Hash of the previous batch from this point; 64 zeros for the first. */
  prev: sha256Hex,
  createdAt: isoTime,
  kind: z.enum(['closing', 'on_demand']),
  sealing: z.object({ suite: z.literal(SEAL_SUITE), personalKey: fingerprintText, categoriesKey: fingerprintText }),
  days: z.array(batchDay),
  counts: z.object({
    records: count,
    late: count,
    erased: count,
    deleted: count,
    byEntity: z.record(z.string(), count),
  }),
  records: z.array(batchRecord),
  /** Coded person categories a count needs (priority groups), by ref, sealed to the receiving key; null when none. */
  categories: sealed.nullable(),
  /** A new signing key for this point from the next batch on, announced under the current one. */
  keyChange: z.object({ key: rawKey, fingerprint: fingerprintText }).nullable(),
});
export type BatchBody = z.output<typeof batchBody>;

/** The body with its records left aside, read by `plainRecords` instead (derived: one definition). */
const batchHead = batchBody.extend({ records: z.array(z.unknown()) });

/** `batchBody.safeParse`, quicker for an ordinary batch; anything else, and every error, is the schema's. */
export function parseBatchBody(value: unknown): ReturnType<typeof batchBody.safeParse> {
  const records = isPlain(value) ? plainRecords(value.records) : null;
  const head = records ? batchHead.safeParse(value) : null;
  if (!records || !head?.success) return batchBody.safeParse(value);
  return { success: true, data: { ...head.data, records } };
}

/** The file: exactly these two members; anything beside them is not signed and is refused. */
export const batchFile = z.strictObject({ batch: z.unknown(), signature: b64 });

export const receiptBody = z.object({
  kind: z.literal(RECEIPT_FORMAT),
  pointId: z.string(),
  seq: z.number().int().positive(),
  batchId: z.string(),
  batchHash: sha256Hex,
  status: z.enum(['accepted', 'duplicate']),
  receivedAt: isoTime,
  records: count,
});
export type ReceiptBody = z.output<typeof receiptBody>;
export const receipt = z.strictObject({ body: z.unknown(), signature: b64 });
export type Receipt = { body: ReceiptBody; signature: string };

/** RFC 8785 JSON Canonicalization Scheme: the bytes that are hashed and signed. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('not JSON');
  return text;
}

/** Every object's keys, in the order the engine keeps them, strictly ascending by UTF-16 code units. */
function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysSorted(item)) return false;
    return true;
  }
  let previous: string | null = null;
  for (const key of Object.keys(value)) {
    if (previous !== null && !(previous < key)) return false;
    previous = key;
    if (!keysSorted((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * Whether `text` is exactly `canonicalJson(value)`, `value` being `JSON.parse(text)`: the check
 * every received file passes, made quick for the usual case. JSON.stringify writes strings and
 * numbers as RFC 8785 does and keys in the object's own order; so when that order is already
 * sorted everywhere and there is no `\u` escape (the only way a lone surrogate, which JCS
 * refuses, gets through JSON.parse), equal output means canonical text. Anything else (an
 * escape, integer-like keys that the engine reorders, a text that is not canonical) is decided by
 * the full canonicalisation; a value it cannot represent is not canonical.
 */
export function isCanonicalText(text: string, value: unknown): boolean {
  if (!text.includes('\\u') && keysSorted(value) && JSON.stringify(value) === text) return true;
  try {
    return canonicalJson(value) === text;
  } catch {
    return false;
  }
}

/** `GL52[_<commune code>]_<point8>_<seq6>.batch.json`: no personal data in the name; sorts by sequence. */
export function batchFileName(pointId: string, communeCode: string | null, seq: number): string {
  return `GL${PROVINCE_CODE}${communeCode ? `_${communeCode}` : ''}_${pointId.slice(0, 8)}_${String(seq).padStart(6, '0')}.batch.json`;
}
