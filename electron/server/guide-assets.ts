import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathProblem } from '../../shared/guides/pack-format';
import { packsDir } from '../core/guides/pack-store';

const TYPES: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm', svg: 'image/svg+xml' };

/**
 * GET /packs/<version>/<guide id>/<file>: a file of an installed pack (videos play from here, with
 * byte ranges so they can be skipped through). Only the pack path shape is accepted, so nothing
 * outside the pack folders can be reached.
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

export function serveGuideAsset(req: IncomingMessage, res: ServerResponse, dataDir: string, pathname: string): void {
  const asset = resolveGuideAsset(dataDir, pathname);
  if (!asset) return void res.writeHead(404).end();
  const { file, type } = asset;
  const stat = { size: asset.size };
  const headers = { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=86400', 'accept-ranges': 'bytes', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" };
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, stat.size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), stat.size - 1) : stat.size - 1;
    if (start > end || start >= stat.size) return void res.writeHead(416, { 'content-range': `bytes */${stat.size}` }).end();
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${stat.size}`, 'content-length': end - start + 1 });
    return void (req.method === 'HEAD' ? res.end() : createReadStream(file, { start, end }).pipe(res));
  }
  res.writeHead(200, { ...headers, 'content-length': stat.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}
