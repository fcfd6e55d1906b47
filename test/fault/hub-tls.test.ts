import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../support/hub';

/**
 * `province serve --tls-cert --tls-key`: the hub over HTTPS on 127.0.0.1 with a throw-away
 * self-signed certificate made here by the `openssl` binary (build/test-setup.mjs installs it),
 * trusted by this client only. Given one of the two, or files that are not a certificate and its
 * key, the hub refuses to start rather than serving plain HTTP.
 */
const dir = mkdtempSync(join(tmpdir(), 'dhs-hub-tls-'));
const cert = join(dir, 'hub-cert.pem');
const key = join(dir, 'hub-key.pem');
let hub: RunningHub;

function selfSigned(keyFile: string, certFile: string) {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
}

beforeAll(async () => {
  selfSigned(key, cert);
  hub = await startHub({ tls: { cert, key } });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  if (hub) rmSync(hub.dir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

function post(url: string, path: string, body: unknown, cookie = '') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: any }>((resolve, reject) => {
    const target = new URL(url);
    const req = httpsRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: 'POST',
        ca: readFileSync(cert),
        headers: { 'content-type': 'application/json', cookie },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('the hub over HTTPS', () => {
  it('signs in over https on 127.0.0.1 with a Secure session cookie, and speaks no plain HTTP on that port', async () => {
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const signIn = await post(hub.url, '/api/hub.signIn', { name: 'admin.tinh', password: hub.password });
    expect(signIn.status).toBe(200);
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/^dhs_hub=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=36000; Secure$/);
    const session = await post(hub.url, '/api/hub.session', {}, cookie.split(';')[0]);
    expect(session.body.result.account).toEqual({ name: 'admin.tinh', role: 'province_admin' });
    // The points' receiving endpoint is on the same port, over the same TLS.
    expect((await post(hub.url, '/batches', {})).status).toBe(422);
    // An origin over http is another site when the hub speaks https.
    const plainOrigin = await new Promise<number>((resolve, reject) => {
      const target = new URL(hub.url);
      const req = httpsRequest(
        {
          host: target.hostname,
          port: target.port,
          path: '/api/hub.session',
          method: 'POST',
          ca: readFileSync(cert),
          headers: { 'content-type': 'application/json', origin: `http://${target.host}` },
        },
        (res) => resolve(res.statusCode!),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(plainOrigin).toBe(403);
    // A client that does not trust the certificate is refused by TLS, and plain HTTP gets no answer.
    await expect(
      new Promise((resolve, reject) => {
        const req = httpsRequest(`${hub.url}/api/hub.session`, { method: 'POST' }, resolve);
        req.on('error', reject);
        req.end('{}');
      }),
    ).rejects.toThrow(/self.signed|certificate/i);
    const plain = await new Promise<string>((resolve) => {
      const req = httpRequest(`${hub.url.replace('https:', 'http:')}/api/hub.session`, { method: 'POST' }, (res) =>
        resolve(`status ${res.statusCode}`),
      );
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      req.end('{}');
    });
    expect(plain).not.toBe('status 200');
  });

  it('refuses to start with only one of the two files, or with files that are not a certificate and its key', () => {
    const serve = (...tls: string[]) =>
      spawnSync(
        process.execPath,
        [
          `${process.env.DHS_OUT ?? 'dist'}/province/cli.js`,
          'serve',
          '--db',
          join(dir, 'p.sqlite3'),
          '--key',
          join(hub.dir, 'province-secret.json'),
          '--port',
          '0',
          ...tls,
        ],
        { encoding: 'utf8', timeout: 30_000 },
      );
    const onlyCert = serve('--tls-cert', cert);
    expect(onlyCert.status).toBe(1);
    expect(onlyCert.stderr).toContain('--tls-cert FILE and --tls-key FILE go together');
    expect(serve('--tls-key', key).stderr).toContain('go together');
    const missing = serve('--tls-cert', join(dir, 'nothing.pem'), '--tls-key', key);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nothing.pem');
    expect(missing.stderr).toContain('not a TLS certificate (PEM)');
    // A key of another certificate: the pair does not match.
    const other = join(dir, 'other-key.pem');
    selfSigned(other, join(dir, 'other-cert.pem'));
    const mismatched = serve('--tls-cert', cert, '--tls-key', other);
    expect(mismatched.status).toBe(1);
    expect(mismatched.stderr).toMatch(/are not a PEM certificate and its private key/);
    writeFileSync(join(dir, 'garbage.pem'), 'not a certificate');
    expect(serve('--tls-cert', join(dir, 'garbage.pem'), '--tls-key', key).stderr).toMatch(
      /are not a PEM certificate and its private key/,
    );
    for (const run of [onlyCert, missing, mismatched]) expect(run.stdout).not.toContain('province hub on');
  });
});
