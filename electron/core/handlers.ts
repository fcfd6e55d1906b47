import type { Methods } from '#shared/contract';
import type { Handlers } from './context';
import { backupsHandlers } from './backups/handlers';
import { logbookHandlers } from './logbook/handlers';
import { settingsHandlers } from './settings/handlers';
import { teamHandlers } from './team/handlers';
import { guidesHandlers } from './guides/handlers';
import { queueHandlers } from './queue/handlers';
import { uploadsHandlers } from './uploads/handlers';
import { reportsHandlers } from './reports/handlers';
import { communityHandlers } from './community/handlers';

/** Every contract method's implementation; a missing one is a type error. */
export const handlers: Handlers<Methods> = {
  ...settingsHandlers,
  ...teamHandlers,
  ...guidesHandlers,
  ...queueHandlers,
  ...backupsHandlers,
  ...logbookHandlers,
  ...uploadsHandlers,
  ...reportsHandlers,
  ...communityHandlers,
};
