import { z } from 'zod';
import { ROLES } from '../contract/roles';
import { LANGUAGES, pin } from '../settings/schemas';
import { isRealDay } from '../time/vietnam';
import { HELP_KIND_KEYS, HELP_KINDS } from './help-kinds';

export { HELP_KIND_KEYS, HELP_KINDS, type HelpKind } from './help-kinds';

export const TEAM_POSITIONS = ['leader', 'deputy', 'member'] as const;
export const ORIGINS = [
  'youth_union',
  'police',
  'committee_office',
  'culture_office',
  'fatherland_front',
  'womens_union',
  'farmers_union',
  'veterans',
  'telecom',
  'village_youth',
  'school',
  'volunteer',
  'other',
] as const;
export const SUB_GROUPS = ['political_system', 'citizens_business', 'village_standing'] as const;
export type TeamPosition = (typeof TEAM_POSITIONS)[number];
export type Origin = (typeof ORIGINS)[number];
export type SubGroup = (typeof SUB_GROUPS)[number];

export const memberSummary = z.object({
  id: z.number().int(),
  fullName: z.string(),
  accessRole: z.enum(ROLES),
  position: z.enum(TEAM_POSITIONS).nullable(),
  subGroup: z.enum(SUB_GROUPS).nullable(),
  village: z.string().nullable(),
  skills: z.array(z.enum(HELP_KIND_KEYS)),
  languages: z.array(z.enum(LANGUAGES)),
  active: z.boolean(),
});
export type MemberSummary = z.output<typeof memberSummary>;

/** Form problems are i18n keys under `team:problems.*`. */
const text = (max: number) => z.string().trim().min(1, 'team:problems.required').max(max, 'team:problems.tooLong');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'team:problems.tooLong')
    .transform((s) => s || null);
export const day = z.string().refine(isRealDay, 'team:problems.day');
export const month = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'team:problems.month');

/** Add or edit a member. A PIN is required for a new member and ignored on edit (reset it apart). */
export const memberInput = z
  .object({
    id: z.number().int().positive().optional(),
    fullName: text(80),
    position: z.enum(TEAM_POSITIONS).nullable(),
    /** Only an admin may set it; otherwise it follows the position. */
    accessRole: z.enum(['duty_member', 'team_leader', 'commune_official', 'admin']).optional(),
    origin: z.enum(ORIGINS).nullable(),
    subGroup: z.enum(SUB_GROUPS).nullable(),
    village: optionalText(80),
    skills: z.array(z.enum(HELP_KIND_KEYS)).max(HELP_KINDS.length),
    languages: z.array(z.enum(LANGUAGES)).min(1, 'team:problems.languages').max(LANGUAGES.length),
    phone: z
      .string()
      .trim()
      .regex(/^(\+?\d[\d .]{7,14}\d)?$/, 'team:problems.phone')
      .transform((s) => s.replace(/[ .]/g, '') || null),
    /** The member agreed to the phone number being kept (it is optional personal data). */
    phoneConsent: z.boolean(),
    /** Empty when editing (the PIN is not changed here); a new member's must pass the PIN rules. */
    pin: z.union([z.literal(''), pin]).optional(),
  })
  .refine((m) => !m.phone || m.phoneConsent, { path: ['phoneConsent'], message: 'team:problems.phoneConsent' })
  .refine((m) => m.id !== undefined || !!m.pin, { path: ['pin'], message: 'team:problems.pinRequired' });
export type MemberInput = z.input<typeof memberInput>;

export const memberDetail = memberSummary.extend({
  origin: z.enum(ORIGINS).nullable(),
  phone: z.string().nullable(),
  phoneConsent: z.boolean(),
  locked: z.boolean(),
});
export type MemberDetail = z.output<typeof memberDetail>;

export const teamWarning = z.discriminatedUnion('code', [
  z.object({ code: z.literal('team_size'), count: z.number(), min: z.number(), max: z.number() }),
  z.object({ code: z.literal('leaders'), count: z.number() }),
  z.object({ code: z.literal('deputies'), count: z.number() }),
  z.object({
    code: z.literal('sub_group_size'),
    group: z.enum(SUB_GROUPS),
    count: z.number(),
    min: z.number(),
    max: z.number(),
    village: z.string().optional(),
  }),
  z.object({ code: z.literal('language_missing'), language: z.string() }),
]);

export const leaveInput = z
  .object({ memberId: z.number().int().positive(), from: day, to: day, reason: optionalText(120) })
  .refine((l) => l.from <= l.to, { path: ['to'], message: 'team:problems.range' });
