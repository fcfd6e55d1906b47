import { createReadStream, existsSync, statSync } from 'node:fs';
import { MIME_TYPES } from '#shared/security/mime';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import Negotiator from 'negotiator';
import { z } from 'zod';
import { DEFAULT_MAX_BYTES, EVENT_NAMES, methods, isMethodName, type ErrorCode } from '#shared/contract';
import { errorBody } from '#shared/i18n/translate';
import type { App } from '#core/app';
import type { Device } from '#core/context';
import { CONTENT_SECURITY_POLICY } from '#shared/security/csp';
import { serveGuideAsset } from './guide-assets';
import { allowedHosts, deviceOf, hostName, originAllowed, ownAddresses } from './peers';

const TYPES = MIME_TYPES;

export interface HttpOptions {
  staticDir: string;
  /** Loopback only unless the user opened the point to the LAN. */
  host: string;
  /** More names this PC is reached by on the LAN (besides its address and machine name). */
  allowedHosts?: readonly string[];
}

/** Connections at once: a point has a few desks, a kiosk, a board and a tablet or two. */
export const MAX_CONNECTIONS = 64;
/** Event streams at once, and from one peer: every open page holds one. */
export const MAX_EVENT_STREAMS = 24;
export const MAX_EVENT_STREAMS_PER_PEER = 6;
/** Bodies larger than the default limit being read at once (only callers allowed them send one). */
export const MAX_LARGE_UPLOADS = 1;
/** How long a refused upload is read and dropped, so the client hears the answer, not a reset. */
const DISCARD_GRACE_MS = 5_000;

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    // Its length said, so the answer is not sent in chunks: the client reads it to the end at once.
    'content-length': Buffer.byteLength(json),
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(json);
}

/** Every refusal has the same body as the gate's: `{ ok: false, error }`. */
function fail(res: ServerResponse, status: number, code: ErrorCode): void {
  send(res, status, { ok: false, error: errorBody(code) });
}

/**
 * Answer before the body was read, and drop what the client is still sending: closing a socket
 * with unread data would reset it, and the client would see a reset instead of our answer.
 * Nothing of the body is kept; a client still sending after a grace period is cut off.
 */
export function refuseUnread(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  if (!req.complete) {
    req.removeAllListeners('data');
    req.on('data', () => undefined);
    req.resume();
    // Cut off only a client still sending after the grace; one that finished keeps its connection.
    const timer = setTimeout(() => req.socket.destroy(), DISCARD_GRACE_MS);
    timer.unref();
    const stop = () => clearTimeout(timer);
    // Off the socket again once the body is drained: a kept-alive socket serves many requests.
    req.once('end', () => {
      stop();
      req.socket.off('close', stop);
    });
    req.socket.once('close', stop);
  }
  send(res, status, body);
}

