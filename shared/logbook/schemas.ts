import { isOneOf } from '../contract/one-of';
import { z } from 'zod';
import { exportFormat } from '../contract/files';
import { id, isoDay } from '../contract/define';
import { LANGUAGES } from '../settings/schemas';
import { HELP_KIND_KEYS } from '../team/schemas';
import {
  AGE_BANDS,
  CHANNELS,
  COMMON_PROCEDURES,
  ETHNICITIES,
  GENDERS,
  OBSTACLES,
  OUTCOMES,
  PRIORITY_GROUPS,
} from './vocabulary';
import { isRealDay } from '../time/vietnam';

/** Problems are i18n keys under `logbook:problems.*`, shown next to the field by the form. */
const P = (key: string) => `logbook:problems.${key}`;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, P('tooLong'))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null);

/** Outcomes for which an application exists, so an application code makes sense. */
export const FILED_OUTCOMES = ['filed_online', 'filed_with_help'] as const;

/** Vietnamese mobile or landline number, written with or without spaces and dots. */
export const phoneNumber = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.()-]/g, ''))
  .pipe(z.string().regex(/^(0|\+84)\d{9,10}$/, P('phone')));

/** The digits that identify a phone, for search: "+84 912…" and "0912…" are the same number. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/** A common error of a guide, as the volunteer saw it: a reference and the label at that time. */
export const guideError = z.object({ ref: z.string().max(130), label: z.string().max(300) });

/**
 * Consent is asked separately for contact details and for each sensitive item (ethnicity,
 * disability), never bundled, never assumed (Decree 356: no default consent).
 */
export const consentInput = z.object({
  contact: z.boolean().default(false),
  ethnicity: z.boolean().default(false),
  disability: z.boolean().default(false),
});

const entryFields = z.object({
  day: z.string().refine(isRealDay, P('day')),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, P('time')),
  channel: z.enum(CHANNELS, { error: P('channel') }),
  place: optionalText(120),
  desk: z.number().int().min(1).max(9).nullable().default(null),
  memberIds: z.array(id).min(1, P('members')).max(10),
  helpKinds: z.array(z.enum(HELP_KIND_KEYS)).min(1, P('helpKinds')).max(8),
  procedure: z.enum(COMMON_PROCEDURES).nullable().default(null),
  guideId: z.string().max(60).nullable().default(null),
  procedureText: optionalText(200),
  applicationCode: optionalText(40),
  outcome: z.enum(OUTCOMES, { error: P('outcome') }),
  obstacles: z.array(z.enum(OBSTACLES)).max(OBSTACLES.length).default([]),
  guideErrors: z.array(guideError).max(20).default([]),
  /** How far the guide got during the visit (from guided mode), when one was followed. */
  guideStepsDone: z.number().int().min(0).max(50).nullable().default(null),
  guideStepCount: z.number().int().min(0).max(50).nullable().default(null),
  obstacleText: optionalText(300),
  minutes: z
    .number({ error: P('minutes') })
    .int(P('minutes'))
    .min(1, P('minutes'))
    .max(480, P('minutes')),
  language: z.enum(LANGUAGES).default('vi'),
  birthYear: z
    .number({ error: P('birthYear') })
    .int(P('birthYear'))
    .min(1900, P('birthYear'))
    .max(2100, P('birthYear'))
    .nullable()
    .default(null),
  ageBand: z.enum(AGE_BANDS).default('unknown'),
  gender: z.enum(GENDERS).default('unspecified'),
  village: optionalText(80),
  priorityGroups: z.array(z.enum(PRIORITY_GROUPS)).max(PRIORITY_GROUPS.length).default([]),
  fullName: optionalText(80),
  phone: z
    .union([z.literal('').transform(() => null), phoneNumber])
    .nullable()
    .default(null),
  ethnicity: z.enum(ETHNICITIES).nullable().default(null),
  consent: consentInput.default({ contact: false, ethnicity: false, disability: false }),
  ticketId: id.nullable().default(null),
});

/** The fields of an entry without the cross-field rules: what an entry recorded at the desk's finish is checked against. */
export const entryShape = entryFields;

/**
 * What an entry can still lack after the desk's finish recorded it: the procedure of a public
 * service, or the separate consent a disability needs before it is written down; `unchecked`:
 * made by the upgrade for a ticket finished before finishing recorded its entry. Such an entry
 * is flagged incomplete until someone completes it with the full form.
 */
export const ENTRY_GAPS = ['procedure', 'consentDisability', 'unchecked'] as const;
export type EntryGap = (typeof ENTRY_GAPS)[number];

