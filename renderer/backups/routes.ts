import { ALLOW } from '#shared/contract/roles';
import type { StaffRoute } from '../app/routes';
import { BackupsPage } from './BackupsPage';

export const backupsRoutes: StaffRoute[] = [
  {
    path: '/staff/backups',
    labelKey: 'backups:nav.backups',
    roles: ALLOW.admin,
    component: BackupsPage,
    menuOrder: 95,
  },
];
