import type { Generated } from 'kysely';

/**
 * An entry is a stable identity plus immutable versions. The entry row also carries copies of
 * the current version's filter fields, so lists over years of data use indexes, not JSON scans.
 */
export interface LogbookEntryTable {
  id: Generated<number>;
  day: string;
  time: string;
  ticket_id: number | null;
  current_version: number;
  channel: string;
  outcome: string;
  /** JSON arrays of the current version, for filters. */
  help_kinds: string;
  member_ids: string;
  village_fold: string | null;
  /** Search keys of the current version's consented contact details; null once erased. */
  name_fold: string | null;
  phone_digits: string | null;
  created_at: string;
  created_by: number | null;
  erased_at: string | null;
  erased_by: number | null;
  erased_reason: 'retention' | 'request' | null;
}

export interface LogbookVersionTable {
  entry_id: number;
  version: number;
  /** JSON: every field that is not personal (counts are made from these). */
  facts: string;
  /** JSON: name, phone, birth year, ethnicity; null when none were given or once erased. */
  person: string | null;
  /** JSON: { contact, ethnicity, disability } → { at, by } or null; when and by whom consent was recorded. */
  consent: string;
  recorded_at: string;
  recorded_by: number | null;
  reason: string | null;
  /** Saved after the day was closed: an amendment. */
  late: number;
}

export interface LogbookDayCloseTable {
  day: string;
  closed_at: string;
  closed_by: number | null;
}

export interface LogbookSettingTable {
  id: number;
  retention_months: number;
}

export interface LogbookTables {
  logbook_entry: LogbookEntryTable;
  logbook_version: LogbookVersionTable;
  logbook_day_close: LogbookDayCloseTable;
  logbook_setting: LogbookSettingTable;
}
