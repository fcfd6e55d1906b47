import { ALLOW } from '#shared/contract/roles';
import type { StaffRoute } from '../app/routes';
import { DeskPage } from './Desk';
import { QueueFigures } from './QueueFigures';
import { QueueSettingsPage } from './QueueSettingsPage';

export const queueRoutes: StaffRoute[] = [
  { path: '/staff/desk', labelKey: 'queue:nav.desk', roles: ALLOW.staff, component: DeskPage, menuOrder: 10 },
  {
    path: '/staff/queue-figures',
    labelKey: 'queue:nav.figures',
    roles: ALLOW.leaders,
    component: QueueFigures,
    menuOrder: 60,
  },
  {
    path: '/staff/queue-settings',
    labelKey: 'queue:nav.settings',
    roles: ALLOW.admin,
    component: QueueSettingsPage,
    menuOrder: 88,
  },
];
