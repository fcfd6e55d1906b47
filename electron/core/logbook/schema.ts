import type { ColumnType, Generated } from 'kysely';
import type { Channel, Outcome } from '#shared/logbook/vocabulary';

/** A column with a default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

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
  channel: Channel;
  outcome: Outcome;
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
  /** JSON array of what the entry still lacks (`EntryGap`); '[]' once complete. */
  gaps: Defaulted<string>;
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

/**
 * A closed day of the book. `automatic`: nobody closed it, the point did the next working
 * morning. `carried`: JSON `{ tickets: [{id, number, status}], entries: [ids] }`, what was still
 * open then. Rows are never deleted or changed, except `seen_*` (an official's acknowledgement).
 */
export interface LogbookDayCloseTable {
  day: string;
  closed_at: string;
  closed_by: number | null;
  automatic: Defaulted<number>;
  carried: Defaulted<string>;
  seen_at: Defaulted<string | null>;
  seen_by: Defaulted<number | null>;
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