/** Public-service help names its procedure (a common one, a guide, or in words). */
export function lacksProcedure(e: Pick<EntryData, 'procedure' | 'guideId' | 'procedureText' | 'helpKinds'>): boolean {
  return !e.procedure && !e.guideId && !e.procedureText && e.helpKinds.includes('dvc');
}

/**
 * One logbook entry as typed at the desk. The same schema is the form's resolver and the gate's
 * input check, so a rule shown on screen is the rule enforced.
 */
export const entryInput = entryFields.superRefine((e, ctx) => {
  const problem = (path: (string | number)[], key: string) => ctx.addIssue({ code: 'custom', path, message: P(key) });
  if ((e.fullName || e.phone) && !e.consent.contact) problem(['consent', 'contact'], 'consentContact');
  if (e.ethnicity && !e.consent.ethnicity) problem(['consent', 'ethnicity'], 'consentEthnicity');
  if (e.priorityGroups.includes('disability') && !e.consent.disability)
    problem(['consent', 'disability'], 'consentDisability');
  if (e.applicationCode && !isOneOf(FILED_OUTCOMES, e.outcome)) problem(['applicationCode'], 'codeNeedsFiling');
  if (lacksProcedure(e)) problem(['procedure'], 'procedure');
  if (new Set(e.memberIds).size !== e.memberIds.length) problem(['memberIds'], 'members');
});
export type EntryInput = z.input<typeof entryInput>;
export type EntryData = z.output<typeof entryInput>;

/** Age band from a birth year, at the year of the visit. */
export function ageBandOf(birthYear: number, day: string): (typeof AGE_BANDS)[number] {
  const age = Number(day.slice(0, 4)) - birthYear;
  if (age < 18) return 'under_18';
  if (age < 35) return '18_34';
  if (age < 60) return '35_59';
  return '60_plus';
}

export const correctionInput = z.object({
  id,
  /** The version the corrector was looking at; an older one means someone else changed it. */
  expectedVersion: z.number().int().min(1),
  reason: z.string().trim().min(5, P('reason')).max(300, P('tooLong')),
  entry: entryInput,
});

const consentRecord = z
  .object({ at: z.string(), by: z.number().int().nullable(), byName: z.string().nullable() })
  .nullable();

/** What an entry holds at one version; personal fields are null once erased. */
export const entryView = entryFields.extend({
  phone: z.string().nullable(),
  consent: z.object({ contact: consentRecord, ethnicity: consentRecord, disability: consentRecord }),
});
export type EntryView = z.output<typeof entryView>;

export const versionView = z.object({
  version: z.number().int(),
  /** `refinement`: details added while the day was open (no reason asked); `correction`: with a reason. */
  kind: z.enum(['create', 'refinement', 'correction']),
  recordedAt: z.string(),
  recordedBy: z.number().int().nullable(),
  recordedByName: z.string().nullable(),
  reason: z.string().nullable(),
  late: z.boolean(),
  data: entryView,
});

export const entryDetail = z.object({
  id,
  currentVersion: z.number().int(),
  dayClosed: z.boolean(),
  /** What the entry still lacks (empty once completed with the full form). */
  gaps: z.array(z.enum(ENTRY_GAPS)),
  ticketNumber: z.string().nullable(),
  erased: z
    .object({ at: z.string(), byName: z.string().nullable(), reason: z.enum(['retention', 'request']) })
    .nullable(),
  current: entryView,
  history: z.array(versionView),
});
export type EntryDetail = z.output<typeof entryDetail>;

export const saved = z.object({ id, version: z.number().int(), late: z.boolean() });

/** The entry the desk's finish recorded with the ticket, and what it still lacks. */
export const recordedVisit = saved.extend({ gaps: z.array(z.enum(ENTRY_GAPS)) });
export type RecordedVisit = z.output<typeof recordedVisit>;

/** Completing an entry of a day still open: a new version, no reason asked. */
export const refinementInput = z.object({ id, expectedVersion: z.number().int().min(1), entry: entryInput });

export const listFilter = z
  .object({
    from: isoDay,
    to: isoDay,
    memberId: id.nullable().default(null),
    helpKind: z.enum(HELP_KIND_KEYS).nullable().default(null),
    outcome: z.enum(OUTCOMES).nullable().default(null),
    village: z.string().trim().max(80).nullable().default(null),
  })
  .refine((f) => f.from <= f.to, { path: ['to'], message: P('range') });
export type ListFilter = z.output<typeof listFilter>;

export const listInput = z.object({
  filter: listFilter,
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});

