import { z } from 'zod';
import { COMMON_PROCEDURES } from '../logbook/vocabulary';
import { HELP_KIND_KEYS } from '../team/schemas';

/**
 * The guide pack format (format version 2). Guides are content the province updates without a
 * new app release, so everything a guide shows is data checked here; the app trusts nothing else.
 * Documented for content writers in content/guides/README.md.
 *
 * Version 2 makes every fact traceable: each source has an id and a link, and a fact (a fee, a
 * time limit, a paper to bring, a step's menu labels) names the sources it was compared with and
 * the day it was. A fact without that is shown to citizens as not confirmed.
 */
export const PACK_FORMAT_VERSION = 2;

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

/** Stable lower-case identifiers (guide ids, step keys, error keys, source ids): `vneid-level-1`. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens')
  .max(60);
/** Official national procedure code as on the national portal: `1.001193`. */
export const procedureCode = z.string().regex(/^\d\.\d{6}$/, 'official code like 1.001193');
/** Pictures are SVG files next to guide.json; videos are short MP4/WebM files with WebVTT captions. Plain names only. */
export const pictureFile = z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}\.svg$/, 'file name like step-1.svg');
export const videoFile = z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}\.(mp4|webm)$/, 'file name like step-1.mp4');
export const captionsFile = z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}\.vtt$/, 'file name like walkthrough-vi.vtt');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');
const httpsUrl = z.url({ protocol: /^https$/ }).max(500);
/** Sources may be plain http: many provincial and press pages still are, and a reviewer can open them. */
const webUrl = z.url({ protocol: /^https?$/ }).max(500);

/** What kind of text a source is, so a reviewer knows how much weight it carries. */
export const SOURCE_KINDS = ['law', 'official', 'press', 'copy'] as const;

/** A page a fact was compared with. `copy` is a third party's stored copy of an official page. */
export const guideSource = z
  .object({
    id: slug,
    title: line(300),
    url: webUrl,
    kind: z.enum(SOURCE_KINDS),
    /** Date the page itself carries, when it shows one. */
    published: isoDate.optional(),
  })
  .strict();
export type GuideSource = z.output<typeof guideSource>;

/**
 * Why a fact may be shown as confirmed: the sources (ids in the guide's `sources`) it was compared
 * with, and the day. Without a basis the fact is shown as "not confirmed" to everyone.
 */
export const factBasis = z.object({ sources: z.array(slug).min(1).max(6), checked: isoDate }).strict();
export type FactBasis = z.output<typeof factBasis>;

/** A fact a citizen relies on: its text and, when it was checked, its basis. */
export const fact = (max: number) => z.object({ text: localized(max), basis: factBasis.optional() }).strict();
export type Fact = z.output<ReturnType<typeof fact>>;

/** What kind of procedure or help a guide is about: a logbook procedure, or a kind of help. */
export const PROCEDURE_KEYS = [...new Set<string>([...COMMON_PROCEDURES, ...HELP_KIND_KEYS])] as [string, ...string[]];

export const guideStep = z
  .object({
    /** Stable key: guided-mode progress, translations and the province's "which step fails" figures use it. */
    key: slug,
    /** Short instruction, one action: "Mở ứng dụng VNeID". */
    instruction: localized(160),
    /** Optional extra explanation under the instruction. */
    detail: localized(600).optional(),
    picture: pictureFile,
    /** What the screen should show once the step is done; also the picture's text alternative. */
    screenShows: localized(300),
    /** Where the step's actions and the labels it quotes were checked; absent = labels not confirmed. */
    basis: factBasis.optional(),
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
    basis: factBasis.optional(),
  })
  .strict();
export type CommonError = z.output<typeof commonError>;

export const FEE_ONLINE = ['free', 'lower', 'same', 'unknown'] as const;

/**
 * The video or animated walk-through of the whole guide (the decision asks for video). Every guide
 * has the slot; `planned` means none is recorded yet, `recorded` needs the video and its captions.
 */
export const walkthrough = z
  .object({
    status: z.enum(['planned', 'recorded']),
    video: videoFile.optional(),
    captions: captionsFile.optional(),
    /** Picture shown before the video plays. */
    poster: pictureFile.optional(),
    /** What the video should show, for whoever records it. */
    script: localized(1200).optional(),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (w.status === 'recorded' && (!w.video || !w.captions))
      ctx.addIssue({
        code: 'custom',
        path: ['video'],
        message: 'a recorded walk-through needs its video and captions',
      });
    if (w.status === 'planned' && (w.video || w.captions))
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'files given but status is planned' });
  });
