import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathProblem } from '../../../shared/guides/pack-format';
import { packsDir } from './pack-store';

const TYPES: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm', svg: 'image/svg+xml' };

/**
 * `/packs/<version>/<guide id>/<file>`: a file of an installed pack, for both shells (HTTP and
 * app://). Only the pack path shape is accepted, so nothing outside the pack folders is reached.
 */
export function resolveGuideAsset(dataDir: string, pathname: string): { file: string; type: string; size: number } | null {
  const match = /^\/packs\/(\d{1,9})\/(.+)$/.exec(pathname);
  const inner = match?.[2] ?? '';
  const type = TYPES[inner.slice(inner.lastIndexOf('.') + 1)];
  if (!match || pathProblem(inner) || !type) return null;
  const file = join(packsDir(dataDir), match[1]!, inner);
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? { file, type, size: stat.size } : null;
}
