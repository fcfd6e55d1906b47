import { PACK_FILE_FORMAT, type PackArchive } from '../../../shared/guides/pack-format';
import { signBytes } from './signing';
import type { PackSource } from './source';

/** Write a signed pack file from a pack's contents (the province's tool; tests make tampered ones). */
export function buildPackFile(source: PackSource, privatePem: string): Buffer {
  const archive: PackArchive = {
    format: PACK_FILE_FORMAT,
    manifest: source.manifestBytes.toString('base64'),
    signature: { algorithm: 'ed25519', ...signBytes(privatePem, source.manifestBytes) },
    files: Object.fromEntries([...source.files].map(([path, data]) => [path, data.toString('base64')])),
  };
  return Buffer.from(JSON.stringify(archive));
}
