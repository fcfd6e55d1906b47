import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { subpathAliases } from './build/subpaths.mjs';

/** The renderer, built once and served by both shells (app:// in Electron, HTTP in server mode). */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: { alias: subpathAliases() },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
