import './build/node20-polyfills.ts';
import { defineConfig } from 'vitest/config';
import { subpathAliases } from './build/subpaths.mjs';

export default defineConfig({
  resolve: { alias: subpathAliases() },
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
      'test/unit/**/*.test.ts',
      'build/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // One throw-away PostgreSQL cluster for the run: the province's suites use it beside SQLite.
    globalSetup: ['test/support/postgres-global.ts'],
  },
});
