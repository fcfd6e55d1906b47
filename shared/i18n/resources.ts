import { backups } from '../backups/i18n';
import { logbook } from '../logbook/i18n';
import { vocabulary } from '../logbook/vocabulary-i18n';
import { settings } from '../settings/i18n';
import { team } from '../team/i18n';
import { queue } from '../queue/i18n';
import { common } from './common';
import { errors } from './errors';
import { guides } from '../guides/i18n';
import { uploads } from '../uploads/i18n';
import { reports } from '../reports/i18n';
import { community } from '../community/i18n';
import { security } from '../security/i18n';
import { province } from '../province/i18n';

/** One namespace per domain; `vi` is the reference and `en` must have every key it has. */
const namespaces = { queue, common, errors, settings, team, vocabulary, backups, logbook, guides, uploads, reports, security, community, province };

export type Namespace = keyof typeof namespaces;
export const NAMESPACES = Object.keys(namespaces) as Namespace[];
export const UI_LANGUAGES = ['vi', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const resources = Object.fromEntries(
  UI_LANGUAGES.map((lng) => [lng, Object.fromEntries(NAMESPACES.map((ns) => [ns, namespaces[ns][lng]]))]),
) as unknown as Record<UiLanguage, Record<Namespace, Record<string, unknown>>>;
