import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_BYTES, EVENTS, methods, isMethodName, type ErrorCode } from '../../shared/contract';
import { errorBody } from '../../shared/i18n/translate';
import type { App } from '../core/app';
import type { Device } from '../core/context';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { serveGuideAsset } from './guide-assets';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json',
  '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.wav': 'audio/wav', '.mp4': 'video/mp4', '.webm': 'video/webm', '.ico': 'image/x-icon',
};
const DEVICES: readonly Device[] = ['kiosk', 'staff', 'board', 'lan'];

export interface HttpOptions {
  staticDir: string;
  /** Loopback only unless the user opened the point to the LAN. */
  host: string;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
}

/** Every refusal has the same body as the gate's: `{ ok: false, error }`. */
function fail(res: ServerResponse, status: number, code: ErrorCode): void {
  send(res, status, { ok: false, error: errorBody(code) });
}

/** Reads at most `limit` bytes; more is refused before it is all read. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

/** Loopback binding answers only to loopback names, so a web page cannot rebind a name to us. */
function hostAllowed(req: IncomingMessage, options: HttpOptions): boolean {
  if (!['127.0.0.1', 'localhost', '::1'].includes(options.host)) return true;
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  return ['127.0.0.1', 'localhost', '[::1]'].includes(host);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, options: HttpOptions): void {
  const url = new URL(req.url ?? '/', 'http://local');
  let path = decodeURIComponent(url.pathname);
  if (path.endsWith('/')) path += 'index.html';
  const root = normalize(options.staticDir + sep);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    fail(res, 403, 'forbidden');
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    fail(res, 404, 'not_found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

function serveEvents(req: IncomingMessage, res: ServerResponse, app: App): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write('retry: 1000\n\n');
  const unsubscribe = app.bus.subscribe((event) => res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`));
  // A comment line now and then keeps proxies and idle LAN links from closing the stream.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

function listMethods() {
  return Object.entries(methods).map(([name, spec]) => ({
    name, summary: spec.summary, roles: spec.roles, kind: spec.kind,
    input: z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }),
    output: z.toJSONSchema(spec.output, { unrepresentable: 'any' }),
  }));
}

export function createHttpServer(app: App, options: HttpOptions) {
  const methodList = listMethods();
  return createServer(async (req, res) => {
    try {
      if (!hostAllowed(req, options)) return fail(res, 403, 'forbidden');
      const url = new URL(req.url ?? '/', 'http://local');
      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'unknown_method');
        if (url.pathname.startsWith('/packs/')) return serveGuideAsset(req, res, app, url.pathname);
        return serveStatic(req, res, options);
      }
      const name = url.pathname.slice('/api/'.length);
      if (req.method === 'GET' && name === 'health') {
        const check = await app.database();
        return send(res, check === 'ok' ? 200 : 503, { ok: check === 'ok', database: check, methods: methodList.length, events: Object.keys(EVENTS) });
      }
      if (req.method === 'GET' && name === 'methods') return send(res, 200, methodList);
      if (req.method === 'GET' && name === 'events') return serveEvents(req, res, app);
      if (req.method !== 'POST') return fail(res, 405, 'unknown_method');
      if (!isMethodName(name)) return fail(res, 404, 'unknown_method');
      // JSON only: a cross-site form cannot post it without a CORS preflight we never grant.
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return fail(res, 400, 'invalid_input');
      }
      const text = await readBody(req, methods[name].maxBytes ?? DEFAULT_MAX_BYTES);
      if (text === null) return fail(res, 413, 'payload_too_large');
      let input: unknown;
      try {
        input = text.length ? JSON.parse(text) : {};
      } catch {
        return fail(res, 400, 'invalid_input');
      }
      const device = String(req.headers['x-device'] ?? 'lan') as Device;
      const result = await app.call(name, input, { token: bearer(req), device: DEVICES.includes(device) ? device : 'lan' });
      if (result.ok) return send(res, 200, { ok: true, result: result.result });
      return send(res, result.status, { ok: false, error: result.error });
    } catch (error) {
      console.error('request failed', error);
      if (!res.headersSent) fail(res, 500, 'internal');
    }
  });
}
