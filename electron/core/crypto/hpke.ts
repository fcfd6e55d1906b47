import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { privateKeyFromSeed, publicKeyFromRaw, rawPublicKey } from './signing';

/**
 * HPKE (RFC 9180), Base mode, single-shot, with the suite
 * DHKEM(X25519, HKDF-SHA256) · HKDF-SHA256 · AES-128-GCM (ids 0x0020, 0x0001, 0x0001).
 *
 * Written over Node's synchronous crypto rather than taken from `@hpke/core`: that library goes
 * through the asynchronous WebCrypto API and measured ~1.8 ms per seal on this hardware against
 * ~0.1 ms here, which matters inside the point's one write transaction (a month's batch seals
 * ~900 records) and for the province's yearly bench. Only what the batch format uses is here
 * (no PSK, Auth or export modes). Tests hold it to the RFC's Appendix A.1.1 vectors and to
 * `@hpke/core` in both directions.
 */
export const HPKE_SUITE = { kem: 0x0020, kdf: 0x0001, aead: 0x0001 } as const;
export const HPKE_SUITE_NAME = 'DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM';

const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const KEM_SUITE = Buffer.concat([Buffer.from('KEM'), u16(HPKE_SUITE.kem)]);
const HPKE_SUITE_ID = Buffer.concat([
  Buffer.from('HPKE'),
  u16(HPKE_SUITE.kem),
  u16(HPKE_SUITE.kdf),
  u16(HPKE_SUITE.aead),
]);
const VERSION = Buffer.from('HPKE-v1');
const EMPTY = Buffer.alloc(0);
const NK = 16;
const NN = 12;
const NT = 16;

const extract = (salt: Buffer, ikm: Buffer) => createHmac('sha256', salt).update(ikm).digest();

/** HKDF-Expand for L ≤ 32 (one block is all this suite ever needs). */
function expand(prk: Buffer, info: Buffer, length: number): Buffer {
  return createHmac('sha256', prk)
    .update(info)
    .update(Buffer.from([1]))
    .digest()
    .subarray(0, length);
}

const labeledExtract = (suite: Buffer, salt: Buffer, label: string, ikm: Buffer) =>
  extract(salt, Buffer.concat([VERSION, suite, Buffer.from(label), ikm]));
const labeledExpand = (suite: Buffer, prk: Buffer, label: string, info: Buffer, length: number) =>
  expand(prk, Buffer.concat([u16(length), VERSION, suite, Buffer.from(label), info]), length);

function dh(privateKey: KeyObject, publicKey: KeyObject): Buffer {
  const secret = diffieHellman({ privateKey, publicKey });
  // RFC 9180 §7.1.4: an all-zero X25519 output means a small-order public key; abort.
  if (secret.every((b) => b === 0)) throw new Error('hpke: invalid public key');
  return secret;
}

function sharedSecret(dhValue: Buffer, enc: Buffer, recipientRaw: Buffer): Buffer {
  const prk = labeledExtract(KEM_SUITE, EMPTY, 'eae_prk', dhValue);
  return labeledExpand(KEM_SUITE, prk, 'shared_secret', Buffer.concat([enc, recipientRaw]), 32);
}

/** The key schedule's context depends only on `info` (mode_base, no PSK): made once per info. */
const contexts = new Map<string, Buffer>();
function scheduleContext(info: Buffer): Buffer {
  const id = info.toString('base64');
  let context = contexts.get(id);
  if (!context) {
    context = Buffer.concat([
      Buffer.from([0]), // mode_base
      labeledExtract(HPKE_SUITE_ID, EMPTY, 'psk_id_hash', EMPTY),
      labeledExtract(HPKE_SUITE_ID, EMPTY, 'info_hash', info),
    ]);
    if (contexts.size < 16) contexts.set(id, context);
  }
  return context;
}

function keySchedule(shared: Buffer, info: Buffer): { key: Buffer; nonce: Buffer } {
  const context = scheduleContext(info);
  const secret = labeledExtract(HPKE_SUITE_ID, shared, 'secret', EMPTY);
  return {
    key: labeledExpand(HPKE_SUITE_ID, secret, 'key', context, NK),
    nonce: labeledExpand(HPKE_SUITE_ID, secret, 'base_nonce', context, NN),
  };
}

export interface Sealed {
  /** The encapsulated key (the sender's one-time X25519 public key), 32 bytes. */
  enc: Buffer;
  /** AES-128-GCM ciphertext followed by its 16-byte tag. */
  ct: Buffer;
}

/**
 * SealBase(pkR, info, aad, pt). `ephemeralSeed` fixes the sender's one-time key: for test
 * vectors only; everything else lets a fresh random key be made for each message.
 */
/** A sender seals many records to the same few province keys: their key objects are made once. */
const recipients = new Map<string, KeyObject>();
function recipientKey(raw: string): KeyObject {
  let key = recipients.get(raw);
  if (!key) {
    key = publicKeyFromRaw('X25519', raw);
    if (recipients.size < 16) recipients.set(raw, key);
  }
  return key;
}

export function hpkeSeal(
  recipientPublicRaw: string,
  info: Buffer,
  aad: Buffer,
  plaintext: Buffer,
  ephemeralSeed?: Buffer,
): Sealed {
  const recipient = recipientKey(recipientPublicRaw);
  const ephemeral = ephemeralSeed
    ? privateKeyFromSeed('X25519', ephemeralSeed)
    : generateKeyPairSync('x25519').privateKey;
  const enc = Buffer.from(rawPublicKey(ephemeral), 'base64');
  const { key, nonce } = keySchedule(
    sharedSecret(dh(ephemeral, recipient), enc, Buffer.from(recipientPublicRaw, 'base64')),
    info,
  );
  const cipher = createCipheriv('aes-128-gcm', key, nonce).setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  key.fill(0);
  return { enc, ct };
}

/** A receiving key opens every file of a run: its public half (in the KEM context) is worked out once. */
const publicHalves = new WeakMap<KeyObject, Buffer>();
function publicHalf(privateKey: KeyObject): Buffer {
  let raw = publicHalves.get(privateKey);
  if (!raw) {
    raw = Buffer.from(rawPublicKey(privateKey), 'base64');
    publicHalves.set(privateKey, raw);
  }
  return raw;
}

/** OpenBase(enc, skR, info, aad, ct); throws when the key, the AAD or any byte is wrong. */
export function hpkeOpen(recipientPrivate: string | KeyObject, sealed: Sealed, info: Buffer, aad: Buffer): Buffer {
  const privateKey = typeof recipientPrivate === 'string' ? createPrivateKey(recipientPrivate) : recipientPrivate;
  if (sealed.enc.length !== 32 || sealed.ct.length < NT) throw new Error('hpke: malformed message');
  const recipientRaw = publicHalf(privateKey);
  const shared = sharedSecret(
    dh(privateKey, publicKeyFromRaw('X25519', sealed.enc.toString('base64'))),
    sealed.enc,
    recipientRaw,
  );
  const { key, nonce } = keySchedule(shared, info);
  const decipher = createDecipheriv('aes-128-gcm', key, nonce).setAAD(aad);
  decipher.setAuthTag(sealed.ct.subarray(sealed.ct.length - NT));
  try {
    return Buffer.concat([decipher.update(sealed.ct.subarray(0, sealed.ct.length - NT)), decipher.final()]);
  } finally {
    key.fill(0);
  }
}
