import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { openApp } from '#core/app';
import { checkAndMigrateCopy } from '#core/backups/check';
import { writeBackup } from '#core/backups/service';
import { openingMorning, startServer, type RunningServer } from '../support/server';
import { BIG, bigDatabase, copyOfBigDatabase, type BigDatabase } from './big-database';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
const scratch = () => mkdtempSync(join(tmpdir(), 'dhs-bench-'));

/** Opening the database and checking its migrations: fresh, and the five-year one. */
async function benchOpen(big: BigDatabase): Promise<Record<string, number>> {
  const fresh: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = scratch();
    fresh.push(await timed(async () => (await openApp({ dataDir: dir, log: () => undefined })).close()));
    rmSync(dir, { recursive: true, force: true });
  }
  const copy = copyOfBigDatabase(big, join(scratch(), 'data'));
  const bigOpen: number[] = [];
  for (let i = 0; i < 3; i++)
    bigOpen.push(await timed(async () => (await openApp({ dataDir: copy, log: () => undefined })).close()));
  rmSync(resolve(copy, '..'), { recursive: true, force: true });
  return {
    db_create_and_migrate_fresh_ms: round(median(fresh)),
    db_open_and_check_migrations_5y_ms: round(median(bigOpen)),
  };
}

/** The daily backup of the five-year database, and the checks a restore runs on it. */
async function benchBackup(big: BigDatabase): Promise<Record<string, number>> {
  const dir = scratch();
  const copy = copyOfBigDatabase(big, join(dir, 'data'));
  const app = await openApp({ dataDir: copy, log: () => undefined });
  const target = join(dir, 'backup.sqlite3');
  let bytes = 0;
  const ms = await timed(async () => (bytes = await writeBackup(app.db, target)));
  await app.close();
  const checkMs = await timed(() => checkAndMigrateCopy(target));
  rmSync(dir, { recursive: true, force: true });
  return {
    backup_5y_db_ms: round(ms),
    backup_5y_db_mib: round(bytes / 2 ** 20),
    restore_check_5y_db_ms: round(checkMs),
  };
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/**
 * The server on the five-year database: memory at rest, then after a busy day of requests from
 * a kiosk, a board and two desks (check-ins, board polls, logbook saves, settings reads).
 */
async function benchServer(big: BigDatabase): Promise<Record<string, number>> {
  if (process.platform !== 'linux') return {};
  const dir = scratch();
  const copy = copyOfBigDatabase(big, join(dir, 'data'));
  let server: RunningServer | null = null;
  try {
    // A working morning on the point's clock, so the kiosk's check-ins are taken as on a real day.
    server = await startServer({ dataDir: copy, clock: openingMorning() });
    await new Promise((r) => setTimeout(r, 2000));
    const pid = server.process.pid!;
    const atRest = rssMiB(pid);
    const s = server;
    const methods = new Set(
      ((await (await fetch(`${s.url}/api/methods`)).json()) as { name: string }[]).map((m) => m.name),
    );
    const options = (await s.call('access.signInOptions', {})).body.result.members as { id: number; role: string }[];
    const member = options.find((o) => o.role === 'duty_member')!;
    const token = (await s.call('access.signIn', { memberId: member.id, pin: BIG.memberPin })).body.result
      .token as string;
    let requests = 0;
    const call = async (m: string, input: unknown, t: string | null = null) => {
      if (!methods.has(m)) return;
      requests++;
      await s.call(m, input, t);
    };
    const entries = methods.has('logbook.create')
      ? [
          ...(await import('#core/logbook/generate')).generateEntries({
            seed: 7,
            endDay: BIG.endDay,
            days: 1,
            perDay: 150,
            memberIds: [member.id],
          }),
        ]
      : [];
    const started = performance.now();
    for (let i = 0; i < 300; i++) {
      await call('queue.checkIn', { helpKind: (['vneid', 'dvc', 'payment', 'smartphone'] as const)[i % 4] });
      for (let k = 0; k < 5; k++) await call('queue.board', {});
      await call('settings.get', {}, token);
      await call('access.me', {}, token);
      const entry = entries[i % Math.max(1, entries.length)];
      if (entry && i % 2 === 0) await call('logbook.create', { entry }, token);
    }
    const busySeconds = (performance.now() - started) / 1000;
    return {
      server_rss_at_rest_5y_db_mib: atRest,
      server_rss_after_busy_day_mib: rssMiB(pid),
      server_busy_day_requests: requests,
      server_busy_day_s: round(busySeconds),
    };
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A loopback port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
    probe.on('error', reject);
  });
}

