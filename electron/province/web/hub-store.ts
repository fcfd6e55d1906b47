import type { Kysely } from 'kysely';
import { migrate } from '../../core/db/migrate';
import { provinceMigration0003 } from '../migrations/0003_hub_accounts';
import { openProvinceStore, PROVINCE_MIGRATIONS, type ProvinceDatabase, type ProvinceDb } from '../store';

/** The hub's own tables (migration 0003) beside the province store's. */
export interface HubTables {
  hub_account: {
    id: number | undefined; name: string; role: 'viewer' | 'province_admin'; password_hash: string; active: number;
    created_at: string; created_by: string; failures: number; lock_rounds: number; locked_until: string | null;
  };
  hub_session: { token_hash: string; account_id: number; created_at: string; expires_at: string };
  hub_api_token: { id: number | undefined; token_hash: string; label: string; created_at: string; created_by: string; revoked_at: string | null };
  hub_audit: { id: number | undefined; at: string; account_id: number | null; action: string; detail: string };
}
export type HubDatabase = ProvinceDatabase & HubTables;
export type HubDb = Kysely<HubDatabase>;

/** Every migration the hub needs, in order: the store's, then the hub's own. */
export const HUB_MIGRATIONS = [...PROVINCE_MIGRATIONS.filter((m) => m.name !== provinceMigration0003.name), provinceMigration0003] as const;

/** The province store with the hub's tables on it. */
export async function openHubStore(file: string): Promise<HubDb> {
  return hubStoreOf(await openProvinceStore(file));
}

export async function hubStoreOf(store: ProvinceDb): Promise<HubDb> {
  await migrate(store, HUB_MIGRATIONS);
  return store as unknown as HubDb;
}
