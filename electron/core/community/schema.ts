import type { AudioType, CommunityLanguage } from '#shared/community/schemas';

/**
 * A translation written by a team member who speaks the language. No foreign key to `member`:
 * the name is kept as it was when the text was written (it is shown with the text), and texts
 * from other communes name people who are not members here.
 */
export interface CommunityTextTable {
  language: CommunityLanguage;
  /** `ui:<ns>:<path>` or `guide:<id>:title|step:<key>` (shared/community/keys.ts). */
  key: string;
  text: string;
  translator_id: number | null;
  translator_name: string;
  reviewer_id: number | null;
  reviewer_name: string | null;
  reviewed_at: string | null;
  /** The recording, in community_audio. */
  audio_sha256: string | null;
  origin: 'local' | 'pack';
  source_commune: string | null;
  pack_version: number | null;
  updated_at: string;
  updated_by: number | null;
}

/** Recordings by content hash; small (seconds of Opus), kept in the database so backups carry them. */
export interface CommunityAudioTable {
  sha256: string;
  mime: AudioType;
  bytes: number;
  data: Buffer | Uint8Array;
}

export interface CommunityPackTable {
  version: number;
  issued: string;
  issuer: string;
  key_id: string;
  item_count: number;
  installed_at: string;
  installed_by: number | null;
}

export interface CommunityTables {
  community_text: CommunityTextTable;
  community_audio: CommunityAudioTable;
  community_pack: CommunityPackTable;
}
