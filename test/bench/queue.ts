import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, type IncomingMessage, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PINS } from '#core/demo-pins';
import { openTestApp } from '#core/testing';
import { bareSqlite } from './bare-sqlite';
import { morningClock, openingMorning, startServer, type RunningServer } from '../support/server';

const N = 200;
const INPUT = { helpKind: 'dvc', priority: ['elderly'], language: 'vi' };
const round = (n: number) => Math.round(n * 1000) / 1000;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

/**
 * The machine is shared and its load moves by the second: the contenders run in short turns,
 * one after another, many times over, and each figure is the median of its turns; a ratio is
 * the median of the ratios within a turn (the same moment's load on both sides).
 */
async function interleaved(contenders: Record<string, () => Promise<unknown>>, turns = 15, perTurn = 20) {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  const names = Object.keys(contenders);
  for (const name of names) for (let i = 0; i < 10; i++) await contenders[name]!(); // warm-up: JIT, page cache
  for (let turn = 0; turn < turns; turn++) {
    // Rotated, so no contender always runs right after another.
    for (const name of [...names.slice(turn % names.length), ...names.slice(0, turn % names.length)]) {
      const start = performance.now();
      for (let i = 0; i < perTurn; i++) await contenders[name]!();
      times[name]!.push((performance.now() - start) / perTurn);
    }
  }
  const median = (xs: number[]) => quantile(xs, 0.5);
  return {
    ms: (name: string) => median(times[name]!),
    ratio: (a: string, b: string, q = 0.5) =>
      quantile(
        times[a]!.map((t, i) => t / times[b]![i]!),
        q,
      ),
  };
}

/**
 * A kiosk's POST as its browser sends it: the kiosk screen's own header (`x-device: kiosk`, as
 * renderer/api/http-transport.ts sends it), over a kept-alive connection (the agent caps the
 * sockets below the server's connection limit, as a browser caps them per host). `fresh`: a new
 * connection for every request instead, which a browser does not do; measured for comparison.
 */
function poster(url: string, maxSockets = 6, fresh = false) {
  const agent = fresh ? false : new Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(url);
  const post = (method: string, input: unknown, token?: string) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = request(
        {
          agent,
          host: hostname,
          port,
          path: `/api/${method}`,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-device': 'kiosk',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return {
    post,
    close: () => {
      if (agent) agent.destroy();
    },
  };
}

async function checkInOk(post: ReturnType<typeof poster>['post']) {
  const r = await post('queue.checkIn', INPUT);
  if (r.status !== 200) throw new Error(`check-in failed: ${JSON.stringify(r.body)}`);
  return r.body.result as { number: string };
}

/**
 * Check-ins while staff sign in: a sign-in hashes the PIN (scrypt, most of a second), and the
 * citizen at the kiosk must not wait for it. Two desks sign in back to back the whole time.
 */
async function duringSignIns(server: RunningServer): Promise<Record<string, number>> {
  const client = poster(server.url, 8);
  try {
    const members = (await client.post('access.signInOptions', {})).body.result.members as {
      id: number;
      role: string;
    }[];
    const member = members.find((m) => m.role === 'duty_member')!;
    let signIns = 0;
    let stop = false;
    const signInLoop = async () => {
      while (!stop) {
        const r = await client.post('access.signIn', { memberId: member.id, pin: DEMO_PINS.member });
        if (r.status !== 200) throw new Error(`sign-in refused: ${JSON.stringify(r.body)}`);
        signIns++;
      }
    };
    const loops = [signInLoop(), signInLoop()];
    await new Promise((r) => setTimeout(r, 300));
    const latencies: number[] = [];
    const started = performance.now();
    while (latencies.length < 60) {
      const t = performance.now();
      await checkInOk(client.post);
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 25));
    }
    const seconds = (performance.now() - started) / 1000;
    stop = true;
    await Promise.all(loops);
    return {
      queue_checkin_during_signins_median_ms: round(quantile(latencies, 0.5)),
      queue_checkin_during_signins_p95_ms: round(quantile(latencies, 0.95)),
      queue_checkin_during_signins_max_ms: round(Math.max(...latencies)),
      queue_signins_per_s_meanwhile: round(signIns / seconds),
    };
  } finally {
    client.close();
  }
}

/**
 * The live event streams a point's server always has open while the kiosk is used: the calling
 * board's, a desk's and the kiosk's own page (each page holds one). Read and dropped.
 */
