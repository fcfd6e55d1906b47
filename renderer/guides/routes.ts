import { ALLOW } from '#shared/contract/roles';
import type { StaffRoute } from '../app/routes';
import { GuidesStaff } from './GuidesStaff';
import { PackAdmin } from './PackAdmin';

export const guidesRoutes: StaffRoute[] = [
  { path: '/staff/guides', labelKey: 'guides:nav.guides', roles: ALLOW.staff, component: GuidesStaff, menuOrder: 30 },
  {
    path: '/staff/guides/import',
    labelKey: 'guides:nav.packs',
    roles: ALLOW.admin,
    component: PackAdmin,
    menuOrder: 85,
  },
];
