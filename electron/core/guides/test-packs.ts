import type { PackHeader } from '#shared/guides/pack-schema';
import { sha256Hex } from '../crypto/signing';
import { readPackSource, type PackSource } from './source';

/** For tests: the shipped content as a pack source, with a new version and optional changes. */
export function testSource(
  header: Partial<PackHeader> = {},
  change: (files: Map<string, Buffer>) => void = () => undefined,
): PackSource {
  const base = readPackSource('content/guides');
  const files = new Map(base.files);
  change(files);
  const manifest = {
    ...base.manifest,
    packVersion: base.manifest.packVersion + 1,
    ...header,
    guides: base.manifest.guides.filter((g) => files.has(g.path)),
    files: [...files].map(([path, data]) => ({ path, sha256: sha256Hex(data), bytes: data.length })),
  };
  return { manifest, manifestBytes: Buffer.from(JSON.stringify(manifest)), files };
}
