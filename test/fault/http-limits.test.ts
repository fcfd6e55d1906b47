import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_BYTES } from '#shared/uploads/batch';
import { MAX_CONNECTIONS, MAX_EVENT_STREAMS_PER_PEER } from '#server/http';
import { useServer, type RunningServer } from '../support/server';
import { demoSessions, peakRssMiB, rawRequest } from './support';

/**
 * Who before what: a stranger's upload is refused after its headers, a body over its limit gets
 * 413 however it is sent, and connections, event streams and large uploads are capped. Every
 * file the province's command line or server reads is sized before it is read.
 */
describe('the HTTP layer under a hostile peer', () => {
  const running = useServer();
  let server: RunningServer;
  beforeAll(() => {
    server = running();
  });

  it('refuses three anonymous 300 MiB restores after their headers, without holding them in memory', async () => {
    const before = peakRssMiB(server.process.pid!);
    const uploads = await Promise.all(
      [1, 2, 3].map(() =>
        rawRequest(server.url, {
          path: '/api/backups.restore',
          headers: { 'content-length': String(300 << 20) },
          chunks: 300,
        }),
      ),
    );
    for (const res of uploads) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    const peak = peakRssMiB(server.process.pid!);
    // Main read each body whole before saying 401: 2.8 GiB for these three.
    expect(peak - before, `peak RSS ${peak.toFixed(0)} MiB, was ${before.toFixed(0)} MiB`).toBeLessThan(64);
    expect((await server.call('setup.status')).status).toBe(200);
  });

  it('answers 413 to a chunked body over the limit, instead of resetting the connection', async () => {
    const res = await rawRequest(server.url, {
      path: '/api/access.signIn',
      headers: { 'transfer-encoding': 'chunked' },
      chunks: 4,
    });
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    const declared = await rawRequest(server.url, {
      path: '/api/access.signIn',
      headers: { 'content-length': String(4 << 20) },
      chunks: 4,
    });
    expect(declared.status).toBe(413);
  });

  it('gives an admin who may send a large body one upload at a time, and a staff member none', async () => {
    const sessions = await demoSessions(server);
    const member = await rawRequest(server.url, {
      path: '/api/backups.restore',
      headers: { authorization: `Bearer ${sessions.duty_member.token}`, 'content-length': String(50 << 20) },
      chunks: 50,
    });
    expect(member.status).toBe(403);
    const auth = { authorization: `Bearer ${sessions.admin.token}`, 'content-type': 'application/json' };
    // The first admin upload starts and stalls half-way: it holds the one large-upload slot.
    const { hostname, port } = new URL(server.url);
    const first = request({
      host: hostname,
      port,
      path: '/api/backups.restore',
      method: 'POST',
      headers: { ...auth, 'transfer-encoding': 'chunked' },
    });
    first.on('error', () => undefined);
    first.write(Buffer.alloc(1 << 20, 0x41));
    await new Promise((r) => setTimeout(r, 300));
    const second = await rawRequest(server.url, {
      path: '/api/backups.restore',
      headers: auth,
      body: JSON.stringify({ source: { kind: 'stored', name: 'auto-2020-01-01.sqlite3' } }),
    });
    expect(second.status).toBe(503);
    expect(second.body.error.code).toBe('server_busy');
    first.destroy();
    await new Promise((r) => setTimeout(r, 300));
    const third = await rawRequest(server.url, {
      path: '/api/backups.restore',
      headers: auth,
      body: JSON.stringify({ source: { kind: 'stored', name: 'auto-2020-01-01.sqlite3' } }),
    });
    expect(third.body.error.code).toBe('invalid_file');
  });

  it('caps connections and event streams, and still answers afterwards', async () => {
    const sockets: Socket[] = [];
    const closed: number[] = [];
    const { hostname, port } = new URL(server.url);
    for (let i = 0; i < MAX_CONNECTIONS + 16; i++) {
      const socket = connect({ host: hostname, port: Number(port) });
      socket.on('close', () => closed.push(i));
      socket.on('error', () => undefined);
      sockets.push(socket);
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(closed.length, 'connections over the cap are dropped at once').toBeGreaterThanOrEqual(16);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 300));

    const streams = await Promise.all(
      Array.from({ length: MAX_EVENT_STREAMS_PER_PEER + 1 }, () => fetch(`${server.url}/api/events`)),
    );
    const statuses = streams.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(MAX_EVENT_STREAMS_PER_PEER);
    expect(statuses.filter((s) => s === 503)).toHaveLength(1);
    for (const r of streams) await r.body?.cancel();
    expect((await server.call('setup.status')).status).toBe(200);
  });

  it('answers a malformed URL with 400, not 500', async () => {
    for (const path of ['/%E0%A4%A', '/api/%E0%A4%A', '/packs/%ZZ/x.svg']) {
      const res = await rawRequest(server.url, { path, method: 'GET' });
      expect(res.status, path).toBe(400);
    }
  });
});

