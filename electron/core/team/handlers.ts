import type { teamMethods } from '../../../shared/team/contract';
import type { Handlers } from '../context';
import { listMembers } from './members';

export const teamHandlers: Handlers<typeof teamMethods> = {
  'team.list': (ctx) => listMembers(ctx.db),
};
