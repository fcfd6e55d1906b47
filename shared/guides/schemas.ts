import { z } from 'zod';
import { HELP_KIND_KEYS } from '../team/schemas';
import { GUIDE_LANGUAGES, localized, PROCEDURE_KEYS, slug, type Guide } from './pack-schema';

/** Form problems are i18n keys under `guides:problems.*`. */
export const guideSummary = z.object({
  id: z.string(),
  title: localized(120),
  summary: localized(400),
  helpKind: z.enum(HELP_KIND_KEYS),
  procedureKey: z.enum(PROCEDURE_KEYS),
  procedureCode: z.string().nullable(),
  stepCount: z.number().int(),
  languages: z.array(z.enum(GUIDE_LANGUAGES)),
  verified: z.boolean(),
  /** The card's pictogram, as a data: URL. */
  cover: z.string(),
});
export type GuideSummary = z.output<typeof guideSummary>;

export const packInfo = z.object({
  version: z.number().int(),
  issued: z.string(),
  issuer: z.string(),
  source: z.enum(['bundled', 'imported']),
});
export type PackInfo = z.output<typeof packInfo>;

export const guideView = z.object({
  pack: packInfo,
  /** Already checked against the pack schema when the pack was loaded; not parsed again per call. */
  guide: z.custom<Guide>((v) => typeof v === 'object' && v !== null && 'steps' in v),
  /** Picture file name → data: URL (SVG), so pictures show the same in both shells, offline. */
  pictures: z.record(z.string(), z.string()),
  /** URL prefix of the pack's videos and captions on disk, or null when the pack has none. */
  mediaBase: z.string().nullable(),
});
export type GuideView = z.output<typeof guideView>;

const ticketId = z.number().int().positive();

export const sessionInput = z.object({
  ticketId,
  guideId: slug,
  stepsDone: z.array(slug).max(20),
  stuckStep: slug.nullable(),
  errors: z.array(slug).max(20),
});
export type SessionInput = z.input<typeof sessionInput>;

export const guideSession = sessionInput.extend({ updatedAt: z.string(), packVersion: z.number().int() });
export type GuideSession = z.output<typeof guideSession>;

export const trustedKeyInput = z.object({
  label: z.string().trim().min(1, 'guides:problems.required').max(120, 'guides:problems.tooLong'),
  publicKeyPem: z
    .string()
    .trim()
    .min(1, 'guides:problems.required')
    .max(2000, 'guides:problems.badKey')
    .regex(/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/, 'guides:problems.badKey'),
});
export type TrustedKeyInput = z.input<typeof trustedKeyInput>;

export const packStatus = z.object({
  active: packInfo.extend({ installedAt: z.string().nullable(), guideCount: z.number().int() }),
  bundledVersion: z.number().int(),
  installed: z.array(
    z.object({
      version: z.number().int(),
      issued: z.string(),
      issuer: z.string(),
      keyId: z.string(),
      installedAt: z.string(),
      active: z.boolean(),
    }),
  ),
  keys: z.array(z.object({ keyId: z.string(), label: z.string(), addedAt: z.string() })),
});
export type PackStatus = z.output<typeof packStatus>;