export type Walkthrough = z.output<typeof walkthrough>;

export const guide = z
  .object({
    id: slug,
    /** Languages every text of this guide is written in; must include `vi`. */
    languages: z
      .array(z.enum(GUIDE_LANGUAGES))
      .min(1)
      .refine((l) => l.includes('vi') && new Set(l).size === l.length, 'must include vi, no repeats'),
    /** Main official code, where there is one; related codes (sub-procedures of a bundle) apart. */
    procedureCode: procedureCode.optional(),
    relatedCodes: z.array(procedureCode).max(10).default([]),
    /** Where the codes were found: codes are facts too. */
    codeBasis: factBasis.optional(),
    procedureKey: z.enum(PROCEDURE_KEYS),
    helpKind: z.enum(HELP_KIND_KEYS),
    /** Position in lists (smaller first). */
    order: z.number().int().min(0).max(9999).default(100),
    title: localized(120),
    summary: localized(400),
    /** Who the guide is for: "Cha mẹ có con mới sinh". */
    audience: localized(300),
    /** Picture on the guide's card in lists: a simple pictogram, not a screen. */
    cover: pictureFile,
    /** VNeID level needed before starting (0 = none). */
    vneidLevel: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    prerequisites: z.array(fact(300)).max(12).default([]),
    documents: z.array(fact(300)).max(20).default([]),
    fee: z
      .object({
        summary: localized(300),
        inPersonVnd: z.number().int().min(0).optional(),
        onlineVnd: z.number().int().min(0).optional(),
        online: z.enum(FEE_ONLINE),
        basis: factBasis.optional(),
      })
      .strict()
      .optional(),
    /** Legal processing time, in words: "1 ngày làm việc". */
    processingTime: fact(300).optional(),
    /** Who receives and decides the dossier since the two-level government (1/7/2025). */
    handledBy: fact(400).optional(),
    /** How the result comes back (VNeID, SMS, at the commune, by post). */
    resultDelivery: fact(400).optional(),
    /** Where to ask when something here is not confirmed: the one-stop office, a hotline. */
    ask: fact(300),
    steps: z.array(guideStep).min(1).max(20),
    commonErrors: z.array(commonError).max(20).default([]),
    walkthrough,
    officialLink: httpsUrl.optional(),
    /** What the guide's facts were compared with; each fact's basis names these by id. */
    sources: z.array(guideSource).min(1).max(16),
    /** The newest day any fact of this guide was checked (the checker holds it to that). */
    lastChecked: isoDate,
    /** True only when every fact was checked against the live official page. */
    verified: z.boolean(),
    /** What is still unverified, for staff to weigh; required when `verified` is false. */
    unverifiedNotes: z.array(localized(400)).max(12).default([]),
    /** Everyday words people type: "làm giấy khai sinh", "đăng ký cho con". Any language. */
    keywords: z.array(line(80)).max(40).default([]),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (!g.verified && g.unverifiedNotes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['unverifiedNotes'], message: 'required when verified is false' });
    }
    unique(
      g.steps.map((s) => s.key),
      ['steps'],
      ctx,
    );
    unique(
      g.commonErrors.map((e) => e.key),
      ['commonErrors'],
      ctx,
    );
    unique(
      g.sources.map((s) => s.id),
      ['sources'],
      ctx,
    );
    const stepKeys = new Set(g.steps.map((s) => s.key));
    g.commonErrors.forEach((e, i) => {
      if (e.step && !stepKeys.has(e.step))
        ctx.addIssue({ code: 'custom', path: ['commonErrors', i, 'step'], message: `no step with key ${e.step}` });
    });
    const sourceIds = new Set(g.sources.map((s) => s.id));
    for (const { path, basis } of factBases(g)) {
      for (const id of basis.sources)
        if (!sourceIds.has(id))
          ctx.addIssue({ code: 'custom', path: [...path, 'sources'], message: `no source with id ${id}` });
    }
    for (const { path, text } of localizedFields(g)) {
      for (const lang of g.languages) {
        if (!text[lang])
          ctx.addIssue({
            code: 'custom',
            path: [...path, lang],
            message: `missing ${lang} text (guide declares ${lang})`,
          });
      }
    }
  });