/** Reads at most `limit` bytes, whether the length is declared or the body is chunked. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const declared = req.headers['content-length'];
  if (Number(declared ?? 0) > limit) return Promise.resolve('too_large');
  // A small body mostly comes in its headers' packet: when all its declared bytes are buffered
  // already (the parser never buffers past a message's end), it is taken at once.
  if (declared !== undefined && !req.readableFlowing && req.readableLength === Number(declared)) {
    const chunks: Buffer[] = [];
    for (let chunk: Buffer | null; (chunk = req.read()) !== null; ) chunks.push(chunk);
    return Promise.resolve(Buffer.concat(chunks));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      chunks.length = 0;
      resolve('too_large');
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

/** The path, decoded; null when it is not a well-formed URL path (answered 400). */
export function decodedPath(url: URL): string | null {
  try {
    const path = decodeURIComponent(url.pathname);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

/** Compressed copies written at build time (build/precompress.mjs), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The file itself, or its compressed copy the client accepts, with what to say about it. */
function variantOf(
  req: IncomingMessage,
  file: string,
): { path: string; size: number; mtimeMs: number; encoding: string | null; hasVariants: boolean } {
  const copies = ENCODINGS.flatMap((e) => {
    try {
      return [{ ...e, stat: statSync(file + e.suffix) }];
    } catch {
      return [];
    }
  });
  const chosen = copies.length
    ? new Negotiator(req).encoding([...copies.map((c) => c.name), 'identity'], {
        preferred: [...ENCODINGS.map((e) => e.name), 'identity'],
      })
    : 'identity';
  const copy = copies.find((c) => c.name === chosen);
  if (copy)
    return {
      path: file + copy.suffix,
      size: copy.stat.size,
      mtimeMs: copy.stat.mtimeMs,
      encoding: copy.name,
      hasVariants: true,
    };
  const stat = statSync(file);
  return { path: file, size: stat.size, mtimeMs: stat.mtimeMs, encoding: null, hasVariants: copies.length > 0 };
}

/**
 * The built screens. Hashed assets (`assets/name-HASH.js`) never change under their name: cached
 * for a year without asking again. index.html names the current assets: always revalidated, so an
 * updated point's screens load the new ones (its ETag makes that a 304 when nothing changed).
 */
export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  options: Pick<HttpOptions, 'staticDir'>,
): void {
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
  const variant = variantOf(req, file);
  const etag = `"${variant.size.toString(36)}-${Math.trunc(variant.mtimeMs).toString(36)}${variant.encoding ? `-${variant.encoding}` : ''}"`;
  const headers: Record<string, string | number> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    // Caches must keep the copies apart: the same URL answers in brotli, gzip or plain.
    ...(variant.hasVariants ? { vary: 'accept-encoding' } : {}),
  };
  // A cache may name several ETags it holds (RFC 9110 §13.1.2, weak comparison).
  if ((req.headers['if-none-match'] ?? '').split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    ...(variant.encoding ? { 'content-encoding': variant.encoding } : {}),
    'content-length': variant.size,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(variant.path).pipe(res);
}

function serveEvents(req: IncomingMessage, res: ServerResponse, app: App): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write('retry: 1000\n\n');
  // Events are published once committed, before the call's own answer is sent: they are written
  // out just after it (the same turn of the loop), so the caller does not wait for every page's
  // stream, and a call's events leave in one write.
  let queued = '';
  const flush = () => {
    const text = queued;
    queued = '';
    if (!res.destroyed && !res.writableEnded) res.write(text);
  };
  const unsubscribe = app.bus.subscribe((event) => {
    if (!queued) setImmediate(flush);
    queued += `event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`;
  });
  // A comment line now and then keeps proxies and idle LAN links from closing the stream.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

function listMethods() {
  return Object.entries(methods).map(([name, spec]) => ({
    name,
    summary: spec.summary,
    roles: spec.roles,
    kind: spec.kind,
    input: z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }),
    output: z.toJSONSchema(spec.output, { unrepresentable: 'any' }),
  }));
}

