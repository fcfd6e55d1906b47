import { ALLOW } from '#shared/contract/roles';
import type { StaffRoute } from '../app/routes';
import { SettingsPage } from './SettingsPage';

export const settingsRoutes: StaffRoute[] = [
  {
    path: '/staff/settings',
    labelKey: 'settings:nav.settings',
    roles: ALLOW.admin,
    component: SettingsPage,
    menuOrder: 90,
  },
];
