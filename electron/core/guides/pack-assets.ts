import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathProblem } from '#shared/guides/pack-format';
import { packsDir } from './pack-store';

const TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  vtt: 'text/vtt; charset=utf-8',
  svg: 'image/svg+xml',
};

/**
 * `/packs/<version>/<guide id>/<file>` (an installed pack) or `/packs/bundled/<guide id>/<file>`
 * (the pack shipped with the app): a pack file, for both shells (HTTP and app://). Only the pack
 * path shape is accepted, so nothing outside the pack folders is reached.
 */
export function resolveGuideAsset(
  places: { dataDir: string; guidesDir: string },
  pathname: string,
): { file: string; type: string; size: number } | null {
  const match = /^\/packs\/(\d{1,9}|bundled)\/(.+)$/.exec(pathname);
  const inner = match?.[2] ?? '';
  const type = TYPES[inner.slice(inner.lastIndexOf('.') + 1)];
  if (!match || pathProblem(inner) || !type) return null;
  const file =
    match[1] === 'bundled' ? join(places.guidesDir, inner) : join(packsDir(places.dataDir), match[1]!, inner);
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? { file, type, size: stat.size } : null;
}