describe("the province's command line and server size a file before reading it", () => {
  const dir = mkdtempSync(join(tmpdir(), 'dhs-province-big-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [`${process.env.DHS_OUT ?? 'dist'}/province/cli.js`, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
  // keygen makes the personal-data key too, sealed with a passphrase it reads from a file here.
  const passphrase = join(dir, 'passphrase.txt');
  writeFileSync(passphrase, 'cụm mật khẩu thử nghiệm\n');

  it('verify and ingest refuse a 1 GB file by its size, and go on with the others', async () => {
    const big = join(dir, 'big.batch.json');
    writeFileSync(big, '');
    truncateSync(big, 1024 ** 3); // sparse: costs no disk, reading it would cost a gigabyte
    const small = join(dir, 'small.batch.json');
    writeFileSync(small, '{"not":"a batch"}');
    const verify = cli('verify', big, small);
    expect(verify.status, verify.stderr).toBe(2);
    expect(verify.stdout).toMatch(/REFUSED big\.batch\.json {2}too_large/);
    expect(verify.stdout).toMatch(/REFUSED small\.batch\.json/);
    expect(verify.stderr).not.toMatch(/Invalid string length|heap/i);
    expect(cli('keygen', '--out', dir, '--passphrase-file', passphrase).status).toBe(0);
    const ingest = cli('ingest', big, '--db', join(dir, 'store.sqlite3'), '--key', join(dir, 'province-secret.json'));
    expect(ingest.status, ingest.stderr).toBe(2);
    expect(ingest.stdout).toMatch(/REFUSED +big\.batch\.json {2}too_large/);
  });

  it('serve answers 413 to a batch over the limit, declared or chunked', async () => {
    const keyDir = mkdtempSync(join(dir, 'serve-'));
    expect(cli('keygen', '--out', keyDir, '--passphrase-file', passphrase).status).toBe(0);
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      [
        `${process.env.DHS_OUT ?? 'dist'}/province/cli.js`,
        'serve',
        '--db',
        join(keyDir, 's.sqlite3'),
        '--key',
        join(keyDir, 'province-secret.json'),
        '--port',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const m = /listening on (http:\/\/[^\s]+)\/batches/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(out)));
      });
      const mib = Math.ceil(MAX_BATCH_BYTES / (1 << 20)) + 2;
      const chunked = await rawRequest(url, {
        path: '/batches',
        headers: { 'transfer-encoding': 'chunked' },
        chunks: mib,
      });
      expect(chunked.error).toBeUndefined();
      expect(chunked.status).toBe(413);
      expect(chunked.body.reason).toMatch(/^too_large/);
      const declared = await rawRequest(url, {
        path: '/batches',
        headers: { 'content-length': String(mib << 20) },
        chunks: mib,
      });
      expect(declared.status).toBe(413);
    } finally {
      child.kill();
    }
  });
});
