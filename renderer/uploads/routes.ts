import { ALLOW } from '#shared/contract/roles';
import type { StaffRoute } from '../app/routes';
import { UploadsPage } from './UploadsPage';

export const uploadsRoutes: StaffRoute[] = [
  { path: '/staff/uploads', labelKey: 'uploads:nav', roles: ALLOW.officials, component: UploadsPage, menuOrder: 75 },
];
