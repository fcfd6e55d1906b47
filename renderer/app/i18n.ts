import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { citizenTexts } from '#shared/i18n/citizen-resources';
import { byLanguage, type TextGroup } from '#shared/i18n/languages';

// The citizen screens' texts come with the page; other screens add theirs as they load.
void i18next.use(initReactI18next).init({
  resources: byLanguage(citizenTexts),
  lng: 'vi',
  fallbackLng: 'vi',
  ns: Object.keys(citizenTexts),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const i18n = i18next;

/** Texts that come with a screen's code: joined to what is loaded (a namespace there gains keys). */
async function addTexts(group: Promise<TextGroup>): Promise<void> {
  for (const [lng, bundles] of Object.entries(byLanguage(await group))) {
    for (const [ns, texts] of Object.entries(bundles)) i18next.addResourceBundle(lng, ns, texts, true, true);
  }
}

export const loadReaderTexts = () => addTexts(import('#shared/i18n/reader-resources').then((m) => m.readerTexts));
export async function loadStaffTexts(): Promise<void> {
  await Promise.all([loadReaderTexts(), addTexts(import('#shared/i18n/staff-resources').then((m) => m.staffTexts))]);
}

/** Keep <html lang> true for screen readers and for the speech voice. */
i18next.on('languageChanged', (lng) => document.documentElement.setAttribute('lang', lng));
document.documentElement.setAttribute('lang', 'vi');
