import type { Generated } from 'kysely';
import type { StaffRole } from '#shared/contract/roles';
import type { ActivityKind, ActivityStatus } from '#shared/team/activities';
import type { Shift, ShiftMode } from '#shared/team/generate';
import type { Origin, SubGroup, TeamPosition } from '#shared/team/schemas';

/**
 * The team domain's tables. The province's reports read several of them (attendance,
 * activity, roster_shift): the comments say what each column means so a report can rely on it.
 * Days are Vietnamese calendar days 'YYYY-MM-DD'; instants are ISO strings in UTC.
 */
export interface MemberTable {
  id: Generated<number>;
  full_name: string;
  /** The app role: what this account may do (citizen is never stored). */
  access_role: StaffRole;
  /** Place in the team (seed §III.3); null for accounts outside the team (admin, official). */
  position: TeamPosition | null;
  /** Where the member comes from. */
  origin: Origin | null;
  /** Seed §III.4. */
  sub_group: SubGroup | null;
  village: string | null;
  /** JSON array of help-kind keys. */
  skills: string;
  /** JSON array of language codes. */
  languages: string;
  /** Personal: shown to leaders only, never sent to the province. */
  phone: string | null;
  /** When the member agreed to their phone number being kept (null: no phone kept). */
  phone_consent_at: Generated<string | null>;
  pin_hash: string;
  active: number;
  failed_pin_count: Generated<number>;
  locked_until: string | null;
  /** 1 when the PIN in use is one today's rules refuse (see settings/migrations/0700). */
  pin_change_required: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** The point's roster rules (one row). */
export interface RosterSettingTable {
  id: number;
  /** 'full': one full-day shift; 'halves': a morning and an afternoon shift. */
  shift_mode: ShiftMode;
  /** Members the generator puts on each shift (1–3, seed §IV.4.2.b). */
  per_shift: number;
  /** JSON array of weekdays (0 = Sunday … 6 = Saturday) that want a minority-language speaker. */
  language_weekdays: string;
  updated_at: string;
}

/** A change to the default calendar: a closed day, or a default holiday the point opens on. */
export interface ClosedDayTable {
  day: string;
  kind: 'closed' | 'open';
  reason: string | null;
  updated_at: string;
}

/** One month of the roster. `version` grows with every change after publication. */
export interface RosterMonthTable {
  /** 'YYYY-MM' */
  month: string;
  status: 'draft' | 'published';
  version: number;
  seed: number | null;
  published_at: string | null;
  published_by: number | null;
  updated_at: string;
}

/**
 * A member planned on duty on a day. One row per member and day. Sent to the province as
 * outbox entity 'roster_day' with entity_id = the day as the number YYYYMMDD and
 * version = roster_month.version, for every day of a month when it is published and for each
 * day changed afterwards; a report reads the day's rows at that time.
 */
export interface RosterShiftTable {
  id: Generated<number>;
  month: string;
  day: string;
  shift: Shift;
  member_id: number;
  /** 'auto' from the generator, 'manual' placed or swapped by hand. */
  source: 'auto' | 'manual';
}

/**
 * A change to a published month, told to the member it concerns. `changes` is a JSON array of
 * { day, before, after } with the shift ('full' | 'morning' | 'afternoon') or null (not on duty).
 */
export interface RosterNoticeTable {
  id: Generated<number>;
  member_id: number;
  month: string;
  version: number;
  changes: string;
  created_at: string;
  created_by: number | null;
  dismissed_at: string | null;
}

/** Leave or unavailability a member entered (or a leader for them). Inclusive range. */
export interface MemberUnavailableTable {
  id: Generated<number>;
  member_id: number;
  from_day: string;
  to_day: string;
  reason: string | null;
  created_at: string;
  created_by: number | null;
}

/**
 * A member's actual presence at the point on a day: signed in (and out) with their PIN.
 * Outbox entity 'attendance' with this id; `planned` says whether the roster had them that day.
 */
export interface AttendanceTable {
  id: Generated<number>;
  member_id: number;
  day: string;
  signed_in_at: string;
  signed_out_at: string | null;
  planned: number;
  version: Generated<number>;
  updated_at: string;
}

/**
 * An activity of the monthly plan (kinds: ACTIVITY_KINDS in shared/team/activities.ts).
 * Outbox entity 'activity' with (id, version). Only status 'done' counts as carried out;
 * people_reached and result are filled in afterwards.
 */
export interface ActivityTable {
  id: Generated<number>;
  kind: ActivityKind;
  day: string;
  /** 'HH:MM' or null. */
  start_time: string | null;
  place: string;
  village: string | null;
  responsible_member_id: number | null;
  target_group: string;
  /** Subject, e.g. the week's digital skill. */
  topic: string | null;
  status: ActivityStatus;
  people_reached: number | null;
  result: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface TeamTables {
  member: MemberTable;
  roster_setting: RosterSettingTable;
  closed_day: ClosedDayTable;
  roster_month: RosterMonthTable;
  roster_shift: RosterShiftTable;
  roster_notice: RosterNoticeTable;
  member_unavailable: MemberUnavailableTable;
  attendance: AttendanceTable;
  activity: ActivityTable;
}
