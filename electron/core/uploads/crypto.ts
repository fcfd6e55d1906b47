import {
  createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman,
  generateKeyPairSync, hkdfSync, randomBytes, sign, verify, type KeyObject,
} from 'node:crypto';
import { canonicalJson, type Sealed } from '../../../shared/uploads/batch';

/**
 * Node's own crypto only: Ed25519 signatures, X25519 key agreement, HKDF-SHA256, AES-256-GCM.
 * Keys travel as raw 32-byte values in base64 (what the manifest and key files carry) and are
 * turned into KeyObjects through JWK, which Node accepts for both curves.
 */
const b64url = (b64: string) => Buffer.from(b64, 'base64').toString('base64url');

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Short, readable fingerprint a person can compare over the phone: 4 groups of 4 hex digits. */
export function fingerprint(...rawKeysB64: string[]): string {
  return sha256(rawKeysB64.join('|')).slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-');
}

function rawPublic(key: KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
}

/** The raw public key of a private key in PEM (to match a restored identity with its key). */
export function publicOfPrivatePem(privatePem: string): string {
  return rawPublic(createPublicKey(privatePem));
}

export interface KeyPairText {
  privatePem: string;
  publicRaw: string;
}

export function generateSigningKey(): KeyPairText {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicRaw: rawPublic(publicKey) };
}

export function generateEncryptionKey(): KeyPairText {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicRaw: rawPublic(publicKey) };
}

function publicKeyOf(curve: 'Ed25519' | 'X25519', raw: string): KeyObject {
  if (Buffer.from(raw, 'base64').length !== 32) throw new Error('bad key length');
  return createPublicKey({ key: { kty: 'OKP', crv: curve, x: b64url(raw) }, format: 'jwk' });
}

export function isValidRawKey(curve: 'Ed25519' | 'X25519', raw: string): boolean {
  try {
    publicKeyOf(curve, raw);
    return true;
  } catch {
    return false;
  }
}

export function signValue(value: unknown, privatePem: string): string {
  return sign(null, Buffer.from(canonicalJson(value)), createPrivateKey(privatePem)).toString('base64');
}

export function verifyValue(value: unknown, signatureB64: string, publicRaw: string): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(value)), publicKeyOf('Ed25519', publicRaw), Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

const HKDF_INFO = Buffer.from('dhs-batch/1 records');

function contentKey(shared: Buffer, batchId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(batchId), HKDF_INFO, 32));
}

/**
 * The sender's side: a one-time X25519 key per batch, agreed with the province's public key,
 * stretched by HKDF (salted with the batch id) into an AES-256 key. Only the ephemeral public
 * key goes into the file; the content key is dropped when the batch is written.
 */
export function sealingKeyFor(recipientRaw: string, batchId: string): { ephemeralKey: string; key: Buffer } {
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyOf('X25519', recipientRaw) });
  return { ephemeralKey: rawPublic(eph.publicKey), key: contentKey(shared, batchId) };
}

/** The province's side: the same AES key from its private key and the batch's ephemeral key. */
export function openingKeyFor(recipientPrivatePem: string, ephemeralRaw: string, batchId: string): Buffer {
  const shared = diffieHellman({ privateKey: createPrivateKey(recipientPrivatePem), publicKey: publicKeyOf('X25519', ephemeralRaw) });
  return contentKey(shared, batchId);
}

/** AES-256-GCM with a fresh IV; the AAD ties the ciphertext to its record so it cannot be moved. */
export function seal(key: Buffer, value: unknown, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Throws when the key is wrong or a byte was changed. */
export function unseal(key: Buffer, sealed: Sealed, aad: string): unknown {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64')).setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  return JSON.parse(text);
}
