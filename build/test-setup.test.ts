import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * `build/test-setup.mjs` run as `npm test` runs it, on a machine made up of folders: PATH holds
 * only the tools a case gives it, and apt-get is a stub that logs its arguments and "installs"
 * by writing the tools into PATH.
 */
const TOOLS: Record<string, string[]> = {
  chromium: ['chromium'],
  'poppler-utils': ['pdftotext', 'pdfinfo', 'pdftoppm'],
  python3: ['python3'],
  postgresql: ['initdb'],
  openssl: ['openssl'],
};
let dir: string;
let bin: string;
let log: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dhs-setup-'));
  bin = join(dir, 'bin');
  log = join(dir, 'apt.log');
  mkdirSync(bin);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tool(path: string): void {
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
}
const give = (...packages: string[]) => packages.forEach((p) => TOOLS[p]!.forEach((t) => tool(join(bin, t))));

/** An apt-get that logs each call; `install` writes the packages' tools, unless told to fail. */
function stubApt(behaviour: 'installs' | 'fails' | 'installs nothing' = 'installs'): string {
  const stub = join(dir, 'apt-get');
  const install = Object.entries(TOOLS)
    .map(
      ([pkg, tools]) =>
        `    ${pkg}) ${tools.map((t) => `printf '#!/bin/sh\\n' > ${bin}/${t}; /bin/chmod +x ${bin}/${t}`).join('; ')} ;;`,
    )
    .join('\n');
  writeFileSync(
    stub,
    `#!/bin/sh
echo "$@" >> ${log}
${behaviour === 'fails' ? 'exit 100' : ''}
[ "$1" = install ] || exit 0
${behaviour === 'installs nothing' ? 'exit 0' : ''}
for arg in "$@"; do
  case "$arg" in
${install}
  esac
done
`,
  );
  chmodSync(stub, 0o755);
  return stub;
}

function setup(env: Record<string, string>) {
  const run = spawnSync(process.execPath, ['build/test-setup.mjs'], {
    encoding: 'utf8',
    env: { PATH: bin, DHS_POSTGRES_LIB: join(dir, 'no-postgres'), ...env },
  });
  const calls = (() => {
    try {
      return readFileSync(log, 'utf8').trim().split('\n');
    } catch {
      return [];
    }
  })();
  return { status: run.status, out: run.stdout + run.stderr, calls };
}

describe('npm test set-up on a fresh machine', () => {
  it('does nothing when every tool is there', () => {
    give('chromium', 'poppler-utils', 'python3', 'postgresql', 'openssl');
    const run = setup({ DHS_SETUP_ROOT: '1', DHS_SETUP_APT: stubApt() });
    expect(run).toMatchObject({ status: 0, out: '', calls: [] });
  });

  it("finds PostgreSQL in Debian's versioned folder, off PATH", () => {
    give('chromium', 'poppler-utils', 'python3', 'openssl');
    mkdirSync(join(dir, 'pg/17/bin'), { recursive: true });
    tool(join(dir, 'pg/17/bin/initdb'));
    const run = setup({ DHS_SETUP_ROOT: '1', DHS_SETUP_APT: stubApt(), DHS_POSTGRES_LIB: join(dir, 'pg') });
    expect(run).toMatchObject({ status: 0, calls: [] });
  });

  it('as root, installs only what is missing: apt-get update, then install without recommends', () => {
    give('chromium', 'python3', 'openssl');
    const run = setup({ DHS_SETUP_ROOT: '1', DHS_SETUP_APT: stubApt() });
    expect(run.status).toBe(0);
    expect(run.calls).toEqual(['update -qq', 'install -y -qq --no-install-recommends poppler-utils postgresql']);
    expect(run.out).toContain('installing poppler-utils postgresql');
    // The next run finds them and installs nothing more.
    expect(setup({ DHS_SETUP_ROOT: '1', DHS_SETUP_APT: stubApt() }).calls).toHaveLength(2);
  });

  it('not as root, stops at once with the exact command and installs nothing', () => {
    give('python3', 'postgresql', 'openssl');
    const run = setup({ DHS_SETUP_ROOT: '0', DHS_SETUP_APT: stubApt() });
    expect(run.status).toBe(1);
    expect(run.out).toContain(
      "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium poppler-utils'",
    );
    expect(run.out).toContain('chromium (the end-to-end tests)');
    expect(run.calls).toEqual([]);
  });

  it('fails with the command when apt-get fails, or installs without giving the tool', () => {
    give('chromium', 'poppler-utils', 'postgresql', 'openssl');
    const failed = setup({ DHS_SETUP_ROOT: '1', DHS_SETUP_APT: stubApt('fails') });
    expect(failed.status).toBe(1);
    expect(failed.out).toMatch(
      /update -qq' failed \(exit 100\)\. Run as root: apt-get update && apt-get install -y --no-install-recommends python3/,
    );
    rmSync(log, { force: true });
    const empty = setup({ DHS_SETUP_ROOT: '1', DHS_SETUP_APT: stubApt('installs nothing') });
    expect(empty.status).toBe(1);
    expect(empty.out).toContain('still missing after the install: python3');
  });

  it('refuses a CHROMIUM_PATH that points at nothing instead of installing another browser', () => {
    give('poppler-utils', 'python3', 'postgresql', 'openssl');
    const run = setup({ DHS_SETUP_ROOT: '1', DHS_SETUP_APT: stubApt(), CHROMIUM_PATH: join(dir, 'no-browser') });
    expect(run.status).toBe(1);
    expect(run.out).toContain('is not an executable browser');
    expect(run.calls).toEqual([]);
    tool(join(dir, 'browser'));
    expect(setup({ DHS_SETUP_ROOT: '1', DHS_SETUP_APT: stubApt(), CHROMIUM_PATH: join(dir, 'browser') }).status).toBe(
      0,
    );
  });
});
