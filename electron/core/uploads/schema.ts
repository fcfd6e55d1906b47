import type { RecordEntity, RecordState } from '#shared/uploads/batch';

export interface OutboxTable {
  id: number | undefined;
  entity: RecordEntity;
  entity_id: number;
  version: number;
  changed_at: string;
  /** The Vietnamese day the change belongs to. */
  day: string;
  /** Set when a batch takes the row; null while waiting. */
  batch_seq: number | null;
}

export interface UploadIdentityTable {
  id: number;
  point_id: string;
  sign_private_pem: string;
  sign_public: string;
  fingerprint: string;
  created_at: string;
  province_encrypt_key: string | null;
  province_sign_key: string | null;
  province_fingerprint: string | null;
  province_url: string | null;
  province_set_at: string | null;
  province_seal_key: string | null;
}

export interface UploadBatchTable {
  seq: number;
  batch_id: string;
  kind: 'closing' | 'on_demand';
  created_at: string;
  period_from: string | null;
  period_to: string | null;
  closes_days: string;
  record_count: number;
  manifest_hash: string;
  prev_hash: string;
  file_name: string;
  content: string;
  saved_at: string | null;
  sent_at: string | null;
  acknowledged_at: string | null;
  receipt: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

export interface UploadClosedDayTable {
  day: string;
  batch_seq: number;
  closed_at: string | null;
  closed_by: 'official' | 'automatic' | null;
}

/** The point's ledger of what the province holds: each record's newest version sent. */
export interface UploadSentTable {
  entity: RecordEntity;
  entity_id: number;
  version: number;
  day: string;
  state: RecordState;
  batch_seq: number;
}

export interface UploadsTables {
  outbox: OutboxTable;
  upload_identity: UploadIdentityTable;
  upload_batch: UploadBatchTable;
  upload_closed_day: UploadClosedDayTable;
  upload_sent: UploadSentTable;
}