/**
 * Server mode from the process's start to its first answer to the kiosk (`queue.kiosk`, which
 * reads the database), over the five-year database and over a fresh folder; median of three.
 * The database file is in the page cache (just copied): a PC's first start after a boot also
 * reads it from disk.
 */
async function benchColdStart(big: BigDatabase): Promise<Record<string, number>> {
  const out = process.env.DHS_OUT ?? 'dist';
  const dir = scratch();
  const copy = copyOfBigDatabase(big, join(dir, 'data'));
  const once = async (dataDir: string) => {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [`${out}/server/index.js`, '--port', String(port), '--data', dataDir], {
      stdio: 'ignore',
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    try {
      for (;;) {
        const answer = await fetch(`http://127.0.0.1:${port}/api/queue.kiosk`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }).then(
          (r) => r.status,
          () => 0,
        );
        if (answer === 200) return performance.now() - started;
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    const big5y: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < 3; i++) {
      big5y.push(await once(copy));
      const empty = join(dir, `fresh-${i}`);
      fresh.push(await once(empty));
    }
    return { server_cold_start_5y_db_ms: round(median(big5y)), server_cold_start_fresh_ms: round(median(fresh)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A LAN as slow as a commune's can be: 4 Mbit/s each way, 20 ms each way (Chromium's throttling). */
const SLOW_LAN = { offline: false, latency: 20, downloadThroughput: 4_000_000 / 8, uploadThroughput: 4_000_000 / 8 };

/**
 * The citizen screen (#/kiosk) as a kiosk on the LAN first loads it: the JavaScript it fetches
 * (raw, and gzipped as a reference), the bytes on the wire as the server sends them (brotli),
 * and the time to the kiosk's first question over a slow LAN with an empty cache, median of 3.
 */
async function benchRendererSize(): Promise<Record<string, number>> {
  const out = process.env.DHS_OUT ?? 'dist';
  const staticDir = resolve(out, 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) return {};
  const dataDir = scratch();
  // Set up and in its opening hours: the kiosk's first screen is its first question.
  const server = await startServer({ dataDir, demo: true, clock: openingMorning() });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const loads: { ms: number; wire: number; jsWire: number; scripts: Set<string> }[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_LAN);
      const urls = new Map<string, string>();
      const load = { ms: 0, wire: 0, jsWire: 0, scripts: new Set<string>() };
      cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
      cdp.on('Network.loadingFinished', (e) => {
        const path = urls.get(e.requestId) ?? '';
        load.wire += e.encodedDataLength;
        if (path.endsWith('.js')) {
          load.jsWire += e.encodedDataLength;
          load.scripts.add(path);
        }
      });
      const started = performance.now();
      await page.goto(`${server.url}/#/kiosk`);
      await page.locator('#kiosk-heading').waitFor();
      load.ms = performance.now() - started;
      // What else the first screen fetches once shown (fonts, the event stream's first bytes).
      await page.waitForLoadState('networkidle');
      loads.push(load);
      await context.close();
    }
    const scripts = loads[0]!.scripts;
    let raw = 0;
    let gzip = 0;
    for (const path of scripts) {
      const bytes = readFileSync(join(staticDir, decodeURIComponent(path)));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return {
      citizen_screen_js_raw_kib: round(raw / 1024),
      citizen_screen_js_gzip_kib: round(gzip / 1024),
      citizen_screen_js_files: scripts.size,
      citizen_screen_js_wire_kib: round(median(loads.map((l) => l.jsWire)) / 1024),
      citizen_screen_first_load_wire_kib: round(median(loads.map((l) => l.wire)) / 1024),
      citizen_screen_first_load_slow_lan_ms: round(median(loads.map((l) => l.ms))),
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** This harness's own figures (the PROOF domain). */
export async function benchProof(log: (line: string) => void = () => undefined): Promise<Record<string, number>> {
  const started = performance.now();
  const big = await bigDatabase();
  log(
    `big database ${big.cached ? 'from cache' : `built in ${big.buildSeconds} s`}: ${big.entries} logbook entries, ${big.tickets} tickets`,
  );
  const figures: Record<string, number> = {
    big_db_logbook_entries: big.entries,
    big_db_tickets: big.tickets,
    big_db_file_mib: round(statSync(big.file).size / 2 ** 20),
    big_db_build_s: big.cached ? 0 : big.buildSeconds,
  };
  for (const [name, part] of [
    ['open', benchOpen],
    ['coldStart', benchColdStart],
    ['backup', benchBackup],
    ['server', benchServer],
  ] as const) {
    Object.assign(figures, await part(big));
    log(`${name} done`);
  }
  Object.assign(figures, await benchRendererSize());
  figures.proof_bench_total_s = round((performance.now() - started) / 1000);
  return figures;
}
