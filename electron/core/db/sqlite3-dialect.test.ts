import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestApp } from '../testing';

describe('sqlite3 dialect', () => {
  it('serialises: a transaction rolled back takes none of the concurrent outside writes with it', async () => {
    const app = await openTestApp({ setup: false });
    try {
      await sql`create table probe (v text) strict`.execute(app.db);
      const failing = app.db.transaction().execute(async (trx) => {
        await trx.insertInto('probe' as never).values({ v: 'inside' } as never).execute();
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('roll back');
      });
      const outside = [1, 2, 3].map((i) => app.db.insertInto('probe' as never).values({ v: `outside-${i}` } as never).execute());
      await expect(failing).rejects.toThrow('roll back');
      await Promise.all(outside);
      const rows = await sql<{ v: string }>`select v from probe order by v`.execute(app.db);
      expect(rows.rows.map((r) => r.v)).toEqual(['outside-1', 'outside-2', 'outside-3']);
    } finally {
      await app.cleanup();
    }
  });

  it('streams large reads in chunks and returns insert ids', async () => {
    const app = await openTestApp({ setup: false });
    try {
      await sql`create table numbers (n integer primary key) strict`.execute(app.db);
      const result = await sql`insert into numbers (n) with recursive c(x) as (select 1 union all select x + 1 from c where x < 2500) select x from c`.execute(app.db);
      expect(result.numAffectedRows).toBe(2500n);
      let seen = 0;
      for await (const row of app.db.selectFrom('numbers' as never).selectAll().stream(100)) {
        seen += (row as { n: number }).n > 0 ? 1 : 0;
      }
      expect(seen).toBe(2500);
      const insert = await app.db.insertInto('numbers' as never).values({ n: 9999 } as never).executeTakeFirst();
      expect(insert.insertId).toBe(9999n);
    } finally {
      await app.cleanup();
    }
  });
});
