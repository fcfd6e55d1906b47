import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, inject } from 'vitest';
import { openProvinceStore, type ProvinceDb } from '#province/store';
import { freshDatabase } from './postgres';
import './postgres-global';

export interface ProvinceStoreKind {
  name: 'SQLite' | 'PostgreSQL';
  /** Where a new store goes: a file in `dir`, or a fresh database in the run's cluster. */
  location(dir: string): Promise<string>;
  open(dir: string): Promise<ProvinceDb>;
}

const kind = (name: ProvinceStoreKind['name'], location: (dir: string) => Promise<string>): ProvinceStoreKind => ({
  name,
  location,
  open: async (dir) => openProvinceStore(await location(dir)),
});

/**
 * The two stores the province's suites run against: a SQLite file in the test's folder, and a
 * fresh database in the run's PostgreSQL cluster (test/support/postgres-global.ts). Use with
 * `describe.each(PROVINCE_STORES)('on $name', ({ open }) => …)`.
 */
export const PROVINCE_STORES: readonly ProvinceStoreKind[] = [
  kind('SQLite', async (dir) => join(dir, 'province.sqlite3')),
  kind('PostgreSQL', () => freshDatabase(inject('postgresUrl'))),
];

/** A store of `kind` opened before each test of the block (in a folder of its own) and closed and removed after. */
export function useProvinceStore(
  kind: Pick<ProvinceStoreKind, 'open'>,
  prefix = 'dhs-province-',
): { store: ProvinceDb; dir: string } {
  const state = {} as { store: ProvinceDb; dir: string };
  beforeEach(async () => {
    state.dir = mkdtempSync(join(tmpdir(), prefix));
    state.store = await kind.open(state.dir);
  });
  afterEach(async () => {
    await state.store.destroy();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}
