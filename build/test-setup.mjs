// `npm test` sets up what its suites need on a fresh machine, as `npm start` does for itself:
// the browser for the end-to-end tests, poppler to read printed PDFs back, python3 to unpack a
// downloaded batch, PostgreSQL for the province hub, openssl for its HTTPS test. Missing ones are installed from Debian when
// run as root; otherwise it stops at once with the exact command, before any suite runs.
//
// Read from the environment (the tests of this script use them): PATH for the tools,
// CHROMIUM_PATH (the browser the tests launch), DHS_POSTGRES_LIB (Debian's versioned PostgreSQL
// folders, default /usr/lib/postgresql), DHS_SETUP_APT (the apt-get to run), DHS_SETUP_ROOT
// (1 or 0 instead of asking the OS).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const env = process.env;
const onPath = (name) => (env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, name)));
function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
const postgresLib = env.DHS_POSTGRES_LIB ?? '/usr/lib/postgresql';

/** Each Debian package the tests need, and how to tell it is there. */
const NEEDS = [
  {
    pkg: 'chromium',
    why: 'the end-to-end tests',
    present: () => (env.CHROMIUM_PATH ? executable(env.CHROMIUM_PATH) : onPath('chromium')),
  },
  {
    pkg: 'poppler-utils',
    why: 'reading printed PDFs back',
    present: () => ['pdftotext', 'pdfinfo', 'pdftoppm'].every(onPath),
  },
  { pkg: 'python3', why: 'unpacking a downloaded batch', present: () => onPath('python3') },
  // Usually there already (PostgreSQL's ssl-cert needs it); named so the hub's TLS test never depends on that.
  { pkg: 'openssl', why: "a throw-away certificate for the hub's HTTPS test", present: () => onPath('openssl') },
  {
    pkg: 'postgresql',
    why: "the province hub's store",
    present: () =>
      onPath('initdb') ||
      (existsSync(postgresLib) &&
        readdirSync(postgresLib).some((v) => executable(join(postgresLib, v, 'bin', 'initdb')))),
  },
];

const missing = () => NEEDS.filter((need) => !need.present());
const list = (needs) => needs.map((n) => `${n.pkg} (${n.why})`).join(', ');
const lacking = missing();
if (lacking.length === 0) process.exit(0);

const packages = lacking.map((n) => n.pkg).join(' ');
const command = `apt-get update && apt-get install -y --no-install-recommends ${packages}`;
if (env.CHROMIUM_PATH && lacking.some((n) => n.pkg === 'chromium')) {
  console.error(
    `npm test: CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable browser. Unset it to use Debian's chromium, or point it at one.`,
  );
  process.exit(1);
}
const root = env.DHS_SETUP_ROOT ? env.DHS_SETUP_ROOT === '1' : process.getuid?.() === 0;
const apt = env.DHS_SETUP_APT ?? (onPath('apt-get') ? 'apt-get' : null);
if (!root || !apt) {
  console.error(`npm test needs ${list(lacking)}.`);
  console.error(
    apt
      ? `Install them as root, then run npm test again:\n  sudo sh -c '${command}'`
      : `Install them with this system's package manager (Debian: ${command}), then run npm test again.`,
  );
  process.exit(1);
}

console.log(`npm test: installing ${packages} (${lacking.map((n) => n.why).join(', ')})`);
const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', '--no-install-recommends', ...lacking.map((n) => n.pkg)],
]) {
  const run = spawnSync(apt, args, { stdio: ['ignore', 'ignore', 'inherit'], env: aptEnv });
  if (run.status !== 0) {
    console.error(
      `npm test: '${apt} ${args.join(' ')}' failed (${run.error?.message ?? `exit ${run.status}`}). Run as root: ${command}`,
    );
    process.exit(1);
  }
}
const still = missing();
if (still.length) {
  console.error(`npm test: still missing after the install: ${list(still)}.`);
  process.exit(1);
}
