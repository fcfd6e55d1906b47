import { z } from 'zod';
import { signedArchive } from '../guides/pack-format';
import { AUDIO_TYPES, communityLanguage, textKey, translationText } from './schemas';

/**
 * Community translations travel like guide packs. A point exports a submission (unsigned, read
 * and listened to at the province); the province's content team signs a pack of the ones it
 * accepts with the same Ed25519 key as guide packs; every point that trusts that key imports it.
 *
 *   submission  { format: "dhs-community-submission", version: 1, commune, point, exportedAt,
 *                 items: [{ language, key, text, translatorName, reviewerName (null: not checked),
 *                           audio: { mime, base64 } | null }] }
 *   pack        { format: "dhs-community-pack", manifest: base64(manifest JSON),
 *                 signature: { algorithm: "ed25519", keyId, value }, files: { "audio/<name>": base64 } }
 *   manifest    { packVersion, issued, issuer, items: [{ …item, sourceCommune, audio: path | null }],
 *                 files: [{ path, bytes, sha256 }] }
 */
export const COMMUNITY_PACK_FORMAT = 'dhs-community-pack';
export const COMMUNITY_PACK_EXTENSION = '.dhscommunity';
export const SUBMISSION_FORMAT = 'dhs-community-submission';

export const COMMUNITY_PACK_LIMITS = {
  fileBytes: 60 * 1024 * 1024,
  manifestBytes: 2 * 1024 * 1024,
  perType: { webm: 2 * 1024 * 1024, ogg: 2 * 1024 * 1024 } as Record<string, number>,
};

const name = z.string().trim().min(1).max(120);
const item = {
  language: communityLanguage,
  key: textKey,
  text: translationText,
  translatorName: name,
  /** Who checked it (another speaker); null: not checked yet. */
  reviewerName: name.nullable(),
};

export const submissionFile = z
  .object({
    format: z.literal(SUBMISSION_FORMAT),
    version: z.literal(1),
    commune: name,
    point: name,
    exportedAt: z.string().max(40),
    items: z
      .array(
        z
          .object({ ...item, audio: z.object({ mime: z.enum(AUDIO_TYPES), base64: z.string().min(1) }).nullable() })
          .strict(),
      )
      .max(5000),
  })
  .strict();
export type SubmissionFile = z.output<typeof submissionFile>;

export const communityManifest = z
  .object({
    packVersion: z.number().int().min(1),
    issued: z.string().max(40),
    issuer: name,
    items: z.array(z.object({ ...item, sourceCommune: name, audio: z.string().max(80).nullable() }).strict()).max(5000),
    files: z
      .array(
        z
          .object({
            path: z.string().max(80),
            bytes: z.number().int().min(0),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
          })
          .strict(),
      )
      .max(5000),
  })
  .strict();
export type CommunityManifest = z.output<typeof communityManifest>;

export const communityArchive = signedArchive(COMMUNITY_PACK_FORMAT);

/** `audio/<first 40 hex of the SHA-256>.<ext>`: fits the pack path rule and names the sound by its content. */
export function audioPath(sha256: string, mime: (typeof AUDIO_TYPES)[number]): string {
  return `audio/${sha256.slice(0, 40)}.${mime === 'audio/ogg' ? 'ogg' : 'webm'}`;
}
