import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throw-away PostgreSQL cluster for the province's tests and bench: Debian's binaries
 * (`/usr/lib/postgresql/<version>/bin`, installed by `build/test-setup.mjs`), its own data
 * folder in a temporary directory, a free port on 127.0.0.1, trust for local connections only,
 * and a non-root user (PostgreSQL refuses to run as root; CI runs as root, so a system user is
 * made for it). `stop()` stops it and removes the folder.
 */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  stop(): Promise<void>;
}

const RUN_AS = 'dhs-postgres';

/** The newest Debian PostgreSQL's bin folder, or PATH's. */
export function postgresBin(lib = process.env.DHS_POSTGRES_LIB ?? '/usr/lib/postgresql'): string {
  const versions = existsSync(lib)
    ? readdirSync(lib)
        .filter((v) => existsSync(join(lib, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length) return join(lib, versions[0]!, 'bin');
  const onPath = (process.env.PATH ?? '').split(':').find((d) => d && existsSync(join(d, 'initdb')));
  if (onPath) return onPath;
  throw new Error(
    `PostgreSQL is not installed (no ${lib}/*/bin/initdb): run node build/test-setup.mjs as root, or apt-get install postgresql`,
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Root cannot run PostgreSQL: its commands run as a system user made once for it. */
function asUser(): { uid: number; gid: number; wrap: (cmd: string, args: string[]) => [string, string[]] } | null {
  if (process.getuid?.() !== 0) return null;
  if (spawnSync('id', ['-u', RUN_AS]).status !== 0) {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', RUN_AS], {
      stdio: 'inherit',
    });
  }
  const uid = Number(execFileSync('id', ['-u', RUN_AS], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', RUN_AS], { encoding: 'utf8' }).trim());
  return { uid, gid, wrap: (cmd, args) => ['runuser', ['-u', RUN_AS, '--', cmd, ...args]] };
}

export interface ClusterOptions {
  /** Off for the test suites (a throw-away cluster need not survive a power cut); on for the bench. */
  durable?: boolean;
}

export async function startPostgres(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = postgresBin();
  const user = asUser();
  const dir = mkdtempSync(join(tmpdir(), 'dhs-pg-'));
  const data = join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = user ? user.wrap(join(bin, tool), args) : [join(bin, tool), args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  try {
    accessSync(join(bin, 'pg_ctl'), constants.X_OK);
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    const settings = [
      `-c listen_addresses=127.0.0.1`,
      `-p ${port}`,
      `-k ${dir}`,
      ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ].join(' ');
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        try {
          run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      /* it never started */
    }
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A new, empty database in the cluster at `url`; its URL. */
export async function freshDatabase(url: string, prefix = 'dhs'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
