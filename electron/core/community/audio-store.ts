import { AppError } from '#shared/contract';
import { AUDIO_LIMITS, type AudioType } from '#shared/community/schemas';
import type { Db } from '../db/open';
import { sha256Hex } from '../crypto/signing';

/**
 * Recordings are kept in the database file in the data folder, not beside it: then a recording
 * is written in the same transaction as its text, goes into every backup and comes back with a
 * restore. They are small (a phrase is seconds of Opus, tens of kilobytes).
 */

/** What the first bytes say the file is: WebM/Matroska (EBML header) or Ogg; anything else is refused. */
export function sniffAudio(bytes: Buffer): AudioType | null {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'audio/webm';
  if (bytes.subarray(0, 4).toString('latin1') === 'OggS') return 'audio/ogg';
  return null;
}

/** Size and type checks a recording must pass, from a member's microphone or from a pack. */
export function audioProblem(bytes: Buffer, declared: AudioType): string | null {
  if (bytes.length < AUDIO_LIMITS.minBytes) return 'community:problems.audioEmpty';
  if (bytes.length > AUDIO_LIMITS.maxBytes) return 'community:problems.audioTooLarge';
  if (sniffAudio(bytes) !== declared) return 'community:problems.audioType';
  return null;
}

/** Store a checked recording once per content; returns its SHA-256. */
export async function storeAudio(db: Db, bytes: Buffer, mime: AudioType): Promise<string> {
  const problem = audioProblem(bytes, mime);
  if (problem) throw new AppError('invalid_input', {}, { base64: problem });
  const sha256 = sha256Hex(bytes);
  await db
    .insertInto('community_audio')
    .values({ sha256, mime, bytes: bytes.length, data: bytes })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha256;
}

export async function readAudio(db: Db, sha256: string): Promise<{ mime: AudioType; data: Buffer }> {
  const row = await db
    .selectFrom('community_audio')
    .select(['mime', 'data'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return { mime: row.mime, data: Buffer.from(row.data) };
}

/** Drop recordings no translation refers to any more (replaced or deleted). */
export async function sweepAudio(db: Db): Promise<void> {
  await db
    .deleteFrom('community_audio')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('community_text')
            .select('key')
            .whereRef('community_text.audio_sha256', '=', 'community_audio.sha256'),
        ),
      ),
    )
    .execute();
}
