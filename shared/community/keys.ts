import { COMMON_PROCEDURES, PRIORITY_GROUPS } from '../logbook/vocabulary';
import { HELP_KIND_KEYS } from '../team/help-kinds';

/**
 * What a community translator can write and record: the citizen screens' sentences (i18n keys,
 * only those without placeholders, so a translation is a whole sentence) and each guide's title
 * and steps. Stored keys: `ui:<namespace>:<path>`, `guide:<id>:title`, `guide:<id>:step:<key>`.
 */
export const UI_TEXT_KEYS = [
  'queue:kiosk.title',
  'queue:kiosk.subtitle',
  ...HELP_KIND_KEYS.map((k) => `team:helpKinds.${k}`),
  'queue:kiosk.procedureTitle',
  'queue:kiosk.procedureHint',
  'queue:kiosk.procedureSkip',
  ...COMMON_PROCEDURES.filter((p) => p !== 'other').map((p) => `vocabulary:procedures.${p}`),
  'queue:kiosk.priorityQuestion',
  ...PRIORITY_GROUPS.map((g) => `queue:priority.${g}`),
  'queue:kiosk.contactOffer',
  'queue:kiosk.consentSentence',
  'queue:kiosk.consentYes',
  'queue:kiosk.consentNo',
  'queue:kiosk.name',
  'queue:kiosk.phone',
  'queue:kiosk.next',
  'queue:kiosk.takeTicket',
  'queue:kiosk.back',
  'queue:kiosk.idleQuestion',
  'queue:kiosk.stillHere',
  'queue:kiosk.closedTitle',
  'queue:kiosk.closedAsk',
  'queue:kiosk.error',
  'queue:ticket.yourNumber',
  'queue:ticket.priority',
  'queue:ticket.remember',
  'queue:ticket.listen',
  'queue:ticket.mayNotToday',
  'queue:ticket.done',
  'queue:board.callPhrase',
] as const;

/** The phrase the board plays in the citizen's language after the Vietnamese call. */
export const BOARD_PHRASE = 'queue:board.callPhrase';

export const uiKey = (i18nKey: string) => `ui:${i18nKey}`;
export const guideTitleKey = (guideId: string) => `guide:${guideId}:title`;
export const guideStepKey = (guideId: string, stepKey: string) => `guide:${guideId}:step:${stepKey}`;

export const TEXT_KEY_PATTERN =
  /^(ui:[a-z]+:[A-Za-z0-9_.]+|guide:[a-z0-9]+(?:-[a-z0-9]+)*:(title|step:[a-z0-9]+(?:-[a-z0-9]+)*))$/;

export type ParsedKey = { kind: 'ui'; i18nKey: string } | { kind: 'guide'; guideId: string; step: string | null };

export function parseTextKey(key: string): ParsedKey | null {
  if (!TEXT_KEY_PATTERN.test(key)) return null;
  const [kind, a, b, c] = key.split(':');
  if (kind === 'ui') return { kind: 'ui', i18nKey: `${a}:${b}` };
  return { kind: 'guide', guideId: a!, step: b === 'step' ? c! : null };
}

const UI_KEYS: ReadonlySet<string> = new Set(UI_TEXT_KEYS.map(uiKey));
export const isUiKey = (key: string) => UI_KEYS.has(key);
