// `npm start`: build, then run the desktop app in Electron. Where the Electron binary cannot be
// had (it is downloaded on first launch and some machines have no route to it), say so in one
// line and run server mode instead: the same core and screens over HTTP on this computer.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

const build = spawnSync(process.execPath, ['build/build.mjs', '--quiet'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const packageDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    const fetched = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (fetched.status !== 0 || !existsSync(pathFile)) {
      const reason = `${fetched.stderr ?? ''}${fetched.stdout ?? ''}`
        .split('\n')
        .find((l) => /error|fail|ENOTFOUND|ECONN/i.test(l))
        ?.trim();
      return { missing: reason ?? 'the download did not complete' };
    }
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : { missing: `${binary} is not there` };
}

const electron = electronBinary();
if (typeof electron === 'string') {
  const child = spawn(electron, ['.', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Electron cannot be started on this machine (its binary could not be downloaded: ${electron.missing.slice(0, 160)}); starting server mode instead.`,
  );
  const args = passThrough.length ? passThrough : ['--port', process.env.PORT ?? '8420'];
  const child = spawn(process.execPath, ['dist/server/index.js', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
