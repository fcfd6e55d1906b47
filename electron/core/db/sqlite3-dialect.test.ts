import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, Kysely, sql, type Generated } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STATEMENT_CACHE_SIZE, Sqlite3Dialect } from './sqlite3-dialect';

/**
 * A slice of Kysely's own integration suite (test/node/src: transaction, controlled-transaction,
 * stream, raw-sql, insert, error cases), adapted to this dialect on a real SQLite file with
 * Kysely's `person`/`pet` tables. Each test logs the SQL that reached the driver.
 */
interface Database {
  person: { id: Generated<number>; first_name: string | null; last_name: string | null; gender: string };
  pet: { id: Generated<number>; name: string; owner_id: number; species: string };
}

let dir: string;
let db: Kysely<Database>;
const executed: { sql: string; parameters: readonly unknown[] }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dhs-dialect-'));
  db = new Kysely<Database>({
    dialect: new Sqlite3Dialect({
      file: join(dir, 'kysely.sqlite3'),
      onOpen: ['pragma journal_mode = wal', 'pragma foreign_keys = on'],
    }),
    log: (event) => {
      if (event.level === 'query') executed.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('first_name', 'varchar(255)')
    .addColumn('last_name', 'varchar(255)')
    .addColumn('gender', 'varchar(50)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pet')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'varchar(255)', (c) => c.unique().notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('person.id').onDelete('cascade').notNull())
    .addColumn('species', 'varchar(50)', (c) => c.notNull())
    .execute();
});
afterAll(async () => {
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await db
    .insertInto('person')
    .values([
      { first_name: 'Jennifer', last_name: 'Aniston', gender: 'female' },
      { first_name: 'Arnold', last_name: 'Schwarzenegger', gender: 'male' },
      { first_name: 'Sylvester', last_name: 'Stallone', gender: 'male' },
    ])
    .execute();
  executed.length = 0;
});
afterEach(async () => {
  await db.deleteFrom('pet').execute();
  await db.deleteFrom('person').execute();
});

const insertFoo = (trx: Kysely<Database>) =>
  trx.insertInto('person').values({ first_name: 'Foo', last_name: 'Barson', gender: 'male' }).execute();
const insertFizz = (trx: Kysely<Database>) =>
  trx.insertInto('person').values({ first_name: 'Fizz', last_name: 'Buzzson', gender: 'female' }).execute();
const INSERT_SQL = 'insert into "person" ("first_name", "last_name", "gender") values (?, ?, ?)';
const named = async (...names: string[]) =>
  (
    await db.selectFrom('person').select('first_name').where('first_name', 'in', names).orderBy('first_name').execute()
  ).map((r) => r.first_name);

describe('transactions (Kysely transaction.test.ts)', () => {
  it('takes the write lock at once and commits', async () => {
    await db.transaction().execute(insertFoo);
    expect(executed.map((q) => q.sql)).toEqual(['begin immediate', INSERT_SQL, 'commit']);
    expect(await named('Foo')).toEqual(['Foo']);
  });

  it('runs many transactions at once, each kept or rolled back whole', async () => {
    const threads = Array.from({ length: 100 }, (_, i) => ({ id: 1_000_001 + i, fails: i % 3 === 0 }));
    const results = await Promise.allSettled(
      threads.map(({ id, fails }) =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('person')
            .values({ id, first_name: `P${id}`, gender: 'other' })
            .execute();
          await trx
            .insertInto('pet')
            .values({ name: `Pet ${id}`, owner_id: id, species: 'cat' })
            .execute();
          if (fails) throw new Error(`thread ${id} fails`);
        }),
      ),
    );
    const people = new Set((await db.selectFrom('person').select('id').execute()).map((r) => r.id));
    const owners = new Set((await db.selectFrom('pet').select('owner_id').execute()).map((r) => r.owner_id));
    threads.forEach(({ id, fails }, i) => {
      expect(results[i]!.status).toBe(fails ? 'rejected' : 'fulfilled');
      expect(people.has(id)).toBe(!fails);
      expect(owners.has(id)).toBe(!fails);
    });
  });

  it('rolls back when the callback throws, and the connection goes on working', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await insertFoo(trx);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(executed.at(-1)!.sql).toBe('rollback');
    expect(await named('Foo')).toEqual([]);
    await insertFizz(db);
    expect(await named('Fizz')).toEqual(['Fizz']);
  });
});

