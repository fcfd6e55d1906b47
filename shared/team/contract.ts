import { z } from 'zod';
import { empty, method } from '../contract/define';
import { ALLOW } from '../contract/roles';
import { memberSummary } from './schemas';

export const teamMethods = {
  'team.list': method({
    summary: 'Team members and staff accounts.',
    roles: ALLOW.staff, kind: 'read', input: empty, output: z.array(memberSummary),
  }),
} as const;
