import { communityCitizen as community } from '../community/i18n';
import { vocabulary } from '../logbook/vocabulary-i18n';
import { queueCitizen as queue } from '../queue/i18n';
import { settings } from '../settings/i18n';
import { teamCitizen as team } from '../team/i18n';
import { common } from './common';
import { errors } from './errors';

/**
 * What the citizen screens (kiosk, board) and the setup say: loaded with the page. The guide
 * reader's texts come with it (`reader-resources.ts`), the staff screens' with them
 * (`staff-resources.ts`), so a kiosk on a slow LAN starts without them.
 */
export const citizenTexts = { queue, common, errors, settings, team, vocabulary, community };
