import { backups } from '../backups/i18n';
import { communityStaff } from '../community/i18n-staff';
import { logbook } from '../logbook/i18n';
import { queueStaff } from '../queue/i18n-staff';
import { reports } from '../reports/i18n';
import { security } from '../security/i18n';
import { teamStaff } from '../team/i18n-staff';
import { uploads } from '../uploads/i18n';

/**
 * Texts only staff screens show: a kiosk never loads them. Parts of namespaces the citizen
 * screens also use (the desk's in `queue`, the roster's in `team`) join them when loaded.
 */
export const staffTexts = {
  backups,
  logbook,
  uploads,
  reports,
  security,
  queue: queueStaff,
  team: teamStaff,
  community: communityStaff,
};
