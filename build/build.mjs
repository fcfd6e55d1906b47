// Builds everything the app runs: the renderer (Vite) and the Node bundles (esbuild) for the
// HTTP server, Electron's main process and preload, and the province tool.
import { build as esbuild } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build as vite } from 'vite';

const quiet = process.argv.includes('--quiet');
// DHS_OUT lets parallel work build into separate folders; the app itself always uses dist/.
const out = process.env.DHS_OUT ?? 'dist';
const log = (message) => quiet || console.log(message);

await vite({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info', build: { outDir: `${process.cwd()}/${out}/renderer` } });

// sqlite3 is native and electron is the runtime: both stay outside the bundles.
const node = {
  bundle: true, platform: 'node', target: 'node20', format: 'esm', sourcemap: 'linked',
  external: ['sqlite3', 'electron'], logLevel: 'warning',
  // Bundled CommonJS dependencies may call require(); give ESM bundles one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};
const entries = [
  { entryPoints: ['electron/server/index.ts'], outfile: `${out}/server/index.js` },
  { entryPoints: ['electron/main/index.ts'], outfile: `${out}/electron/main.js` },
];
if (existsSync('electron/province/cli.ts')) entries.push({ entryPoints: ['electron/province/cli.ts'], outfile: `${out}/province/cli.js` });
await Promise.all(entries.map((entry) => esbuild({ ...node, ...entry })));
// A sandboxed preload cannot be an ES module.
await esbuild({ ...node, entryPoints: ['electron/preload/index.ts'], outfile: `${out}/electron/preload.cjs`, format: 'cjs', banner: {} });
// The guide pack is content, not code: checked and written as a folder both shells read from disk
// (electron-builder ships it as a resource). The tool is TypeScript, so it runs through tsx.
execFileSync(process.execPath, ['--import', 'tsx', 'electron/province/guides-pack.ts', 'bundle', '--out', `${out}/guides`], { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
log(`built ${out}/renderer, ${out}/server, ${out}/electron, ${out}/guides`);
