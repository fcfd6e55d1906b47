import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { z } from 'zod';
import { DEFAULT_MAX_BYTES } from '#shared/contract/define';
import { errorBody } from '#shared/i18n/translate';
import { hubMethods, isHubMethod } from '#shared/province/contract';
import { bearer, decodedPath, readBody, refuseUnread, send, serveStatic } from '#server/http';
import { allowedHosts, hostName, originAllowed, peerOf } from '#server/peers';
import type { ProvinceSecret } from '../keys';
import { serveProvince } from '../serve';
import { createHubGate, type HubEvent, type HubCredentials } from './gate';
import { hubHandlers, OWN_TRANSACTION } from './handlers';
import type { FirstAdminCode } from './first-admin';
import type { HubDb } from './hub-store';

export const SESSION_COOKIE = 'dhs_hub';
/** Event streams at once (every open dashboard holds one). */
const MAX_STREAMS = 64;

export interface HubServerOptions {
  staticDir: string;
  host: string;
  allowedHosts?: readonly string[];
  now?: () => Date;
  /** HTTPS with this certificate and key (PEM); the session cookie is then `Secure`. */
  tls?: { cert: string | Buffer; key: string | Buffer } | undefined;
  /** The console's one-time code for making the first admin from another machine (null: an admin exists). */
  firstAdminCode?: FirstAdminCode | null;
  /** Where failures are told (the command line prints them). */
  log: (message: string, error?: unknown) => void;
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || null;
  }
  return null;
}

const sessionCookie = (token: string, maxAge: number, secure: boolean) =>
  `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;

/** GET /api/<read method>?period=2026-11: the same road for systems that prefer a plain URL. */
function queryInput(url: URL): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) input[k] = k === 'year' && /^\d+$/.test(v) ? Number(v) : v;
  return input;
}

const methodList = () =>
  Object.entries(hubMethods).map(([name, spec]) => ({
    name,
    summary: spec.summary,
    roles: spec.roles,
    kind: spec.kind,
    input: z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }),
    output: z.toJSONSchema(spec.output, { unrepresentable: 'any' }),
  }));

/**
 * `province serve`: the hub's web app and API, and the points' `POST /batches` (the receiving
 * endpoint as before, reached through the same Host check). Host and Origin are checked like the
 * point's server; the session is an HttpOnly, SameSite=Strict cookie; another provincial system
 * reads with an API token (`Authorization: Bearer …`), never writes.
 */
export function createHubServer(db: HubDb, secret: ProvinceSecret, options: HubServerOptions) {
  const now = options.now ?? (() => new Date());
  const { log } = options;
  const streams = new Set<ServerResponse>();
  const onEvent = (event: HubEvent) => {
    for (const res of streams) res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
  };
  const gate = createHubGate({
    db,
    handlers: hubHandlers,
    now,
    secret,
    firstAdminCode: options.firstAdminCode ?? null,
    ownTransaction: OWN_TRANSACTION,
    onEvent,
    log,
  });
  const secure = options.tls !== undefined;
  const receiving = serveProvince(db, secret, now);
  const hosts = allowedHosts(options.host, options.allowedHosts);
  const methods = methodList();

  async function callMethod(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    url: URL,
    credentials: HubCredentials,
  ) {
    if (!isHubMethod(name)) return refuseUnread(req, res, 404, { ok: false, error: errorBody('unknown_method') });
    const spec = hubMethods[name];
    const admitted = await gate.admit(name, credentials);
    if (!admitted.ok) return refuseUnread(req, res, admitted.status, { ok: false, error: admitted.error });
    let input: unknown;
    if (req.method === 'GET') {
      if (spec.kind !== 'read') return refuseUnread(req, res, 405, { ok: false, error: errorBody('unknown_method') });
      input = queryInput(url);
    } else {
      // JSON only: a cross-site form cannot send it without a preflight we never grant.
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
        return refuseUnread(req, res, 400, { ok: false, error: errorBody('invalid_input') });
      const body = await readBody(req, spec.maxBytes ?? DEFAULT_MAX_BYTES);
      if (body === 'too_large')
        return refuseUnread(req, res, 413, { ok: false, error: errorBody('payload_too_large') });
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(res, 400, { ok: false, error: errorBody('invalid_input') });
      }
    }
    const result = await gate.call(name, input, credentials);
    if (!result.ok) return send(res, result.status, { ok: false, error: result.error });
    if (name === 'hub.signIn' || name === 'hub.createFirstAdmin') {
      // The token goes into the cookie only: no script on the page can read it.
      const { sessionToken, ...rest } = result.result as { sessionToken: string; expiresAt: string };
      return send(
        res,
        200,
        { ok: true, result: rest },
        {
          'set-cookie': sessionCookie(
            sessionToken,
            Math.floor((Date.parse(rest.expiresAt) - now().getTime()) / 1000),
            secure,
          ),
        },
      );
    }
    if (name === 'hub.signOut')
      return send(res, 200, { ok: true, result: result.result }, { 'set-cookie': sessionCookie('', 0, secure) });
    return send(res, 200, { ok: true, result: result.result });
  }

  const handle: RequestListener = async (req, res) => {
    try {
      if (!hosts.has(hostName(req.headers.host)))
        return refuseUnread(req, res, 403, { ok: false, error: errorBody('forbidden') });
      const url = new URL(req.url ?? '/', 'http://hub');
      const path = decodedPath(url);
      if (path === null) return refuseUnread(req, res, 400, { ok: false, error: errorBody('invalid_input') });
      if (path === '/batches') return void receiving.emit('request', req, res);
      if (!path.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return refuseUnread(req, res, 405, { ok: false, error: errorBody('unknown_method') });
        return serveStatic(req, res, path, options);
      }
      if (!originAllowed(req.headers.origin, req.headers.host, secure ? 'https:' : 'http:'))
        return refuseUnread(req, res, 403, { ok: false, error: errorBody('forbidden') });
      const credentials: HubCredentials = {
        session: cookie(req, SESSION_COOKIE),
        bearer: bearer(req),
        peer: peerOf(req),
      };
      const name = path.slice('/api/'.length);
      if (req.method === 'GET' && name === 'methods') return send(res, 200, methods);
      if (req.method === 'GET' && name === 'events') {
        const allowed = await gate.admit('hub.overview', credentials);
        if (!allowed.ok) return send(res, allowed.status, { ok: false, error: allowed.error });
        if (streams.size >= MAX_STREAMS) return send(res, 503, { ok: false, error: errorBody('server_busy') });
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
        res.write('retry: 3000\n\n');
        streams.add(res);
        const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
        req.on('close', () => {
          clearInterval(keepAlive);
          streams.delete(res);
        });
        return;
      }
      if (req.method !== 'POST' && req.method !== 'GET')
        return refuseUnread(req, res, 405, { ok: false, error: errorBody('unknown_method') });
      return await callMethod(req, res, name, url, credentials);
    } catch (error) {
      log('hub request failed', error);
      if (!res.headersSent) refuseUnread(req, res, 500, { ok: false, error: errorBody('internal') });
    }
  };
  const server = options.tls
    ? createTlsServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, handle)
    : createServer(handle);
  server.maxConnections = 256;
  server.headersTimeout = 15_000;
  server.requestTimeout = 5 * 60_000;
  server.on('close', () => {
    for (const res of streams) res.end();
  });
  return server;
}
