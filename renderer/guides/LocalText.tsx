import { useT } from '../app/useT';
import type { Localized } from '#shared/guides/pack-schema';
import { useLocalized, useShownLanguage } from './text';

/**
 * A guide text in the screen's language; where the pack has none in that language, the
 * Vietnamese shown instead is marked `lang="vi"` so screen readers and hyphenation read it right.
 */
export function LocalText({ text }: { text: Localized | undefined }) {
  const { i18n } = useT('common');
  const value = useLocalized()(text);
  const lang = useShownLanguage()(text);
  return lang === i18n.language ? <>{value}</> : <span lang={lang}>{value}</span>;
}
