import type { Generated } from 'kysely';
import type { CommonProcedure, Outcome } from '#shared/logbook/vocabulary';
import type { TicketStatus } from '#shared/queue/schemas';
import type { Language } from '#shared/settings/schemas';
import type { HelpKind } from '#shared/team/schemas';

/**
 * One row per ticket, kept for ever (history and the province's figures). The logbook reads
 * this table to prefill an entry from `#/staff/logbook/new?ticket=<id>`.
 *
 * Times are ISO instants (UTC); `day` is the Vietnamese day the ticket was issued on.
 */
export interface QueueTicketTable {
  id: Generated<number>;
  /** Vietnamese day of issue, 'YYYY-MM-DD'; numbering restarts each day. */
  day: string;
  /** Ticket letter of the kind of help it was issued for (kept on transfer: the number stays). */
  prefix: string;
  /** Sequence of that letter that day, from 1. */
  seq: number;
  /** 'A012'; UNIQUE(day, number). */
  number: string;
  /** Current (changes on transfer to another kind of help). */
  help_kind: HelpKind;
  procedure: CommonProcedure | null;
  /** JSON array of PRIORITY_GROUPS keys; '[]' for a normal ticket. */
  priority_groups: string;
  /** 1 when priority_groups is not empty (the interleaving rule reads it). */
  priority: number;
  /** The language the citizen chose. */
  language: Language;
  /** 1 when the citizen agreed to leave a name/phone; without it both are null. */
  consent: number;
  citizen_name: string | null;
  citizen_phone: string | null;
  status: TicketStatus;
  /** Desk that called/served it last. */
  desk: number | null;
  /** Set by a transfer to a desk: only that desk calls it. */
  target_desk: number | null;
  /** Member who called/served it last. */
  member_id: number | null;
  /** 1 for someone served without a ticket (made at the desk). */
  walk_in: number;
  issued_at: string;
  /** Place in line: issue time, or the time it was put back. */
  queued_at: string;
  called_at: string | null;
  served_at: string | null;
  finished_at: string | null;
  /** Set when finished. */
  outcome: Outcome | null;
  /** `kiosk`, `staff`, `board`, or `lan-<tag>` for a LAN device (queue/migrations/0102). */
  source: Generated<string | null>;
  /** Set when the desk voided the ticket as part of a flood (its status is `expired`). */
  voided_at: Generated<string | null>;
  recall_count: number;
  transfer_count: number;
  updated_at: string;
}

/** Every call and recall, in order: the board's feed and the interleaving rule's memory. */
export interface QueueCallTable {
  id: Generated<number>;
  ticket_id: number;
  day: string;
  number: string;
  desk: number;
  kind: 'call' | 'recall';
  priority: number;
  at: string;
}

/** Desks open now: who sits where. */
export interface QueueDeskTable {
  desk: number;
  member_id: number;
  /** Vietnamese day it was opened; a desk left open overnight counts as closed. */
  day: string;
  opened_at: string;
}

/** The queue's settings: one row, id = 1. */
export interface QueueSettingTable {
  id: number;
  normals_per_priority: number;
  max_wait_minutes: number;
  recalls_before_no_show: number;
  ticket_idle_seconds: number;
  choice_idle_seconds: number;
  receipt_printer: number;
  updated_at: string;
}

export interface QueueTables {
  queue_ticket: QueueTicketTable;
  queue_call: QueueCallTable;
  queue_desk: QueueDeskTable;
  queue_setting: QueueSettingTable;
}
