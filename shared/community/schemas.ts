import { z } from 'zod';
import { id } from '../contract/define';
import { MINORITY_LANGUAGES } from '../settings/schemas';
import { TEXT_KEY_PATTERN } from './keys';

export const communityLanguage = z.enum(MINORITY_LANGUAGES);
export type CommunityLanguage = z.output<typeof communityLanguage>;
export const textKey = z.string().max(160).regex(TEXT_KEY_PATTERN, 'community:problems.key');
export const translationText = z
  .string()
  .trim()
  .min(1, 'community:problems.required')
  .max(600, 'community:problems.tooLong');

/**
 * Recordings made with the PC's microphone (MediaRecorder: Opus in WebM, or Ogg). Checked by
 * their first bytes, not by what the sender says, and by size: a phrase is seconds long.
 */
export const AUDIO_TYPES = ['audio/webm', 'audio/ogg'] as const;
export type AudioType = (typeof AUDIO_TYPES)[number];
export const AUDIO_LIMITS = { minBytes: 200, maxBytes: 2 * 1024 * 1024 };
/** `audio/webm;codecs=opus` → `audio/webm`. */
export const audioType = z
  .string()
  .max(100)
  .transform((s) => s.split(';')[0]!.trim().toLowerCase())
  .pipe(z.enum(AUDIO_TYPES, 'community:problems.audioType'));

const entryBase = {
  language: communityLanguage,
  key: z.string(),
  text: z.string(),
  translatorName: z.string(),
  reviewed: z.boolean(),
  reviewerName: z.string().nullable(),
  hasAudio: z.boolean(),
  /** Made here, or brought by a signed pack from another commune (through the province). */
  origin: z.enum(['local', 'pack']),
  sourceCommune: z.string().nullable(),
};

/** What a citizen screen gets: the text, who made it and whether it was checked. */
export const publicEntry = z.object(entryBase);
export type PublicEntry = z.output<typeof publicEntry>;

/** What the team leader's screen gets. */
export const communityEntry = z.object({
  ...entryBase,
  translatorId: id.nullable(),
  reviewerId: id.nullable(),
  reviewedAt: z.string().nullable(),
  audio: z.object({ mime: z.enum(AUDIO_TYPES), bytes: z.number().int() }).nullable(),
  updatedAt: z.string(),
});
export type CommunityEntry = z.output<typeof communityEntry>;

export const sourceItem = z.object({
  key: z.string(),
  group: z.enum(['ui', 'guide']),
  guideId: z.string().nullable(),
  /** The Vietnamese text to translate. */
  source: z.string(),
});
export type SourceItem = z.output<typeof sourceItem>;

export const saveInput = z
  .object({ language: communityLanguage, key: textKey, text: translationText, translatorId: id })
  .strict();
export const reviewInput = z.object({ language: communityLanguage, key: textKey, reviewerId: id.nullable() }).strict();
export const entryRef = z.object({ language: communityLanguage, key: textKey }).strict();
export const recordInput = z
  .object({ language: communityLanguage, key: textKey, mime: audioType, base64: z.string().min(1) })
  .strict();
