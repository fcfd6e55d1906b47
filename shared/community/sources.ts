import { resources } from '../i18n/resources';
import { UI_TEXT_KEYS, uiKey } from './keys';

/** The Vietnamese sentence behind an i18n key ('queue:kiosk.title'), as the screens show it. */
export function vietnameseOf(i18nKey: string): string | null {
  const [ns, path] = i18nKey.split(':') as [string, string];
  let node: unknown = (resources.vi as Record<string, unknown>)[ns];
  for (const part of path.split('.'))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : null;
}

/** Every citizen-screen sentence to translate, with its Vietnamese text. */
export function uiSources(): { key: string; source: string }[] {
  return UI_TEXT_KEYS.map((k) => ({ key: uiKey(k), source: vietnameseOf(k) ?? k }));
}
