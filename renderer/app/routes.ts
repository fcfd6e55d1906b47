import type { ComponentType } from 'react';
import type { Role } from '#shared/contract';
import { backupsRoutes } from '../backups/routes';
import { homeRoutes } from '../home/routes';
import { logbookRoutes } from '../logbook/routes';
import { guidesRoutes } from '../guides/routes';
import { settingsRoutes } from '../settings/routes';
import { queueRoutes } from '../queue/routes';
import { teamRoutes } from '../team/routes';
import { uploadsRoutes } from '../uploads/routes';
import { reportsRoutes } from '../reports/routes';
import { communityRoutes } from '../community/routes';

/** A staff screen: where it lives, its menu label, who may open it. */
export interface StaffRoute {
  path: string;
  /** i18n key of the menu label and page title. */
  labelKey: string;
  roles: readonly Role[];
  component: ComponentType;
  /** Position in the menu; routes without one are reachable but not listed. */
  menuOrder?: number;
}

/** Each domain contributes its screens here, one line per domain. */
export const STAFF_ROUTES: readonly StaffRoute[] = [
  ...homeRoutes,
  ...settingsRoutes,
  ...queueRoutes,
  ...guidesRoutes,
  ...communityRoutes,
  ...logbookRoutes,
  ...teamRoutes,
  ...reportsRoutes,
  ...uploadsRoutes,
  ...backupsRoutes,
];
