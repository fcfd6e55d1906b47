import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readBounded } from '#core/security/bounded-read';
import { z } from 'zod';
import { PROVINCE_CODE } from '#shared/uploads/batch';
import { formatProvinceKey, provinceKeyParts, type ProvincePublicKey } from '#shared/uploads/provinceKey';
import { fingerprint, generateKeyPair, rawPublicKey } from '#core/crypto/signing';

/**
 * The province's keys, in two files kept in two places:
 * - `province-secret.json`, the receiving secret, on the machine that ingests: the receiving
 *   X25519 key (opens the coded categories a count needs) and the Ed25519 key that signs
 *   receipts. With it alone no personal data can be read (from DHS-PROVINCE-KEY/2 on).
 * - `province-seal.pem`, the personal-data key: an X25519 private key in encrypted PKCS#8
 *   (PBES2, AES-256-CBC), opened with its passphrase only to answer a request (issue 17).
 */
const secretSchema = z.object({
  kind: z.literal('dhs-province-secret/1'),
  encryptPrivatePem: z.string(),
  encryptPublic: z.string(),
  signPrivatePem: z.string(),
  signPublic: z.string(),
  /** The personal-data key's public half; absent for a province that has not made one yet. */
  sealPublic: z.string().nullable().default(null),
});
export type ProvinceSecret = z.output<typeof secretSchema>;

export const publicKeyOf = (s: ProvinceSecret): ProvincePublicKey => ({
  province: PROVINCE_CODE,
  encrypt: s.encryptPublic,
  seal: s.sealPublic,
  sign: s.signPublic,
});
export const secretFingerprint = (s: ProvinceSecret) => fingerprint(...provinceKeyParts(publicKeyOf(s)));

export interface ProvinceKeyFiles {
  secret: ProvinceSecret;
  /** `province-seal.pem`, null when not asked for (a province keeping the /1 arrangement). */
  sealPem: string | null;
  publicText: string;
  fingerprint: string;
}

function sealKey(passphrase: string): { pem: string; publicRaw: string } {
  if (passphrase.length < 12) throw new Error('the passphrase must have at least 12 characters');
  const pair = generateKeyPair('X25519');
  const pem = createPrivateKey(pair.privatePem)
    .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase })
    .toString();
  return { pem, publicRaw: pair.publicRaw };
}

function files(secret: ProvinceSecret, sealPem: string | null): ProvinceKeyFiles {
  return {
    secret,
    sealPem,
    publicText: formatProvinceKey(publicKeyOf(secret)),
    fingerprint: secretFingerprint(secret),
  };
}

/** A new province: the receiving secret and, given a passphrase, the personal-data key. */
export function generateProvinceKeys(passphrase: string | null = null): ProvinceKeyFiles {
  const enc = generateKeyPair('X25519');
  const sig = generateKeyPair('Ed25519');
  const seal = passphrase === null ? null : sealKey(passphrase);
  const secret: ProvinceSecret = {
    kind: 'dhs-province-secret/1',
    encryptPrivatePem: enc.privatePem,
    encryptPublic: enc.publicRaw,
    signPrivatePem: sig.privatePem,
    signPublic: sig.publicRaw,
    sealPublic: seal?.publicRaw ?? null,
  };
  return files(secret, seal?.pem ?? null);
}

/** A province on the /1 arrangement gets its personal-data key; the receiving and receipt keys stay. */
export function addSealKey(secret: ProvinceSecret, passphrase: string): ProvinceKeyFiles {
  if (secret.sealPublic) throw new Error('this province already has a personal-data key');
  const seal = sealKey(passphrase);
  return files({ ...secret, sealPublic: seal.publicRaw }, seal.pem);
}

export function readProvinceSecret(path: string): ProvinceSecret {
  // A key file is a few hundred bytes: anything large is not one (and is not read).
  const read = readBounded(path, 64 * 1024);
  if (!read.ok) throw new Error(`${path}: ${read.reason}; not a province key file`);
  return secretSchema.parse(JSON.parse(read.bytes.toString('utf8')));
}

/** The personal-data key from its file; a wrong passphrase throws. */
export function readSealKey(pem: string, passphrase: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch {
    throw new Error('cannot open the personal-data key: wrong passphrase or not a key file');
  }
}

/** What ingest needs, ready for use: the receiving key, the receipt key, and the fingerprints it accepts. */
export interface ReceivingKeys {
  encryptPrivate: KeyObject;
  signPrivatePem: string;
  /** The receipt key parsed once (parsing the PEM cost more than the signature, per receipt). */
  signPrivate: KeyObject;
  /** Single-key fingerprints: categories must be sealed to `encrypt`; personal data to `seal` or (a /1 key file) `encrypt`. */
  encrypt: string;
  seal: string | null;
}

export function receivingKeys(secret: ProvinceSecret): ReceivingKeys {
  const encryptPrivate = createPrivateKey(secret.encryptPrivatePem);
  if (rawPublicKey(encryptPrivate) !== secret.encryptPublic)
    throw new Error('province-secret.json: the receiving key does not match its public half');
  return {
    encryptPrivate,
    signPrivatePem: secret.signPrivatePem,
    signPrivate: createPrivateKey(secret.signPrivatePem),
    encrypt: fingerprint(secret.encryptPublic),
    seal: secret.sealPublic ? fingerprint(secret.sealPublic) : null,
  };
}