/** A line of a list: what an official scans, without personal data. */
export const listRow = z.object({
  id,
  day: z.string(),
  time: z.string(),
  channel: z.enum(CHANNELS),
  helpKinds: z.array(z.enum(HELP_KIND_KEYS)),
  procedure: z.enum(COMMON_PROCEDURES).nullable(),
  procedureText: z.string().nullable(),
  outcome: z.enum(OUTCOMES),
  village: z.string().nullable(),
  memberNames: z.array(z.string()),
  minutes: z.number().int(),
  version: z.number().int(),
  late: z.boolean(),
});
export type ListRow = z.output<typeof listRow>;

export const listOutput = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(listRow),
});

export const exportInput = z.object({ filter: listFilter, format: exportFormat });

/** A line of the printed book: personal fields only where consented and not erased. */
export const bookRow = listRow.extend({
  fullName: z.string().nullable(),
  phone: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  ageBand: z.enum(AGE_BANDS),
  gender: z.enum(GENDERS),
  ethnicity: z.enum(ETHNICITIES).nullable(),
  priorityGroups: z.array(z.enum(PRIORITY_GROUPS)),
  applicationCode: z.string().nullable(),
  obstacles: z.array(z.enum(OBSTACLES)),
  guideErrors: z.array(guideError),
  obstacleText: z.string().nullable(),
  place: z.string().nullable(),
});
export type BookRow = z.output<typeof bookRow>;

/** A ticket of the day still open when the book is closed (or left open when the day ended). */
export const openTicket = z.object({
  id,
  number: z.string(),
  status: z.enum(['waiting', 'called', 'serving', 'expired']),
  helpKind: z.enum(HELP_KIND_KEYS),
  desk: z.number().int().nullable(),
  memberName: z.string().nullable(),
  issuedAt: z.string(),
});
export const incompleteEntry = z.object({
  id,
  time: z.string(),
  ticketNumber: z.string().nullable(),
  gaps: z.array(z.enum(ENTRY_GAPS)),
});

/** What is still open on a day: the official resolves each or carries it knowingly. */
export const openItems = z.object({ day: z.string(), tickets: z.array(openTicket), entries: z.array(incompleteEntry) });
export type OpenItems = z.output<typeof openItems>;

/** What the official saw and chose to carry: the close is refused if the day holds anything else. */
export const closeDayInput = z.object({
  day: isoDay,
  carry: z
    .object({ tickets: z.array(id).max(500).default([]), entries: z.array(id).max(500).default([]) })
    .default({ tickets: [], entries: [] }),
});

/**
 * A day's close: by an official, or by the point itself the next working morning when nobody
 * closed it (`automatic`). `carried` is what was still open then, kept as it stood.
 */
export const dayClose = z.object({
  day: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
  automatic: z.boolean(),
  carried: z.object({
    tickets: z.array(openTicket.pick({ id: true, number: true, status: true })),
    entries: z.array(id),
  }),
  /** When an official acknowledged an automatic close on the home screen. */
  seenAt: z.string().nullable(),
});
export type DayClose = z.output<typeof dayClose>;

export const dayBook = z.object({
  day: z.string(),
  communeName: z.string(),
  pointName: z.string(),
  rows: z.array(bookRow),
  totals: z.object({
    entries: z.number().int(),
    minutes: z.number().int(),
    byHelpKind: z.record(z.string(), z.number().int()),
    byOutcome: z.record(z.string(), z.number().int()),
  }),
  /** Who made the book: the members who recorded that day's entries. */
  preparedBy: z.array(z.string()),
  teamLeader: z.string().nullable(),
  closed: dayClose.nullable(),
});
export type DayBook = z.output<typeof dayBook>;

export const prefill = z.object({
  ticket: z.object({ id, number: z.string(), finishedAt: z.string().nullable() }),
  /** Already logged: open that entry instead of making a second one. */
  existingEntryId: id.nullable(),
  entry: entryFields.partial().extend({ ticketId: id, phone: z.string().nullable().optional() }),
  /** True when the guides' progress was found and used. */
  fromGuide: z.boolean(),
});

export const findRow = z.object({
  id,
  day: z.string(),
  time: z.string(),
  fullName: z.string().nullable(),
  phone: z.string().nullable(),
  helpKinds: z.array(z.enum(HELP_KIND_KEYS)),
  outcome: z.enum(OUTCOMES),
});

export const logbookSettings = z.object({
  retentionMonths: z
    .number({ error: P('retention') })
    .int(P('retention'))
    .min(1, P('retention'))
    .max(120, P('retention')),
});
