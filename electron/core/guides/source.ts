import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packHeader, type PackManifest } from '../../../shared/guides/pack-schema';
import { PACK_LIMITS } from '../../../shared/guides/pack-format';
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
  const header = packHeader.safeParse(JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')));
  if (!header.success) throw new PackRefused('bad_manifest', `pack.json: ${header.error.issues[0]?.message ?? ''}`);
  const files = new Map<string, Buffer>();
  const guides: PackManifest['guides'] = [];
  for (const id of readdirSync(dir).sort()) {
    const folder = join(dir, id);
    if (!statSync(folder).isDirectory() || !statSync(join(folder, 'guide.json'), { throwIfNoEntry: false })) continue;
    guides.push({ id, path: `${id}/guide.json` });
    for (const name of readdirSync(folder).sort()) {
      const type = name.slice(name.lastIndexOf('.') + 1);
      if (PACK_LIMITS.perType[type] !== undefined) files.set(`${id}/${name}`, readFileSync(join(folder, name)));
    }
  }
  const manifest: PackManifest = {
    ...header.data,
    guides,
    files: [...files].map(([path, data]) => ({ path, sha256: sha256Hex(data), bytes: data.length })),
  };
  return { manifest, manifestBytes: Buffer.from(JSON.stringify(manifest, null, 1)), files };
}
