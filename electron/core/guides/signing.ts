import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys for guide packs. The province keeps the private key; each commune trusts the
 * public key (PEM). A key is named by its id: the first 16 hex digits of SHA-256 of the key.
 */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** Parse a PEM public key; null when it is not an Ed25519 public key. */
export function parsePublicKey(pem: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: pem.trim(), format: 'pem' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

export function generateSigningKeys(): { privatePem: string; publicPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

export function signBytes(privatePem: string, bytes: Buffer): { keyId: string; value: string } {
  const privateKey = createPrivateKey(privatePem);
  return { keyId: keyIdOf(createPublicKey(privateKey)), value: sign(null, bytes, privateKey).toString('base64') };
}

export function verifyBytes(publicKey: KeyObject, bytes: Buffer, signatureBase64: string): boolean {
  try {
    return verify(null, bytes, publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
