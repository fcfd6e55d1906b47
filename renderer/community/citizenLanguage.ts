import { useSyncExternalStore } from 'react';
import { i18n } from '../app/i18n';

/** The language a citizen chose on the kiosk; the guides opened from it keep it. */
export type CitizenLanguage = 'vi' | 'en' | 'jrai' | 'bahnar';
const KEY = 'dhs.citizenLanguage';
const listeners = new Set<() => void>();

function read(): CitizenLanguage {
  const stored = sessionStorage.getItem(KEY);
  return stored === 'en' || stored === 'jrai' || stored === 'bahnar' ? stored : 'vi';
}

/**
 * Jrai and Bahnar have no screen resources of their own (nothing is invented): the page stays in
 * Vietnamese and the community's translations are laid over it where they exist.
 */
export function setCitizenLanguage(language: CitizenLanguage): void {
  sessionStorage.setItem(KEY, language);
  void i18n.changeLanguage(language === 'en' ? 'en' : 'vi');
  for (const l of listeners) l();
}

export function useCitizenLanguage(): CitizenLanguage {
  return useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), read);
}

export const isMinority = (l: CitizenLanguage): l is 'jrai' | 'bahnar' => l === 'jrai' || l === 'bahnar';

/** BCP 47 tags for `lang` attributes (ISO 639-3: Jarai jra, Bahnar bdq). */
export const LANG_TAG: Record<CitizenLanguage, string> = { vi: 'vi', en: 'en', jrai: 'jra', bahnar: 'bdq' };
