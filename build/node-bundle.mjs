// esbuild options for the Node bundles (server, Electron main and preload, province tool), shared
// by the build and by the test that loads the built main process with a stand-in for Electron.

/** sqlite3 is native and electron is the runtime: both stay outside the bundles (and pg's optional native binding, never installed). */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  external: ['sqlite3', 'electron', 'pg-native'],
  logLevel: 'warning',
  // Bundled CommonJS dependencies may call require(); give ESM bundles one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
};

/** Electron's main process (ESM) and its preload: a sandboxed preload cannot be an ES module. */
export function electronBundles(out) {
  return [
    { ...NODE_BUNDLE, entryPoints: ['electron/main/index.ts'], outfile: `${out}/electron/main.js` },
    {
      ...NODE_BUNDLE,
      entryPoints: ['electron/preload/index.ts'],
      outfile: `${out}/electron/preload.cjs`,
      format: 'cjs',
      banner: {},
    },
  ];
}
