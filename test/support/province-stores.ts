import { join } from 'node:path';
import { inject } from 'vitest';
import { openProvinceStore, type ProvinceDb } from '../../electron/province/store';
import { freshDatabase } from './postgres';
import './postgres-global';

export interface ProvinceStoreKind {
  name: 'SQLite' | 'PostgreSQL';
  /** Where a new store goes: a file in `dir`, or a fresh database in the run's cluster. */
  location(dir: string): Promise<string>;
  open(dir: string): Promise<ProvinceDb>;
}

const kind = (name: ProvinceStoreKind['name'], location: (dir: string) => Promise<string>): ProvinceStoreKind =>
  ({ name, location, open: async (dir) => openProvinceStore(await location(dir)) });

/**
 * The two stores the province's suites run against: a SQLite file in the test's folder, and a
 * fresh database in the run's PostgreSQL cluster (test/support/postgres-global.ts). Use with
 * `describe.each(PROVINCE_STORES)('on $name', ({ open }) => …)`.
 */
export const PROVINCE_STORES: readonly ProvinceStoreKind[] = [
  kind('SQLite', async (dir) => join(dir, 'province.sqlite3')),
  kind('PostgreSQL', () => freshDatabase(inject('postgresUrl'))),
];
