import { Kysely } from 'kysely';
import { Sqlite3Dialect } from '#core/db/sqlite3-dialect';
import { DURABLE_PRAGMAS } from '#core/db/open';
import { buildOverview } from '#province/web/dashboard';
const db = new Kysely<any>({
  dialect: new Sqlite3Dialect({ file: process.argv[2]!, onOpen: [...DURABLE_PRAGMAS] }),
  log: (e) => { if (e.level === 'query' && e.queryDurationMillis > 5) console.log(Math.round(e.queryDurationMillis), e.query.sql.slice(0, 110)); },
});
const now = new Date('2026-12-31T12:00:00.000Z');
await buildOverview(db, { period: '2026' }, now);
console.log('----');
const s = performance.now();
await buildOverview(db, { period: '2026' }, now);
console.log('total', Math.round(performance.now() - s));
await db.destroy();
