import { ALLOW } from '#shared/contract/roles';
import type { StaffRoute } from '../app/routes';
import { StaffHome } from './StaffHome';

export const homeRoutes: StaffRoute[] = [
  { path: '/staff', labelKey: 'settings:nav.home', roles: ALLOW.staff, component: StaffHome, menuOrder: 0 },
];
