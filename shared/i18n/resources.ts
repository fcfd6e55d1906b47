import { citizenTexts } from './citizen-resources';
import { byLanguage, mergeTexts } from './languages';
import { readerTexts } from './reader-resources';
import { staffTexts } from './staff-resources';

export { UI_LANGUAGES, type UiLanguage } from './languages';

/** One namespace per domain; `vi` is the reference and `en` must have every key it has. */
const namespaces = mergeTexts(citizenTexts, readerTexts, staffTexts);

export type Namespace = keyof typeof namespaces;
export const NAMESPACES = Object.keys(namespaces) as Namespace[];
/** Namespaces the page loads before any screen's code: what the citizen screens may use. */
export const CITIZEN_NAMESPACES = Object.keys(citizenTexts) as Namespace[];

export const resources = byLanguage(namespaces);