/** Counts of what is open now, so a flood of streams or uploads cannot take the memory. */
class Slots {
  #byKey = new Map<string, number>();
  #total = 0;
  constructor(
    readonly max: number,
    readonly maxPerKey = max,
  ) {}
  take(key: string): (() => void) | null {
    const mine = this.#byKey.get(key) ?? 0;
    if (this.#total >= this.max || mine >= this.maxPerKey) return null;
    this.#total++;
    this.#byKey.set(key, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total--;
      const left = (this.#byKey.get(key) ?? 1) - 1;
      if (left) this.#byKey.set(key, left);
      else this.#byKey.delete(key);
    };
  }
}

export function createHttpServer(app: App, options: HttpOptions) {
  // JSON Schemas of every method: a sixth of the start-up time, so worked out when first asked for.
  let methodList: ReturnType<typeof listMethods> | undefined;
  const own = ownAddresses();
  const hosts = allowedHosts(options.host, options.allowedHosts);
  const streams = new Slots(MAX_EVENT_STREAMS, MAX_EVENT_STREAMS_PER_PEER);
  const uploads = new Slots(MAX_LARGE_UPLOADS);

  async function callMethod(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    who: { device: Device; peer: string },
  ) {
    if (!isMethodName(name)) return refuseUnread(req, res, 404, { ok: false, error: errorBody('unknown_method') });
    // JSON only: a cross-site form cannot post it without a CORS preflight we never grant.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuseUnread(req, res, 400, { ok: false, error: errorBody('invalid_input') });
    }
    const credentials = { token: bearer(req), ...who };
    // Who before what: nothing of the body is read until the caller may call this method.
    const admitted = await app.admit(name, credentials);
    if (!admitted.ok) {
      app.log.warn(
        { event: 'http.refused', method: name, status: admitted.status, device: who.device },
        'call refused before its body was read',
      );
      return refuseUnread(req, res, admitted.status, { ok: false, error: admitted.error });
    }
    const limit = methods[name].maxBytes ?? DEFAULT_MAX_BYTES;
    const release = limit > DEFAULT_MAX_BYTES ? uploads.take('all') : () => undefined;
    if (!release) return refuseUnread(req, res, 503, { ok: false, error: errorBody('server_busy') });
    let body: Buffer | 'too_large';
    try {
      body = await readBody(req, limit);
    } finally {
      release();
    }
    if (body === 'too_large') {
      app.log.warn({ event: 'http.tooLarge', method: name, limit }, 'request body over its limit');
      return refuseUnread(req, res, 413, { ok: false, error: errorBody('payload_too_large') });
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return fail(res, 400, 'invalid_input');
    }
    body = Buffer.alloc(0);
    // A small body is read in moments: the caller admitted is still the caller. A large upload may
    // take minutes, so its session is looked at again once it has arrived.
    const result = await app.call(name, input, credentials, limit > DEFAULT_MAX_BYTES ? undefined : admitted.caller);
    if (result.ok) return send(res, 200, { ok: true, result: result.result });
    return send(res, result.status, { ok: false, error: result.error });
  }

  const server = createServer(async (req, res) => {
    try {
      if (!hosts.has(hostName(req.headers.host))) {
        app.log.warn({ event: 'http.badHost' }, 'request for a host name that is not ours (DNS rebinding?)');
        return refuseUnread(req, res, 403, { ok: false, error: errorBody('forbidden') });
      }
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://local');
      } catch {
        return refuseUnread(req, res, 400, { ok: false, error: errorBody('invalid_input') });
      }
      const path = decodedPath(url);
      if (path === null) return refuseUnread(req, res, 400, { ok: false, error: errorBody('invalid_input') });
      const who = deviceOf(req, own);
      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return refuseUnread(req, res, 405, { ok: false, error: errorBody('unknown_method') });
        if (url.pathname.startsWith('/packs/')) return serveGuideAsset(req, res, app, url.pathname);
        return serveStatic(req, res, path, options);
      }
      // Only our own pages may call us from a browser: another site's page is refused.
      if (!originAllowed(req.headers.origin, req.headers.host)) {
        app.log.warn({ event: 'http.badOrigin', device: who.device }, 'call from a page that is not ours');
        return refuseUnread(req, res, 403, { ok: false, error: errorBody('forbidden') });
      }
      const name = url.pathname.slice('/api/'.length);
      if (req.method === 'GET' && name === 'health') {
        const check = await app.database();
        return send(res, check === 'ok' ? 200 : 503, {
          ok: check === 'ok',
          database: check,
          methods: Object.keys(methods).length,
          events: EVENT_NAMES,
        });
      }
      if (req.method === 'GET' && name === 'methods') return send(res, 200, (methodList ??= listMethods()));
      if (req.method === 'GET' && name === 'events') {
        const release = streams.take(who.peer);
        if (!release) return fail(res, 503, 'server_busy');
        req.on('close', release);
        return serveEvents(req, res, app);
      }
      if (req.method !== 'POST') return refuseUnread(req, res, 405, { ok: false, error: errorBody('unknown_method') });
      return await callMethod(req, res, name, who);
    } catch (error) {
      app.log.error({ event: 'http.failed', err: error }, 'request failed');
      if (!res.headersSent) refuseUnread(req, res, 500, { ok: false, error: errorBody('internal') });
    }
  });
  server.maxConnections = MAX_CONNECTIONS;
  // A peer that sends its headers slowly (or never) does not hold a connection for long.
  server.headersTimeout = 15_000;
  server.requestTimeout = 10 * 60_000;
  return server;
}
