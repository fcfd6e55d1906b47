import { createPrivateKey } from 'node:crypto';
import { PACK_FILE_FORMAT } from '#shared/guides/pack-format';
import { generateSigningKey, keyIdOf, parsePublicKeyPem, signBytes } from '../crypto/signing';
import type { PackSource } from './source';

/** A pack-signing key pair (the province's content team keeps the private one), named by its key id. */
export function generatePackKeys(): { privatePem: string; publicPem: string; keyId: string } {
  const { privatePem, publicPem } = generateSigningKey();
  return { privatePem, publicPem, keyId: keyIdOf(parsePublicKeyPem(publicPem)!) };
}

/** Write a signed pack file from a pack's contents (the province's tool; tests make tampered ones). */
export function buildPackFile(source: PackSource, privatePem: string): Buffer {
  return buildSignedArchive(PACK_FILE_FORMAT, source.manifestBytes, source.files, privatePem);
}

/** Any signed pack (guides, community translations): the signature covers the manifest's exact bytes. */
export function buildSignedArchive(
  format: string,
  manifestBytes: Buffer,
  files: ReadonlyMap<string, Buffer>,
  privatePem: string,
): Buffer {
  const privateKey = createPrivateKey(privatePem);
  const archive = {
    format,
    manifest: manifestBytes.toString('base64'),
    signature: { algorithm: 'ed25519', keyId: keyIdOf(privateKey), value: signBytes(privateKey, manifestBytes) },
    files: Object.fromEntries([...files].map(([path, data]) => [path, data.toString('base64')])),
  };
  return Buffer.from(JSON.stringify(archive));
}
