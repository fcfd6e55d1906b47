import { ALLOW } from '#shared/contract/roles';
import type { StaffRoute } from '../app/routes';
import { CommunityPage } from './CommunityPage';

export const communityRoutes: StaffRoute[] = [
  {
    path: '/staff/community',
    labelKey: 'community:nav.community',
    roles: ALLOW.leaders,
    component: CommunityPage,
    menuOrder: 35,
  },
];
