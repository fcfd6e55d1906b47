export interface OutboxTable {
  id: number | undefined;
  /** 'logbook_entry' | 'ticket' | 'attendance' | 'activity' | … */
  entity: string;
  entity_id: number;
  version: number;
  changed_at: string;
  /** The Vietnamese day the change belongs to. */
  day: string;
  /** Set when a batch takes the row; null while waiting. */
  batch_seq: number | null;
}

export interface UploadsTables {
  outbox: OutboxTable;
}
