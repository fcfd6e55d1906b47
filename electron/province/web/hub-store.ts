import type { Kysely } from 'kysely';
import { openProvinceStore, type ProvinceDatabase, type ProvinceDb } from '../store';

/** The hub's own tables (migrations 0004 and 0006) beside the province store's. */
export interface HubTables {
  hub_account: {
    id: number | undefined;
    name: string;
    role: 'viewer' | 'province_admin';
    password_hash: string;
    active: number;
    created_at: string;
    created_by: string;
    failures: number;
    lock_rounds: number;
    locked_until: string | null;
  };
  hub_session: { token_hash: string; account_id: number; created_at: string; expires_at: string };
  hub_api_token: {
    id: number | undefined;
    token_hash: string;
    label: string;
    created_at: string;
    created_by: string;
    revoked_at: string | null;
  };
  hub_address_lock: {
    address: string;
    failures: number;
    rounds: number;
    locked_until: string | null;
    last_failure_at: string;
  };
  hub_audit: { id: number | undefined; at: string; account_id: number | null; action: string; detail: string };
}
export type HubDatabase = ProvinceDatabase & HubTables;
export type HubDb = Kysely<HubDatabase>;

/** The province store: its migrations (store.ts) include the hub's own (0004). */
export async function openHubStore(file: string): Promise<HubDb> {
  return hubStoreOf(await openProvinceStore(file));
}

export function hubStoreOf(store: ProvinceDb): HubDb {
  return store as unknown as HubDb;
}
