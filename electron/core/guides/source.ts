import { readdirSync, statSync } from 'node:fs';
import { readBounded } from '../security/bounded-read';
import { join } from 'node:path';
import { packHeader, type PackManifest } from '#shared/guides/pack-schema';
import { PACK_LIMITS } from '#shared/guides/pack-format';
import { PackRefused } from './pack-verify';
import { sha256Hex } from '../crypto/signing';

export interface PackSource {
  manifest: PackManifest;
  manifestBytes: Buffer;
  files: Map<string, Buffer>;
}

/**
 * Read a pack's source folder (content/guides: pack.json + one folder per guide) and compute the
 * manifest: the list of guides and every file's size and SHA-256. Used by the pack tool and tests.
 */
export function readPackSource(dir: string): PackSource {
  const headerFile = readBounded(join(dir, 'pack.json'), PACK_LIMITS.manifestBytes);
  if (!headerFile.ok) throw new PackRefused('bad_manifest', `pack.json: ${headerFile.reason}`);
  const header = packHeader.safeParse(JSON.parse(headerFile.bytes.toString('utf8')));
  if (!header.success) throw new PackRefused('bad_manifest', `pack.json: ${header.error.issues[0]?.message ?? ''}`);
  const files = new Map<string, Buffer>();
  const guides: PackManifest['guides'] = [];
  for (const id of readdirSync(dir).sort()) {
    const folder = join(dir, id);
    if (!statSync(folder).isDirectory() || !statSync(join(folder, 'guide.json'), { throwIfNoEntry: false })) continue;
    guides.push({ id, path: `${id}/guide.json` });
    for (const name of readdirSync(folder).sort()) {
      const type = name.slice(name.lastIndexOf('.') + 1);
      const limit = PACK_LIMITS.perType[type];
      if (limit === undefined) continue;
      // Sized before it is read: an oversized file is refused by name, not loaded.
      const read = readBounded(join(folder, name), limit);
      if (!read.ok)
        throw new PackRefused(read.reason === 'too_large' ? 'file_too_large' : 'files_mismatch', `${id}/${name}`);
      files.set(`${id}/${name}`, read.bytes);
    }
  }
  const manifest: PackManifest = {
    ...header.data,
    guides,
    files: [...files].map(([path, data]) => ({ path, sha256: sha256Hex(data), bytes: data.length })),
  };
  return { manifest, manifestBytes: Buffer.from(JSON.stringify(manifest, null, 1)), files };
}
