import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * The project's one Ed25519 module: batches from the points, receipts from the province and
 * guide packs are all signed and checked here. Node's own crypto (OpenSSL) does the work; keys
 * travel either as raw 32-byte values in base64 (batch and key files, easy to read aloud and to
 * implement elsewhere) or as PEM (guide-pack key files, PKCS#8/SPKI).
 */
export type Curve = 'Ed25519' | 'X25519';

/** DER prefixes of PKCS#8 private keys (RFC 8410): prefix + the 32-byte seed is a full key. */
const PKCS8_PREFIX: Record<Curve, string> = {
  Ed25519: '302e020100300506032b657004220420',
  X25519: '302e020100300506032b656e04220420',
};

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Short fingerprint a person can compare over the phone: the first 16 hex digits of SHA-256
 * over the base64 keys joined by "|", upper case, in groups of four (e.g. `3F2A-91C0-…`).
 */
export function fingerprint(...rawKeysB64: string[]): string {
  return sha256Hex(rawKeysB64.join('|')).slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-');
}

/** The raw 32-byte public key of a key object, base64. */
export function rawPublicKey(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
}

/** The raw public key (base64) of a private key in PEM: to match a key file with the public key a database names. */
export function publicOfPrivatePem(privatePem: string): string {
  return rawPublicKey(createPrivateKey(privatePem));
}

/** A public key from its raw base64 form; throws unless it is 32 bytes on the curve. */
export function publicKeyFromRaw(curve: Curve, rawB64: string): KeyObject {
  const raw = Buffer.from(rawB64, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== rawB64) throw new Error('bad key encoding');
  return createPublicKey({ key: { kty: 'OKP', crv: curve, x: raw.toString('base64url') }, format: 'jwk' });
}

/** A private key from its raw 32-byte seed (test vectors, the bench's fixed points). */
export function privateKeyFromSeed(curve: Curve, seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('bad seed length');
  return createPrivateKey({
    key: Buffer.concat([Buffer.from(PKCS8_PREFIX[curve], 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

export function isValidRawKey(curve: Curve, rawB64: string): boolean {
  try {
    publicKeyFromRaw(curve, rawB64);
    return true;
  } catch {
    return false;
  }
}

export interface KeyPairText {
  /** PKCS#8 PEM: what the point's database and the province's secret file keep. */
  privatePem: string;
  /** The public key, raw, base64. */
  publicRaw: string;
  /** The public key as SPKI PEM (guide-pack key files). */
  publicPem: string;
}

export function generateKeyPair(curve: Curve): KeyPairText {
  const { privateKey, publicKey } =
    curve === 'Ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicRaw: rawPublicKey(publicKey),
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

export const generateSigningKey = () => generateKeyPair('Ed25519');

/** Ed25519 over exactly these bytes; the signature in base64. */
export function signBytes(privateKey: string | KeyObject, bytes: Buffer): string {
  return sign(null, bytes, typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey).toString(
    'base64',
  );
}

/** Keys met again and again (the province checks 135 points' batches): parsed once, a few hundred kept. */
const verifyKeys = new Map<string, KeyObject>();
function verifyKey(raw: string): KeyObject {
  let key = verifyKeys.get(raw);
  if (!key) {
    key = publicKeyFromRaw('Ed25519', raw);
    if (verifyKeys.size >= 512) verifyKeys.delete(verifyKeys.keys().next().value!);
    verifyKeys.set(raw, key);
  }
  return key;
}

/** False for a wrong signature, a malformed one or a key that is not Ed25519: never throws. */
export function verifyBytes(publicKey: KeyObject | string, bytes: Buffer, signatureB64: string): boolean {
  try {
    const key = typeof publicKey === 'string' ? verifyKey(publicKey) : publicKey;
    if (key.asymmetricKeyType !== 'ed25519') return false;
    const signature = Buffer.from(signatureB64, 'base64');
    if (signature.length !== 64 || signature.toString('base64') !== signatureB64) return false;
    return verify(null, bytes, key, signature);
  } catch {
    return false;
  }
}

/** An Ed25519 public key from PEM (SPKI); null when it is anything else. */
export function parsePublicKeyPem(pem: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: pem.trim(), format: 'pem' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** A guide-pack key's id: the first 16 hex digits of SHA-256 of its SPKI DER. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);
}