async function openStreams(url: string, devices = ['board', 'staff', 'kiosk']) {
  const { hostname, port } = new URL(url);
  const streams = await Promise.all(
    devices.map(
      (device) =>
        new Promise<IncomingMessage>((resolve, reject) => {
          const req = request({ host: hostname, port, path: '/api/events', headers: { 'x-device': device } }, (res) => {
            if (res.statusCode !== 200) return reject(new Error(`event stream refused: ${res.statusCode}`));
            res.resume();
            resolve(res);
          });
          req.on('error', reject);
          req.end();
        }),
    ),
  );
  return { close: () => streams.forEach((s) => s.destroy()) };
}

/** The floor server (http-floor.ts) in a process of its own, as the point's server runs. */
async function startFloor(dir: string) {
  mkdirSync(dir);
  const script = fileURLToPath(new URL('./http-floor.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A check-in through the HTTP API against the real server, through the core (the gate), and
 * the bare durable insert underneath, measured in the same run on the same disk. The server is
 * met as the kiosk meets it: its own header, a kept-alive connection, and the live event streams
 * of the board, a desk and the kiosk page open; beside it, the same round trip to a bare server
 * making the bare insert (the floor of any HTTP check-in on this machine) and a check-in on a new
 * connection each time.
 */
export async function benchQueue(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-queue-'));
  const bare = await bareSqlite(dir);
  // The point's clock at a working morning: the kiosk takes numbers only in opening hours.
  const app = await openTestApp({ now: morningClock() });
  const server = await startServer({ dataDir: join(dir, 'server'), demo: true, clock: openingMorning() });
  const client = poster(server.url);
  const fresh = poster(server.url, 1, true);
  const floor = await startFloor(join(dir, 'floor'));
  const floorClient = poster(floor.url);
  const streams = await openStreams(server.url);
  try {
    const m = await interleaved({
      bare: () => bare.insert(),
      barePrepared: () => bare.insertPrepared(),
      core: () => app.invoke('queue.checkIn', INPUT, { device: 'kiosk' }),
      http: () => checkInOk(client.post),
      httpFresh: () => checkInOk(fresh.post),
      // The same round trip to a bare server making the bare insert (http-floor.ts).
      httpFloor: async () => {
        if ((await floorClient.post('floor', INPUT)).status !== 200) throw new Error('the floor server failed');
      },
      // The same round trip to the same server with nothing to do: refused before any work.
      httpEmpty: async () => {
        if ((await client.post('queue.noSuchMethod', {})).status !== 404) throw new Error('expected 404');
      },
    });
    const start = performance.now();
    const all = await Promise.all(Array.from({ length: N }, () => checkInOk(client.post)));
    const parallel = performance.now() - start;
    if (new Set(all.map((r) => r.number)).size !== N) throw new Error('duplicate numbers under parallel check-ins');
    return {
      // The labels say how the kiosk's browser talks to the point: over a kept-alive connection.
      queue_checkin_http_keepalive_ms: round(m.ms('http')),
      queue_checkin_http_new_connection_ms: round(m.ms('httpFresh')),
      queue_checkin_core_ms: round(m.ms('core')),
      queue_bare_sqlite_insert_ms: round(m.ms('bare')),
      queue_bare_sqlite_insert_prepared_ms: round(m.ms('barePrepared')),
      queue_http_floor_keepalive_ms: round(m.ms('httpFloor')),
      queue_http_floor_keepalive_vs_bare_ratio: round(m.ratio('httpFloor', 'bare')),
      // What the point's server adds to that floor: its checks, the gate, the check-in's answer.
      queue_checkin_http_keepalive_vs_floor_ratio: round(m.ratio('http', 'httpFloor')),
      queue_http_empty_roundtrip_keepalive_ms: round(m.ms('httpEmpty')),
      queue_checkin_http_keepalive_vs_bare_ratio: round(m.ratio('http', 'bare')),
      queue_checkin_core_vs_bare_ratio: round(m.ratio('core', 'bare')),
      // The spread of the turns' ratios (a quarter of the turns below p25, a quarter above p75).
      queue_checkin_http_keepalive_vs_bare_ratio_p25: round(m.ratio('http', 'bare', 0.25)),
      queue_checkin_http_keepalive_vs_bare_ratio_p75: round(m.ratio('http', 'bare', 0.75)),
      queue_checkin_core_vs_bare_ratio_p25: round(m.ratio('core', 'bare', 0.25)),
      queue_checkin_core_vs_bare_ratio_p75: round(m.ratio('core', 'bare', 0.75)),
      queue_checkin_http_keepalive_vs_bare_prepared_ratio: round(m.ratio('http', 'barePrepared')),
      queue_checkin_core_vs_bare_prepared_ratio: round(m.ratio('core', 'barePrepared')),
      queue_checkin_200_parallel_http_total_ms: round(parallel),
      ...(await duringSignIns(server)),
    };
  } finally {
    client.close();
    fresh.close();
    floorClient.close();
    streams.close();
    await floor.stop();
    await server.stop();
    await app.cleanup();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
