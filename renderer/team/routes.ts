import { ALLOW } from '#shared/contract/roles';
import type { StaffRoute } from '../app/routes';
import { DutyPage } from './DutyPage';
import { PlanPage } from './PlanPage';
import { RosterPage } from './RosterPage';
import { TeamPage } from './TeamPage';

export const teamRoutes: StaffRoute[] = [
  { path: '/staff/duty', labelKey: 'team:nav.duty', roles: ALLOW.staff, component: DutyPage, menuOrder: 5 },
  { path: '/staff/roster', labelKey: 'team:nav.roster', roles: ALLOW.staff, component: RosterPage, menuOrder: 30 },
  { path: '/staff/plan', labelKey: 'team:nav.plan', roles: ALLOW.staff, component: PlanPage, menuOrder: 32 },
  { path: '/staff/team', labelKey: 'team:nav.team', roles: ALLOW.leaders, component: TeamPage, menuOrder: 34 },
];
