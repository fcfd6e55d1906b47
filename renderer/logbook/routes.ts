import { ALLOW } from '#shared/contract/roles';
import type { StaffRoute } from '../app/routes';
import { DayBookPage } from './DayBookPage';
import { EntryPage } from './EntryPage';
import { ListPage } from './ListPage';
import { NewEntryPage } from './NewEntryPage';
import { PeoplePage } from './PeoplePage';

/** `/staff/logbook/new?ticket=<id>` is where the desk sends a finished ticket. */
export const logbookRoutes: StaffRoute[] = [
  { path: '/staff/logbook', labelKey: 'logbook:nav.list', roles: ALLOW.staff, component: ListPage, menuOrder: 30 },
  {
    path: '/staff/logbook/new',
    labelKey: 'logbook:nav.new',
    roles: ALLOW.staff,
    component: NewEntryPage,
    menuOrder: 31,
  },
  {
    path: '/staff/logbook/day',
    labelKey: 'logbook:nav.day',
    roles: ALLOW.staff,
    component: DayBookPage,
    menuOrder: 32,
  },
  {
    path: '/staff/logbook/people',
    labelKey: 'logbook:nav.find',
    roles: ALLOW.staff,
    component: PeoplePage,
    menuOrder: 33,
  },
  { path: '/staff/logbook/entry', labelKey: 'logbook:nav.list', roles: ALLOW.staff, component: EntryPage },
];