export type Guide = z.output<typeof guide>;
export type GuideInput = z.input<typeof guide>;

/** Words people use for the same thing ("CCCD", "căn cước", "chứng minh"): one group each. */
export const synonymGroups = z.array(z.array(line(40)).min(2).max(12)).max(300);

/**
 * Header of a pack. In the source folder (content/guides/pack.json) these fields are written by
 * hand; the build/sign step adds `guides` and `files` (paths relative to the pack root).
 */
export const packHeader = z
  .object({
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    /** Whole number that goes up with every release; the app only accepts a higher one. */
    packVersion: z.number().int().min(1),
    issued: isoDate,
    issuer: line(200),
    /** Search synonyms held with the content, so the province can add the words people use. */
    synonyms: synonymGroups.default([]),
  })
  .strict();
export type PackHeader = z.output<typeof packHeader>;

/** Path of a file inside a pack: `<guide id>/<file name>`. Nothing else is allowed. */
export const packPath = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9][a-z0-9-]{0,60}\.(json|svg|mp4|webm|vtt)$/, 'path like guide-id/file.svg');

export const packFile = z
  .object({ path: packPath, sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(1) })
  .strict();
export type PackFile = z.output<typeof packFile>;

export const packManifest = packHeader
  .extend({
    guides: z
      .array(z.object({ id: slug, path: packPath }).strict())
      .min(1)
      .max(200),
    files: z.array(packFile).min(1).max(2000),
  })
  .strict()
  .superRefine((m, ctx) => {
    unique(
      m.guides.map((g) => g.id),
      ['guides'],
      ctx,
    );
    unique(
      m.files.map((f) => f.path),
      ['files'],
      ctx,
    );
    const paths = new Set(m.files.map((f) => f.path));
    m.guides.forEach((g, i) => {
      if (g.path !== `${g.id}/guide.json`)
        ctx.addIssue({ code: 'custom', path: ['guides', i, 'path'], message: 'must be <id>/guide.json' });
      if (!paths.has(g.path))
        ctx.addIssue({ code: 'custom', path: ['guides', i, 'path'], message: 'not listed in files' });
    });
  });
export type PackManifest = z.output<typeof packManifest>;

/** File names a guide refers to (cover, pictures, videos, captions), for the "every referenced file exists" check. */
export function referencedFiles(g: Guide): string[] {
  const w = g.walkthrough;
  return [
    ...new Set([
      g.cover,
      ...g.steps.flatMap((s) => (s.video ? [s.picture, s.video] : [s.picture])),
      ...[w.video, w.captions, w.poster].filter((f): f is string => !!f),
    ]),
  ];
}

type Path = (string | number)[];

/** Every localized text in a guide with its path, so translation completeness can be checked. */
export function localizedFields(g: Guide): { path: Path; text: Localized }[] {
  const out: { path: Path; text: Localized }[] = [];
  walk(g, [], (value, path) => {
    if (typeof (value as { vi?: unknown }).vi === 'string') {
      out.push({ path, text: value as Localized });
      return true;
    }
    return false;
  });
  return out;
}

/** Every fact basis in a guide (fee, times, papers, steps, errors…) with its path. */
export function factBases(g: Guide): { path: Path; basis: FactBasis }[] {
  const out: { path: Path; basis: FactBasis }[] = [];
  walk(g, [], (value, path) => {
    for (const key of ['basis', 'codeBasis'] as const) {
      const basis = (value as Partial<Record<typeof key, FactBasis>>)[key];
      if (basis && Array.isArray(basis.sources)) out.push({ path: [...path, key], basis });
    }
    return false;
  });
  return out;
}

/** Depth-first walk over plain data; `visit` returns true to stop descending into a value. */
function walk(value: unknown, path: Path, visit: (value: object, path: Path) => boolean): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit));
  else if (value && typeof value === 'object') {
    if (visit(value, path)) return;
    for (const [k, v] of Object.entries(value)) if (k !== 'basis') walk(v, [...path, k], visit);
  }
}

function unique(keys: string[], path: Path, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `duplicate ${k}` });
    seen.add(k);
  });
}
