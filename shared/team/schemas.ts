import { z } from 'zod';
import { ROLES } from '../contract/roles';
import { LANGUAGES } from '../settings/schemas';

/** Kinds of help a citizen can ask for; also the skills a member can have. Prefix = ticket letter. */
export const HELP_KINDS = [
  { key: 'dvc', prefix: 'A' },
  { key: 'vneid', prefix: 'B' },
  { key: 'payment', prefix: 'C' },
  { key: 'signature', prefix: 'D' },
  { key: 'smartphone', prefix: 'E' },
  { key: 'ecommerce', prefix: 'G' },
  { key: 'scam', prefix: 'H' },
  { key: 'other', prefix: 'K' },
] as const;
export type HelpKind = (typeof HELP_KINDS)[number]['key'];
export const HELP_KIND_KEYS = HELP_KINDS.map((k) => k.key) as [HelpKind, ...HelpKind[]];

export const TEAM_POSITIONS = ['leader', 'deputy', 'member'] as const;
export const ORIGINS = [
  'youth_union', 'police', 'committee_office', 'culture_office', 'fatherland_front', 'womens_union',
  'farmers_union', 'veterans', 'telecom', 'village_youth', 'school', 'volunteer', 'other',
] as const;
export const SUB_GROUPS = ['political_system', 'citizens_business', 'village_standing'] as const;

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
