import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveGuideAsset } from '#core/guides/pack-assets';
import { packFileHeaders } from '#shared/security/csp';

/** Serve a pack file with byte ranges, so videos can be skipped through. */
export function serveGuideAsset(
  req: IncomingMessage,
  res: ServerResponse,
  places: { dataDir: string; guidesDir: string },
  pathname: string,
): void {
  const asset = resolveGuideAsset(places, pathname);
  if (!asset) return void res.writeHead(404).end();
  const { file, type } = asset;
  const stat = { size: asset.size };
  const headers = { ...packFileHeaders(type), 'cache-control': 'public, max-age=86400', 'accept-ranges': 'bytes' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, stat.size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), stat.size - 1) : stat.size - 1;
    if (start > end || start >= stat.size)
      return void res.writeHead(416, { 'content-range': `bytes */${stat.size}` }).end();
    res.writeHead(206, {
      ...headers,
      'content-range': `bytes ${start}-${end}/${stat.size}`,
      'content-length': end - start + 1,
    });
    return void (req.method === 'HEAD' ? res.end() : createReadStream(file, { start, end }).pipe(res));
  }
  res.writeHead(200, { ...headers, 'content-length': stat.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}