describe('controlled transactions and savepoints (Kysely controlled-transaction.test.ts)', () => {
  it('starts and commits, starts and rolls back', async () => {
    const trx = await db.startTransaction().execute();
    await insertFoo(trx);
    await trx.commit().execute();
    const trx2 = await db.startTransaction().execute();
    await insertFizz(trx2);
    await trx2.rollback().execute();
    expect(await named('Foo', 'Fizz')).toEqual(['Foo']);
  });

  it('rolls back to a savepoint, keeping what came before it', async () => {
    const trx = await db.startTransaction().execute();
    await insertFoo(trx);
    const afterFoo = await trx.savepoint('foo').execute();
    await insertFizz(afterFoo);
    await afterFoo.rollbackToSavepoint('foo').execute();
    await afterFoo.commit().execute();
    expect(executed.map((q) => q.sql)).toEqual([
      'begin immediate',
      INSERT_SQL,
      'savepoint "foo"',
      INSERT_SQL,
      'rollback to "foo"',
      'commit',
    ]);
    expect(await named('Foo', 'Fizz')).toEqual(['Foo']);
  });

  it('releases a savepoint, keeping both writes', async () => {
    const trx = await db.startTransaction().execute();
    await insertFoo(trx);
    const afterFoo = await trx.savepoint('foo').execute();
    await insertFizz(afterFoo);
    await afterFoo.releaseSavepoint('foo').execute();
    await afterFoo.commit().execute();
    expect(executed.map((q) => q.sql)).toEqual([
      'begin immediate',
      INSERT_SQL,
      'savepoint "foo"',
      INSERT_SQL,
      'release "foo"',
      'commit',
    ]);
    expect(await named('Foo', 'Fizz')).toEqual(['Fizz', 'Foo']);
  });

  it('quotes a savepoint name rather than running it', async () => {
    const trx = await db.startTransaction().execute();
    const odd = await trx.savepoint('a"; drop table person; --').execute();
    await odd.rollbackToSavepoint('a"; drop table person; --').execute();
    await odd.commit().execute();
    expect(await db.selectFrom('person').select('id').execute()).toHaveLength(3);
  });

  it('refuses queries after commit or rollback', async () => {
    const trx = await db.startTransaction().execute();
    await trx.commit().execute();
    await expect(insertFoo(trx)).rejects.toThrow('Transaction is already committed');
    const trx2 = await db.startTransaction().execute();
    await trx2.rollback().execute();
    await expect(insertFoo(trx2)).rejects.toThrow('Transaction is already rolled back');
  });
});

describe('rows or a change count, by the query node', () => {
  it('gives insert ids and affected rows for builder writes', async () => {
    const insert = await db
      .insertInto('person')
      .values({ id: 500, first_name: 'Id', gender: 'male' })
      .executeTakeFirstOrThrow();
    expect(insert.insertId).toBe(500n);
    expect(insert.numInsertedOrUpdatedRows).toBe(1n);
    const update = await db
      .updateTable('person')
      .set({ last_name: 'X' })
      .where('gender', '=', 'male')
      .executeTakeFirstOrThrow();
    expect(update.numUpdatedRows).toBe(3n);
    const none = await db.deleteFrom('person').where('id', '=', -1).executeTakeFirstOrThrow();
    expect(none.numDeletedRows).toBe(0n);
  });

  it('gives rows for a write with returning', async () => {
    const rows = await db
      .insertInto('person')
      .values({ first_name: 'Ret', gender: 'female' })
      .returning(['id', 'first_name'])
      .execute();
    expect(rows).toEqual([{ id: expect.any(Number), first_name: 'Ret' }]);
    const deleted = await db.deleteFrom('person').where('first_name', '=', 'Ret').returning('first_name').execute();
    expect(deleted).toEqual([{ first_name: 'Ret' }]);
  });

  it('gives rows for a select whatever its SQL starts with', async () => {
    const rows = await db
      .with('men', (q) => q.selectFrom('person').select('first_name').where('gender', '=', 'male'))
      .selectFrom('men')
      .select('first_name')
      .orderBy('first_name')
      .execute();
    expect(rows.map((r) => r.first_name)).toEqual(['Arnold', 'Sylvester']);
  });
});

describe('raw SQL (Kysely raw-sql.test.ts)', () => {
  it('passes substitutions as parameters', async () => {
    const result = await sql<{ first_name: string }>`select first_name from person where gender = ${'female'}`.execute(
      db,
    );
    expect(result.rows).toEqual([{ first_name: 'Jennifer' }]);
    expect(executed.at(-1)).toEqual({ sql: 'select first_name from person where gender = ?', parameters: ['female'] });
  });

  it('gives the change count and insert id of a raw write, and none for a raw read without rows', async () => {
    const insert = await sql`insert into person (first_name, gender) values (${'Raw'}, ${'male'})`.execute(db);
    const id = (await db.selectFrom('person').select('id').where('first_name', '=', 'Raw').executeTakeFirstOrThrow())
      .id;
    expect(insert).toMatchObject({ rows: [], numAffectedRows: 1n, insertId: BigInt(id) });
    const update = await sql`update person set last_name = 'R' where gender = 'male'`.execute(db);
    expect(update.numAffectedRows).toBe(3n);
    const empty = await sql`select * from person where id = -1`.execute(db);
    expect(empty).toEqual({ rows: [] });
    const ddl = await sql`create index if not exists person_gender on person (gender)`.execute(db);
    expect(ddl.numAffectedRows).toBeUndefined();
  });

  it('runs a CompiledQuery with parameters, and pragmas that answer with rows', async () => {
    const result = await db.executeQuery(
      CompiledQuery.raw('select first_name from person where last_name = ?', ['Stallone']),
    );
    expect(result.rows).toEqual([{ first_name: 'Sylvester' }]);
    expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows).toEqual([
      { journal_mode: 'wal' },
    ]);
  });

  it('keeps sql.lit, sql.id, sql.ref, sql.table and sql.join as SQLite understands them', async () => {
    const rows = await sql<{
      first_name: string;
    }>`select ${sql.ref('first_name')} from ${sql.table('person')} where ${sql.id('gender')} = ${sql.lit('male')} and last_name in (${sql.join(['Stallone', 'Schwarzenegger'])}) order by 1`.execute(
      db,
    );
    expect(rows.rows.map((r) => r.first_name)).toEqual(['Arnold', 'Sylvester']);
  });
});

