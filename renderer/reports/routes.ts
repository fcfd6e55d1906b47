import { ALLOW } from '#shared/contract/roles';
import type { StaffRoute } from '../app/routes';
import { ReportsPage } from './ReportsPage';

export const reportsRoutes: StaffRoute[] = [
  { path: '/staff/reports', labelKey: 'reports:nav', roles: ALLOW.leaders, component: ReportsPage, menuOrder: 70 },
];
