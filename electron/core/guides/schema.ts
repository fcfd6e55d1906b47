/** Installed guide packs; the bundled pack is not stored (it ships with the app). */
export interface GuidePackTable {
  version: number;
  issued: string;
  issuer: string;
  key_id: string;
  file_bytes: number;
  guide_count: number;
  installed_at: string;
  installed_by: number | null;
  /** 1 for the pack in use (at most one row). */
  active: number;
}

/** Public keys of the province content team whose packs this point accepts. */
export interface GuideTrustedKeyTable {
  key_id: string;
  label: string;
  public_key_pem: string;
  added_at: string;
  added_by: number | null;
}

/** Progress of a guide followed for a ticket, for the logbook entry of that visit. */
export interface GuideSessionTable {
  /** The queue's ticket id; no foreign key, the queue domain owns tickets. */
  ticket_id: number;
  guide_id: string;
  /** JSON array of step keys done. */
  steps_done: string;
  stuck_step: string | null;
  /** JSON array of common-error keys that happened. */
  errors: string;
  member_id: number | null;
  pack_version: number;
  updated_at: string;
}

export interface GuidesTables {
  guide_pack: GuidePackTable;
  guide_trusted_key: GuideTrustedKeyTable;
  guide_session: GuideSessionTable;
}
