import { z } from 'zod';
import { COMMON_PROCEDURES } from '../logbook/vocabulary';
import { HELP_KIND_KEYS } from '../team/schemas';

/**
 * The guide pack format (format version 1). Guides are content the province updates without a
 * new app release, so everything a guide shows is data checked here; the app trusts nothing else.
 * Documented for content writers in content/guides/README.md.
 */
export const PACK_FORMAT_VERSION = 1;

/** Languages a guide may carry. `vi` is always required; the others are added when supplied. */
export const GUIDE_LANGUAGES = ['vi', 'en', 'jrai', 'bahnar'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];

const line = (max: number) => z.string().trim().min(1).max(max);

/** A text in several languages: `{ "vi": "…", "en": "…" }`. */
export const localized = (max: number) =>
  z
    .object({ vi: line(max), en: line(max).optional(), jrai: line(max).optional(), bahnar: line(max).optional() })
    .strict();
export type Localized = z.output<ReturnType<typeof localized>>;

/** Stable lower-case identifiers (guide ids, step keys, error keys): `vneid-level-1`. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens').max(60);
/** Official national procedure code as on the national portal: `1.001193`. */
export const procedureCode = z.string().regex(/^\d\.\d{6}$/, 'official code like 1.001193');
/** Pictures are SVG files next to guide.json; videos are short MP4/WebM files. Plain names only. */
export const pictureFile = z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}\.svg$/, 'file name like step-1.svg');
export const videoFile = z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}\.(mp4|webm)$/, 'file name like step-1.mp4');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');
const httpsUrl = z.url({ protocol: /^https$/ }).max(500);

/** What a guide is about: a logbook procedure, or a kind of help for non-procedure guides. */
export const PROCEDURE_KEYS = [...new Set<string>([...COMMON_PROCEDURES, ...HELP_KIND_KEYS])] as [string, ...string[]];

export const guideStep = z
  .object({
    /** Stable key: guided-mode progress and the province's "which step fails" figures use it. */
    key: slug,
    /** Short instruction, one action: "Mở ứng dụng VNeID". */
    instruction: localized(160),
    /** Optional extra explanation under the instruction. */
    detail: localized(600).optional(),
    picture: pictureFile,
    /** What the screen should show once the step is done; also the picture's text alternative. */
    screenShows: localized(300),
    video: videoFile.optional(),
  })
  .strict();
export type GuideStep = z.output<typeof guideStep>;

export const commonError = z
  .object({
    key: slug,
    /** What the citizen sees or what goes wrong. */
    whatHappens: localized(300),
    whatToDo: localized(600),
    /** Step where this error usually happens, by step key. */
    step: slug.optional(),
  })
  .strict();
export type CommonError = z.output<typeof commonError>;

export const FEE_ONLINE = ['free', 'lower', 'same', 'unknown'] as const;

