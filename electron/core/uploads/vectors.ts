/**
 * Test vectors for dhs-batch/2 (docs/dhs-batch-2.md, "Test vectors"): fixed keys, a small batch,
 * its signature and hash, one sealed record with its plaintext, a receipt. Everything is
 * deterministic (Ed25519 signatures are; HPKE is given fixed one-time keys), so the files in
 * docs/dhs-batch-2/ can be checked byte for byte by this project (vectors.test.ts) and by anyone
 * writing a verifier elsewhere. Regenerate with: npx tsx build/dhs-batch-vectors.ts
 */
import { createHash } from 'node:crypto';
import {
  RECEIPT_FORMAT,
  RECORD_ENTITIES,
  SEAL_INFO,
  canonicalJson,
  categoriesAad,
  personalAad,
} from '#shared/uploads/batch';
import { fingerprint, privateKeyFromSeed, rawPublicKey } from '../crypto/signing';
import { packageBatch, type PackageItem } from './package';
import { signReceipt } from './verify';

export const VECTOR_DIR = 'docs/dhs-batch-2';

/** A seed from a label: SHA-256("dhs-batch/2 test vector " + label). Published, so never a real key. */
export const seedOf = (label: string) => createHash('sha256').update(`dhs-batch/2 test vector ${label}`).digest();

function keyPair(curve: 'Ed25519' | 'X25519', label: string) {
  const key = privateKeyFromSeed(curve, seedOf(label));
  return {
    seed: seedOf(label).toString('hex'),
    public: rawPublicKey(key),
    pem: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

export function makeVectors() {
  const point = keyPair('Ed25519', 'point signing key');
  const receiving = keyPair('X25519', 'province receiving key');
  const seal = keyPair('X25519', 'province personal-data key');
  const sign = keyPair('Ed25519', 'province receipt key');
  const pointId = '6a1f0c2e-9b3d-4e5f-8a7b-1c2d3e4f5a6b';
  const day = '2026-11-02';
  const personal = {
    fullName: 'Nguyễn Thị Mẫu',
    phone: '0900000000',
    ageBand: '60_plus',
    gender: 'female',
    village: 'Thôn Mẫu',
  };
  const items: PackageItem[] = [
    {
      entity: 'logbook_entry',
      ref: 'logbook_entry:1',
      version: 1,
      supersedes: null,
      day,
      late: false,
      state: 'recorded',
      clear: {
        helpKinds: ['vneid'],
        procedure: 'birth',
        guideId: null,
        outcome: 'filed_online',
        channel: 'support_point',
        obstacles: ['otp_not_received'],
        minutes: 15,
        guideErrors: [],
        withTicket: true,
        amendedLate: false,
      },
      personal,
      categories: { priorityGroups: ['elderly'] },
    },
    {
      entity: 'ticket',
      ref: 'ticket:1',
      version: 1,
      supersedes: null,
      day,
      late: false,
      state: 'recorded',
      clear: {
        helpKind: 'vneid',
        procedure: 'birth',
        status: 'done',
        outcome: 'filed_online',
        priority: true,
        walkIn: false,
        waitMinutes: 4,
        serviceMinutes: 15,
      },
      personal: { language: 'vi' },
      categories: { priorityGroups: ['elderly'] },
    },
  ];
  const totals = Object.fromEntries(RECORD_ENTITIES.map((e) => [e, e === 'logbook_entry' || e === 'ticket' ? 1 : 0]));
  const { text, hash, batch } = packageBatch({
    point: {
      id: pointId,
      communeName: 'Xã Ia Grai',
      communeCode: null,
      signPublic: point.public,
      signPrivatePem: point.pem,
    },
    recipients: { categoriesKey: receiving.public, personalKey: seal.public },
    seq: 1,
    prev: '0'.repeat(64),
    createdAt: '2026-11-02T10:05:00.000Z',
    kind: 'closing',
    keyChange: null,
    days: [{ day, closed: { at: '2026-11-02T10:00:00.000Z', by: 'official' }, totals }],
    items,
    fixed: { batchId: '0b6d2c71-3f0e-4a8b-9c1d-2e3f4a5b6c7d', seed: (label) => seedOf(`one-time key for ${label}`) },
  });
  const receipt = signReceipt(
    {
      kind: RECEIPT_FORMAT,
      pointId,
      seq: 1,
      batchId: batch.batchId,
      batchHash: hash,
      status: 'accepted' as const,
      receivedAt: '2026-11-03T01:00:00.000Z',
      records: 2,
    },
    sign.pem,
  );
  const record = batch.records[0]!;
  const expected = {
    about:
      'dhs-batch/2 test vectors; see docs/dhs-batch-2.md. Keys are made from published seeds: never use them for real.',
    keys: {
      point: { curve: 'Ed25519', seed: point.seed, public: point.public, fingerprint: fingerprint(point.public) },
      provinceReceiving: {
        curve: 'X25519',
        seed: receiving.seed,
        public: receiving.public,
        fingerprint: fingerprint(receiving.public),
      },
      provincePersonalData: {
        curve: 'X25519',
        seed: seal.seed,
        public: seal.public,
        fingerprint: fingerprint(seal.public),
      },
      provinceReceipts: { curve: 'Ed25519', seed: sign.seed, public: sign.public },
      provinceKeyFile: {
        text: `DHS-PROVINCE-KEY/2\nprovince: 52\nencrypt: ${receiving.public}\nseal: ${seal.public}\nsign: ${sign.public}\n`,
        fingerprint: fingerprint(receiving.public, seal.public, sign.public),
      },
    },
    batch: {
      file: 'batch.json',
      signedBytesSha256: hash,
      signature: (JSON.parse(text) as { signature: string }).signature,
    },
    sealedRecord: {
      ref: record.ref,
      version: record.version,
      info: SEAL_INFO.personal,
      aad: personalAad(pointId, record.ref, record.version),
      ephemeralSeed: seedOf(`one-time key for ${record.ref}`).toString('hex'),
      plaintext: canonicalJson(personal),
      enc: record.personal!.enc,
      ct: record.personal!.ct,
    },
    categories: {
      info: SEAL_INFO.categories,
      aad: categoriesAad(pointId, 1),
      ephemeralSeed: seedOf('one-time key for categories').toString('hex'),
      plaintext: canonicalJson({
        'logbook_entry:1': { priorityGroups: ['elderly'] },
        'ticket:1': { priorityGroups: ['elderly'] },
      }),
      enc: batch.categories!.enc,
      ct: batch.categories!.ct,
    },
    receipt,
  };
  return { batchText: text, expectedText: `${JSON.stringify(expected, null, 2)}\n`, expected };
}
