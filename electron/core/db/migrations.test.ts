import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestApp } from '../testing';
import { MIGRATIONS } from './migrations';
import { migrate, DatabaseTooNewError } from './migrate';

const CORE = join(import.meta.dirname, '..');

function migrationFiles(): string[] {
  return readdirSync(CORE, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      try {
        return readdirSync(join(CORE, d.name, 'migrations')).filter(
          (f) => /^\d{4}_.*\.ts$/.test(f) && !f.endsWith('.test.ts'),
        );
      } catch {
        return [];
      }
    });
}

describe('migrations', () => {
  it('registers every migration file, once, in file-number order', () => {
    const files = migrationFiles()
      .map((f) => f.slice(0, 4))
      .sort();
    const registered = MIGRATIONS.map((m) => m.name.slice(0, 4));
    expect(registered).toEqual(files);
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('creates STRICT tables with WAL, synchronous=FULL and foreign keys on', async () => {
    const app = await openTestApp({ setup: false });
    try {
      const tables = await sql<{
        name: string;
        strict: number;
      }>`select name, strict from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%'`.execute(
        app.db,
      );
      expect(tables.rows.length).toBeGreaterThan(2);
      expect(tables.rows.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
      const [journal] = (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(app.db)).rows;
      const [sync] = (await sql<{ synchronous: number }>`pragma synchronous`.execute(app.db)).rows;
      const [fk] = (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(app.db)).rows;
      expect(journal!.journal_mode).toBe('wal');
      expect(sync!.synchronous).toBe(2);
      expect(fk!.foreign_keys).toBe(1);
    } finally {
      await app.cleanup();
    }
  });

  it('is idempotent and refuses a database written by a newer version', async () => {
    const app = await openTestApp({ setup: false });
    try {
      expect(await migrate(app.db, MIGRATIONS)).toEqual([]);
      await sql`insert into schema_migration values ('9999_from_the_future', 'x')`.execute(app.db);
      await expect(migrate(app.db, MIGRATIONS)).rejects.toBeInstanceOf(DatabaseTooNewError);
    } finally {
      await app.cleanup();
    }
  });

  it('rolls a failing migration back whole', async () => {
    const app = await openTestApp({ setup: false });
    try {
      const broken = {
        name: '9000_broken',
        up: async (db: any) => {
          await sql`create table half_done (id integer primary key) strict`.execute(db);
          await sql`this is not sql`.execute(db);
        },
      };
      await expect(migrate(app.db, [...MIGRATIONS, broken])).rejects.toThrow();
      const left = await sql`select name from sqlite_master where name = 'half_done'`.execute(app.db);
      expect(left.rows).toEqual([]);
    } finally {
      await app.cleanup();
    }
  });
});
