import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { ingestMany } from '#province/ingest';
import { generateProvinceKeys } from '#province/keys';
import {
  closingBatch,
  enrolFixture,
  fixturePoint,
  workingDayBatches,
  type FixturePoint,
} from '#province/web/hub-fixture';
import { openHubStore } from '#province/web/hub-store';
import { tempDataDir } from './server';

export interface RunningHub {
  url: string;
  dir: string;
  process: ChildProcess;
  /** A batch file for the upload test: a point enrolled here whose first batch never came over the network. */
  uploadFile: string;
  password: string;
  sealPassphrase: string;
  /** What `province serve` printed so far (its one-time code for the first admin, say). */
  output: () => string;
  stop: () => Promise<void>;
}

export interface HubOptions {
  /** Make the admin with the command line first, as the README says (default); false leaves the hub without one. */
  admin?: boolean;
  /** Serve HTTPS with these PEM files (`--tls-cert`, `--tls-key`). */
  tls?: { cert: string; key: string };
}

/** Points in the hub's rehearsal: who reports, who went silent, who never sent. */
export const HUB_CLOCK = '2026-11-20T03:00:00.000Z';

/**
 * A real province store with real signed batches (the fixture), an admin made with the command
 * line as the README says, and the built `province serve` on a free loopback port, on a fixed clock.
 */
export async function startHub(options: HubOptions = {}): Promise<RunningHub> {
  const dir = tempDataDir('dhs-hub-');
  const password = 'mật khẩu tỉnh đủ dài 2026';
  const sealPassphrase = 'cụm mật khẩu khóa niêm phong';
  const keys = generateProvinceKeys(sealPassphrase);
  writeFileSync(join(dir, 'province-secret.json'), JSON.stringify(keys.secret));
  writeFileSync(join(dir, 'province-seal.pem'), keys.sealPem!);
  writeFileSync(join(dir, 'password.txt'), `${password}\n`);
  const file = join(dir, 'p.sqlite3');
  const db = await openHubStore(file);
  const at = (day: string) => new Date(`${day}T09:00:00.000Z`);
  const reporting = ['Xã Ia Grai', 'Xã Chư Păh', 'Phường Pleiku', 'Xã Đức Cơ', 'Phường Quy Nhơn', 'Xã Kbang'];
  for (const [i, unit] of reporting.entries()) {
    const point = fixturePoint(unit);
    await enrolFixture(db, point);
    // Chư Păh goes silent after the 12th; the others report every working day.
    const to = unit === 'Xã Chư Păh' ? '2026-11-12' : '2026-11-19';
    const batches = workingDayBatches(point, keys.secret, '2026-11-02', to, i === 1 ? 0 : 2 + i);
    for (const b of batches)
      await ingestMany(db, [{ text: b.text, label: `${b.day}.batch.json` }], keys.secret, at(b.day));
  }
  const silent: FixturePoint = fixturePoint('Xã Ia Pa');
  await enrolFixture(db, silent);
  // A point nobody enrolled yet: its batch waits in quarantine.
  const stranger = fixturePoint('Xã Kông Chro');
  await ingestMany(
    db,
    [{ text: closingBatch(stranger, keys.secret, '2026-11-18', 1), label: 'GL52_kong-chro_000001.batch.json' }],
    keys.secret,
    at('2026-11-18'),
  );
  const uploadFile = join(dir, 'GL52_ia-pa_000001.batch.json');
  writeFileSync(uploadFile, closingBatch(silent, keys.secret, '2026-11-19', 4));
  await db.destroy();
  const cli = `${process.env.DHS_OUT ?? 'dist'}/province/cli.js`;
  if (options.admin !== false)
    await run(process.execPath, [
      cli,
      'accounts',
      'add',
      '--db',
      file,
      '--name',
      'admin.tinh',
      '--role',
      'province_admin',
      '--password-file',
      join(dir, 'password.txt'),
    ]);
  const tls = options.tls ? ['--tls-cert', options.tls.cert, '--tls-key', options.tls.key] : [];
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--db', file, '--key', join(dir, 'province-secret.json'), '--port', '0', '--now', HUB_CLOCK, ...tls],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', () => {
      const match = /hub on (https?:\/\/[^\s]+?)\/? /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    dir,
    process: child,
    uploadFile,
    password,
    sealPassphrase,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * A TCP relay on 127.0.0.1 whose connections reach `target` from another loopback address: the
 * hub sees the browser as a machine elsewhere on the network (tests use loopback only; any
 * 127.x but 127.0.0.1 plays another machine, as in test/fault).
 */
export async function relayFrom(
  target: string,
  localAddress: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const relay = createNetServer((incoming) => {
    const outgoing = connect({ host: hostname, port: Number(port), localAddress });
    for (const s of [incoming, outgoing]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port: relayPort } = relay.address() as AddressInfo;
  return {
    url: `${new URL(target).protocol}//127.0.0.1:${relayPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      }),
  };
}