describe('streaming (Kysely stream.test.ts)', () => {
  it('streams a large select in chunks of the size asked for', async () => {
    await sql`insert into person (first_name, gender) with recursive c(x) as (select 1 union all select x + 1 from c where x < 2500) select 'n' || x, 'other' from c`.execute(
      db,
    );
    let seen = 0;
    for await (const row of db.selectFrom('person').select('first_name').stream(100)) seen += row.first_name ? 1 : 0;
    expect(seen).toBe(2503);
  });

  it('stops the statement when the reader stops early, and the connection goes on', async () => {
    const first: string[] = [];
    for await (const row of db.selectFrom('person').select('first_name').orderBy('first_name').stream(1)) {
      first.push(row.first_name!);
      if (first.length === 2) break;
    }
    expect(first).toEqual(['Arnold', 'Jennifer']);
    expect(await db.selectFrom('person').select('id').execute()).toHaveLength(3);
  });

  it('refuses to stream a write without returning', async () => {
    const stream = db.connection().execute((conn) =>
      conn
        .getExecutor()
        .stream(
          db.deleteFrom('person').compile(),
          10, // a plain delete has no rows to stream
        )
        .next(),
    );
    await expect(stream).rejects.toThrow('only a query that returns rows can be streamed');
    expect(await db.selectFrom('person').select('id').execute()).toHaveLength(3);
  });
});

describe('errors', () => {
  it("rejects with SQLite's code, changes nothing, and the next query works", async () => {
    const pet = { name: 'Catto', owner_id: 0, species: 'cat' };
    const owner = (await db.selectFrom('person').select('id').executeTakeFirstOrThrow()).id;
    await db
      .insertInto('pet')
      .values({ ...pet, owner_id: owner })
      .execute();
    await expect(
      db
        .insertInto('pet')
        .values({ ...pet, owner_id: owner })
        .execute(),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    await expect(
      db
        .insertInto('pet')
        .values({ ...pet, name: 'Nobody', owner_id: 999_999 })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await expect(sql`select * from no_such_table`.execute(db)).rejects.toThrow(/no such table/);
    expect(await db.selectFrom('pet').select('name').execute()).toEqual([{ name: 'Catto' }]);
  });

  it('rolls the whole transaction back when a statement in it fails', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await insertFoo(trx);
        await trx.insertInto('pet').values({ name: 'x', owner_id: 999_999, species: 'cat' }).execute();
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await named('Foo')).toEqual([]);
  });
});

describe('prepared statements, kept by their SQL', () => {
  it('sees a schema change in a statement prepared before it', async () => {
    const before = await sql<Record<string, unknown>>`select * from person where first_name = ${'Arnold'}`.execute(db);
    expect(Object.keys(before.rows[0]!)).not.toContain('nickname');
    await sql`alter table person add column nickname text`.execute(db);
    try {
      const after = await sql<Record<string, unknown>>`select * from person where first_name = ${'Arnold'}`.execute(db);
      expect(after.rows[0]).toMatchObject({ first_name: 'Arnold', nickname: null });
    } finally {
      await sql`alter table person drop column nickname`.execute(db);
    }
  });

  it('does not keep a statement that failed to compile: it works once its table exists', async () => {
    const query = () => sql<{ n: number }>`select count(*) as n from later_table`.execute(db);
    await expect(query()).rejects.toThrow(/no such table/);
    await sql`create table later_table (x integer)`.execute(db);
    try {
      expect((await query()).rows).toEqual([{ n: 0 }]);
    } finally {
      await sql`drop table later_table`.execute(db);
    }
  });

  it('finalizes the statements it lets go and those it keeps, so the database closes', async () => {
    const other = new Kysely<Database>({ dialect: new Sqlite3Dialect({ file: join(dir, 'cache.sqlite3') }) });
    for (let i = 0; i < STATEMENT_CACHE_SIZE + 40; i++) {
      expect((await sql<{ n: number }>`select ${sql.lit(i)} as n`.execute(other)).rows).toEqual([{ n: i }]);
    }
    // SQLite refuses to close a connection with a statement left unfinalized.
    await expect(other.destroy()).resolves.toBeUndefined();
  });
});
