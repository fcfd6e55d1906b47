import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monthCalendar } from '#shared/team/holidays';
import { addDays, vnDay } from '#shared/time/vietnam';
import { afterAll, beforeAll } from 'vitest';

export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** POST /api/<method> as a given session (or none). */
  call: (method: string, input?: unknown, token?: string | null) => Promise<{ status: number; body: any }>;
  /** Sign in the demo member with this full name; fails the test if the PIN is refused. */
  signIn: (fullName: string, pin: string) => Promise<{ token: string; id: number }>;
}

export function tempDataDir(prefix = 'dhs-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Start the built server (`dist/server/index.js`) on a free loopback port. */
export async function startServer(
  options: { dataDir?: string; demo?: boolean; env?: Record<string, string>; args?: string[]; clock?: string } = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const args = [
    `${process.env.DHS_OUT ?? 'dist'}/server/index.js`,
    '--port',
    '0',
    '--data',
    dataDir,
    ...(options.demo ? ['--demo'] : []),
    ...(options.clock ? ['--clock', options.clock] : []),
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const call: RunningServer['call'] = async (method, input = {}, token = null) => {
    const response = await fetch(`${url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    call,
    async signIn(fullName, pin) {
      const options = await call('access.signInOptions');
      const who = (options.body.result.members as { id: number; fullName: string }[]).find(
        (m) => m.fullName === fullName,
      );
      if (!who) throw new Error(`no account named ${fullName}`);
      const session = await call('access.signIn', { memberId: who.id, pin });
      if (session.status !== 200) throw new Error(`sign-in of ${fullName} refused: ${JSON.stringify(session.body)}`);
      return { token: session.body.result.token as string, id: who.id };
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * 09:00 in Vietnam on the latest working day (Monday to Friday, no public holiday) up to today:
 * a server started with this `clock` has its kiosk open whatever hour the tests run at.
 */
export function openingMorning(now = new Date()): string {
  for (let day = vnDay(now); ; day = addDays(day, -1)) {
    const status = monthCalendar(day.slice(0, 7), false, []).find((d) => d.day === day)!;
    if (status.working) return `${day}T09:00:00+07:00`;
  }
}

/** A clock that starts at `openingMorning()` and runs on, for an app opened in the test process. */
export function morningClock(): () => Date {
  const offset = Date.parse(openingMorning()) - Date.now();
  return () => new Date(Date.now() + offset);
}

/** A real server for the tests of one `describe`: started before them, stopped and removed after. */
export function useServer(options: Parameters<typeof startServer>[0] = { demo: true }): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterAll(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });
  return () => server!;
}
