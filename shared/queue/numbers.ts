import { HELP_KINDS, type HelpKind } from '../team/help-kinds';

/** The letter of a kind of help on its tickets. */
export function prefixOf(kind: HelpKind): string {
  return HELP_KINDS.find((k) => k.key === kind)!.prefix;
}

/** 'A012': the letter of the kind of help and three digits (a 4th appears past 999). */
export function formatTicketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}
