import './build/node20-polyfills.ts';
import { defineConfig } from 'vitest/config';
import { subpathAliases } from './build/subpaths.mjs';

/** Real server, real browser: one file at a time keeps the 2-core machine steady. */
export default defineConfig({
  resolve: { alias: subpathAliases() },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts', 'test/fault/**/*.test.ts', 'test/electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // Screens load lazily and answer after a round trip; on a busy 2-core machine a second is short.
    expect: { poll: { timeout: 15_000 } },
  },
});
