import type { StaffRole } from '#shared/contract/roles';

export interface PointSettingTable {
  id: number;
  commune_name: string;
  is_pilot_commune: number;
  commune_code: string | null;
  point_name: string;
  address: string;
  desk_count: number;
  open_time: string;
  close_time: string;
  saturday_open: number;
  /** JSON array of minority language codes spoken in the commune. */
  local_languages: string;
  configured_at: string;
}

export interface SessionTable {
  /** SHA-256 of the bearer token: a copied database file gives no usable session. */
  token_hash: string;
  member_id: number;
  role: StaffRole;
  created_at: string;
  expires_at: string;
}

export interface AuditEventTable {
  id: number | undefined;
  at: string;
  member_id: number | null;
  action: string;
  detail: string;
}

export interface PinStateTable {
  member_id: number;
  scope: 'own' | 'lan';
  failures: number;
  rounds: number;
  locked_until: string | null;
}

export interface SettingsTables {
  pin_state: PinStateTable;
  point_setting: PointSettingTable;
  session: SessionTable;
  audit_event: AuditEventTable;
}