export const guide = z
  .object({
    id: slug,
    /** Languages every text of this guide is written in; must include `vi`. */
    languages: z.array(z.enum(GUIDE_LANGUAGES)).min(1).refine((l) => l.includes('vi') && new Set(l).size === l.length, 'must include vi, no repeats'),
    /** Main official code, where there is one; related codes (sub-procedures of a bundle) apart. */
    procedureCode: procedureCode.optional(),
    relatedCodes: z.array(procedureCode).max(10).default([]),
    procedureKey: z.enum(PROCEDURE_KEYS),
    helpKind: z.enum(HELP_KIND_KEYS),
    /** Position in lists (smaller first). */
    order: z.number().int().min(0).max(9999).default(100),
    title: localized(120),
    summary: localized(400),
    /** Who the guide is for: "Cha mẹ có con mới sinh". */
    audience: localized(300),
    /** VNeID level needed before starting (0 = none). */
    vneidLevel: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    prerequisites: z.array(localized(300)).max(12).default([]),
    documents: z.array(localized(300)).max(20).default([]),
    fee: z
      .object({
        summary: localized(300),
        inPersonVnd: z.number().int().min(0).optional(),
        onlineVnd: z.number().int().min(0).optional(),
        online: z.enum(FEE_ONLINE),
      })
      .strict()
      .optional(),
    /** Legal processing time, in words: "1 ngày làm việc". */
    processingTime: localized(300).optional(),
    /** How the result comes back (VNeID, SMS, at the commune, by post). */
    resultDelivery: localized(400).optional(),
    steps: z.array(guideStep).min(1).max(20),
    commonErrors: z.array(commonError).max(20).default([]),
    officialLink: httpsUrl.optional(),
    /** What the guide was checked against (law, portal page); at least one. */
    sources: z.array(z.object({ title: line(300), url: httpsUrl.optional() }).strict()).min(1).max(10),
    lastChecked: isoDate,
    /** True only when every fact was checked against the live official page. */
    verified: z.boolean(),
    /** What is still unverified; required when `verified` is false. Shown to staff, not citizens. */
    unverifiedNotes: z.array(localized(400)).max(10).default([]),
    /** Everyday words people type: "làm giấy khai sinh", "đăng ký cho con". Any language. */
    keywords: z.array(line(80)).max(40).default([]),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (!g.verified && g.unverifiedNotes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['unverifiedNotes'], message: 'required when verified is false' });
    }
    unique(g.steps.map((s) => s.key), ['steps'], ctx);
    unique(g.commonErrors.map((e) => e.key), ['commonErrors'], ctx);
    const stepKeys = new Set(g.steps.map((s) => s.key));
    g.commonErrors.forEach((e, i) => {
      if (e.step && !stepKeys.has(e.step)) ctx.addIssue({ code: 'custom', path: ['commonErrors', i, 'step'], message: `no step with key ${e.step}` });
    });
    for (const { path, text } of localizedFields(g)) {
      for (const lang of g.languages) {
        if (!text[lang]) ctx.addIssue({ code: 'custom', path: [...path, lang], message: `missing ${lang} text (guide declares ${lang})` });
      }
    }
  });
export type Guide = z.output<typeof guide>;
export type GuideInput = z.input<typeof guide>;

/**
 * Header of a pack. In the source folder (content/guides/pack.json) only the first four fields are
 * written by hand; the build/sign step fills `guides` and `files` (paths relative to the pack root).
 */
export const packHeader = z
  .object({
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    /** Whole number that goes up with every release; the app only accepts a higher one. */
    packVersion: z.number().int().min(1),
    issued: isoDate,
    issuer: line(200),
  })
  .strict();
export type PackHeader = z.output<typeof packHeader>;

/** Path of a file inside a pack: `<guide id>/<file name>`. Nothing else is allowed. */
export const packPath = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9][a-z0-9-]{0,60}\.(json|svg|mp4|webm)$/, 'path like guide-id/file.svg');

export const packFile = z.object({ path: packPath, sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(1) }).strict();
export type PackFile = z.output<typeof packFile>;

export const packManifest = packHeader
  .extend({
    guides: z.array(z.object({ id: slug, path: packPath }).strict()).min(1).max(200),
    files: z.array(packFile).min(1).max(2000),
  })
  .strict()
  .superRefine((m, ctx) => {
    unique(m.guides.map((g) => g.id), ['guides'], ctx);
    unique(m.files.map((f) => f.path), ['files'], ctx);
    const paths = new Set(m.files.map((f) => f.path));
    m.guides.forEach((g, i) => {
      if (g.path !== `${g.id}/guide.json`) ctx.addIssue({ code: 'custom', path: ['guides', i, 'path'], message: 'must be <id>/guide.json' });
      if (!paths.has(g.path)) ctx.addIssue({ code: 'custom', path: ['guides', i, 'path'], message: 'not listed in files' });
    });
  });
export type PackManifest = z.output<typeof packManifest>;

/** File names a guide refers to (pictures and videos), for the "every referenced file exists" check. */
export function referencedFiles(g: Guide): string[] {
  return [...new Set(g.steps.flatMap((s) => (s.video ? [s.picture, s.video] : [s.picture])))];
}

/** Every localized text in a guide with its path, so translation completeness can be checked. */
export function localizedFields(g: Guide): { path: (string | number)[]; text: Localized }[] {
  const out: { path: (string | number)[]; text: Localized }[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') {
      if (typeof (value as { vi?: unknown }).vi === 'string') out.push({ path, text: value as Localized });
      else for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(g, []);
  return out;
}

function unique(keys: string[], path: (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `duplicate ${k}` });
    seen.add(k);
  });
}
