import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The province hub's web app (renderer/province), served by `province serve` from dist/hub. */
export default defineConfig({
  root: 'renderer/province',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/hub',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    // One bundle with both languages of every namespace (the shared labels): small for a LAN, larger than Vite's hint.
    chunkSizeWarningLimit: 1500,
  },
});
