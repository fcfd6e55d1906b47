// Without zod, so the kiosk can load it without the schemas.
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
