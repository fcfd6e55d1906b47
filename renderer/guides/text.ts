import { useT } from '../app/useT';
import type { Localized } from '#shared/guides/pack-schema';

/** Pick a guide text in the screen's language, falling back to Vietnamese (always present). */
export function useLocalized() {
  const { i18n } = useT('common');
  const lang = i18n.language as keyof Localized;
  return (text: Localized | undefined): string => (text ? (text[lang] ?? text.vi) : '');
}

/** Language of the text actually shown, for `lang` attributes and the speech voice. */
export function useShownLanguage() {
  const { i18n } = useT('common');
  return (text: Localized | undefined): string => (text?.[i18n.language as keyof Localized] ? i18n.language : 'vi');
}

/** `#/staff/guides/<id>?ticket=12` → { id, ticket }. */
export function parseGuideHash(route: string, base: string): { id: string | null; ticket: number | null } {
  const [path = '', query = ''] = route.split('?');
  const id = path.startsWith(`${base}/`) ? decodeURIComponent(path.slice(base.length + 1)) : null;
  const ticket = Number(new URLSearchParams(query).get('ticket'));
  return {
    id: id && /^[a-z0-9-]+$/.test(id) ? id : null,
    ticket: Number.isInteger(ticket) && ticket > 0 ? ticket : null,
  };
}
