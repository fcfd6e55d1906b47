export const UI_LANGUAGES = ['vi', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Namespaces by name, each with its texts in every language. */
export type TextGroup = Record<string, Record<UiLanguage, object>>;

/** Texts of some namespaces as i18next takes them: by language, then by namespace. */
export function byLanguage<N extends string>(namespaces: Record<N, Record<UiLanguage, object>>) {
  const names = Object.keys(namespaces) as N[];
  return Object.fromEntries(
    UI_LANGUAGES.map((lng) => [lng, Object.fromEntries(names.map((ns) => [ns, namespaces[ns][lng]]))]),
  ) as unknown as Record<UiLanguage, Record<N, Record<string, unknown>>>;
}

/** The namespaces of every group (`keyof` a union of groups would keep only those all share). */
type NamesOf<G extends unknown[]> = G extends [infer H, ...infer R] ? (keyof H & string) | NamesOf<R> : never;

/**
 * Groups of namespaces loaded at different times, put together as i18next does when a later
 * group is added: its namespaces join, and its part of a namespace already there adds keys.
 */
export function mergeTexts<G extends TextGroup[]>(...groups: G): Record<NamesOf<G>, Record<UiLanguage, object>> {
  const merged: TextGroup = {};
  for (const group of groups) {
    for (const [ns, texts] of Object.entries(group)) {
      const before = merged[ns];
      merged[ns] = before ? { vi: { ...before.vi, ...texts.vi }, en: { ...before.en, ...texts.en } } : texts;
    }
  }
  return merged as Record<NamesOf<G>, Record<UiLanguage, object>>;
}
