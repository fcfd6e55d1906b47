import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';
import type { Migration } from '#core/db/migration';

/** An id the database numbers itself: `integer primary key` on SQLite, `serial` on PostgreSQL. */
// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema of its day.
function withId(db: Kysely<any>, table: CreateTableBuilder<string, never>) {
  const postgres = isPostgres(db);
  return table.addColumn('id', postgres ? 'serial' : 'integer', (c) => c.primaryKey());
}

/**
 * The hub's people and systems: accounts with a role and a scrypt password hash, their sessions
 * (only a hash of the cookie's token is kept), the sign-in failures that lock an account, API
 * tokens for other provincial systems (read only), and an audit row for every change made
 * through the hub. Written with Kysely's schema builder only, so it runs on SQLite and PostgreSQL.
 */
export const provinceMigration0004: Migration = {
  name: '0004_hub_accounts',
  async up(db) {
    await withId(db, db.schema.createTable('hub_account'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('viewer', 'province_admin')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lock_rounds', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .execute();
    await db.schema
      .createTable('hub_session')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'integer', (c) => c.notNull().references('hub_account.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await withId(db, db.schema.createTable('hub_api_token'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await withId(db, db.schema.createTable('hub_audit'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('account_id', 'integer', (c) => c.references('hub_account.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('hub_audit_at').on('hub_audit').column('at').execute();
  },
};
