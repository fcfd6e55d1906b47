import { isOneOf } from '#shared/contract/one-of';
import { COMMON_PROCEDURES, type CommonProcedure } from '#shared/logbook/vocabulary';
import { HELP_KIND_KEYS, type HelpKind } from '#shared/team/help-kinds';

/**
 * "Lấy số để được giúp" at the end of a guide opens the kiosk's check-in with the guide's kind of
 * help and procedure already chosen: `#/kiosk/guide?help=dvc&procedure=birth&lang=en` (a path under
 * /kiosk, so the app still routes it to the kiosk).
 */
export interface GuideHandoff {
  kind: HelpKind;
  procedure: CommonProcedure | null;
  language: 'vi' | 'en';
}

const HANDOFF_PATH = '#/kiosk/guide';

export function guideHandoffHref(guide: { helpKind: HelpKind; procedureKey: string }, language: string): string {
  const params = new URLSearchParams({ help: guide.helpKind });
  if (isOneOf(COMMON_PROCEDURES, guide.procedureKey) && guide.procedureKey !== 'other')
    params.set('procedure', guide.procedureKey);
  if (language === 'en') params.set('lang', 'en');
  return `${HANDOFF_PATH}?${params}`;
}

/** The hand-off in the kiosk's address, or null; anything unknown is ignored. */
export function parseGuideHandoff(hash: string): GuideHandoff | null {
  const [path, query] = hash.split('?');
  if (path !== HANDOFF_PATH || !query) return null;
  const params = new URLSearchParams(query);
  const kind = params.get('help');
  if (!kind || !isOneOf(HELP_KIND_KEYS, kind)) return null;
  const procedure = params.get('procedure');
  return {
    kind,
    procedure: isOneOf(COMMON_PROCEDURES, procedure) ? procedure : null,
    language: params.get('lang') === 'en' ? 'en' : 'vi',
  };
}

/** Read the hand-off once when the kiosk opens, and take it out of the address so a restart starts clean. */
export function takeGuideHandoff(): GuideHandoff | null {
  if (typeof location === 'undefined') return null;
  const handoff = parseGuideHandoff(location.hash);
  if (handoff) history.replaceState(null, '', `${location.pathname}${location.search}#/kiosk`);
  return handoff;
}
