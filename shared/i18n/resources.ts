import { citizenTexts } from './citizen-resources';
import { byLanguage, mergeTexts } from './languages';
import { readerTexts } from './reader-resources';
import { staffTexts } from './staff-resources';
import { hubTexts } from './hub-resources';

export { UI_LANGUAGES, type UiLanguage } from './languages';

/** One namespace per domain; `vi` is the reference and `en` must have every key it has. */
const namespaces = mergeTexts(citizenTexts, readerTexts, staffTexts, hubTexts);

export type Namespace =
  | keyof typeof citizenTexts
  | keyof typeof readerTexts
  | keyof typeof staffTexts
  | keyof typeof hubTexts;
type Part<G, N> = N extends keyof G ? (G[N] extends { vi: infer V } ? V : never) : never;
type Joined<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;
/**
 * Every namespace's Vietnamese text, its groups' parts joined as i18next joins them (the
 * reference): i18next's key types are read from it (renderer/app/i18next.d.ts).
 */
export type Resources = {
  [N in Namespace]: Joined<
    Part<typeof citizenTexts, N> | Part<typeof readerTexts, N> | Part<typeof staffTexts, N> | Part<typeof hubTexts, N>
  >;
};
export const NAMESPACES = Object.keys(namespaces) as Namespace[];
/** Namespaces the page loads before any screen's code: what the citizen screens may use. */
export const CITIZEN_NAMESPACES = Object.keys(citizenTexts) as Namespace[];

export const resources = byLanguage(namespaces);
