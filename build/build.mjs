// Builds everything the app runs: the renderer (Vite) and the Node bundles (esbuild) for the
// HTTP server, Electron's main process and preload, and the province tool.
import { build as esbuild } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build as vite } from 'vite';
import { electronBundles, NODE_BUNDLE } from './node-bundle.mjs';
import { precompress } from './precompress.mjs';

const quiet = process.argv.includes('--quiet');
// DHS_OUT lets parallel work build into separate folders; the app itself always uses dist/.
const out = process.env.DHS_OUT ?? 'dist';
const log = (message) => quiet || console.log(message);

await vite({
  configFile: 'vite.config.ts',
  logLevel: quiet ? 'warn' : 'info',
  build: { outDir: `${process.cwd()}/${out}/renderer` },
});
const packed = await precompress(`${out}/renderer`);
log(
  `precompressed ${packed.files} files: ${Math.round(packed.raw / 1024)} KiB, ${Math.round(packed.br / 1024)} KiB brotli, ${Math.round(packed.gzip / 1024)} KiB gzip`,
);
// The province hub's web app, served by `province serve`.
await vite({
  configFile: 'vite.hub.config.ts',
  logLevel: quiet ? 'warn' : 'info',
  build: { outDir: `${process.cwd()}/${out}/hub` },
});
await precompress(`${out}/hub`);

const entries = [
  { ...NODE_BUNDLE, entryPoints: ['electron/server/index.ts'], outfile: `${out}/server/index.js` },
  ...electronBundles(out),
];
if (existsSync('electron/province/cli.ts'))
  entries.push({ ...NODE_BUNDLE, entryPoints: ['electron/province/cli.ts'], outfile: `${out}/province/cli.js` });
// The province's reader threads (electron/province/read-pool.ts) load this beside cli.js.
if (existsSync('electron/province/read-worker.ts'))
  entries.push({
    ...NODE_BUNDLE,
    entryPoints: ['electron/province/read-worker.ts'],
    outfile: `${out}/province/read-worker.js`,
  });
await Promise.all(entries.map((entry) => esbuild(entry)));
// The guide pack is content, not code: checked and written as a folder both shells read from disk
// (electron-builder ships it as a resource). The tool is TypeScript, so it runs through tsx.
execFileSync(
  process.execPath,
  ['--import', 'tsx', 'electron/province/guides-pack.ts', 'bundle', '--out', `${out}/guides`],
  { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] },
);
log(`built ${out}/renderer, ${out}/hub, ${out}/server, ${out}/electron, ${out}/guides`);
