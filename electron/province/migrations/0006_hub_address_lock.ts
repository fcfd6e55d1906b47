import type { Migration } from '#core/db/migration';

/**
 * Wrong sign-ins per network address (the socket's, never a header), whichever accounts they
 * named: a stranger guessing across many accounts is stopped by the address's own growing lock
 * (electron/core/settings/lock.ts), while the accounts' locks stop one account being guessed.
 * Numbered 0006: 0005 is left to the ingest work done beside this.
 */
export const provinceMigration0006: Migration = {
  name: '0006_hub_address_lock',
  async up(db) {
    await db.schema
      .createTable('hub_address_lock')
      .addColumn('address', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rounds', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('last_failure_at', 'text', (c) => c.notNull())
      .execute();
  },
};
