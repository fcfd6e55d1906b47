import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

/**
 * vitest globalSetup: one throw-away PostgreSQL cluster for the whole run (the province's
 * suites run against it as well as against SQLite), stopped and removed at the end.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
