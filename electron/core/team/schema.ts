import type { Generated } from 'kysely';

export interface MemberTable {
  id: Generated<number>;
  full_name: string;
  /** The app role: what this account may do (citizen is never stored). */
  access_role: 'duty_member' | 'team_leader' | 'commune_official' | 'admin';
  /** Place in the team (seed §III.3); null for accounts outside the team (admin, official). */
  position: 'leader' | 'deputy' | 'member' | null;
  origin: string | null;
  sub_group: string | null;
  village: string | null;
  /** JSON array of help-kind keys. */
  skills: string;
  /** JSON array of language codes. */
  languages: string;
  phone: string | null;
  pin_hash: string;
  active: number;
  failed_pin_count: Generated<number>;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface TeamTables {
  member: MemberTable;
}
