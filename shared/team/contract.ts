import { z } from 'zod';
import { empty, id, method, ok } from '../contract/define';
import { ALLOW } from '../contract/roles';
import { pin } from '../settings/schemas';
import { rosterMethods } from './roster-contract';
import { memberDetail, memberInput, memberSummary, teamWarning } from './schemas';

export const teamMethods = {
  'team.list': method({
    summary: 'Team members and staff accounts.',
    roles: ALLOW.staff,
    kind: 'read',
    input: empty,
    output: z.array(memberSummary),
  }),
  'team.members': method({
    summary: 'The team with contact details and where it departs from the decision (warnings).',
    roles: ALLOW.leaders,
    kind: 'read',
    input: empty,
    output: z.object({
      members: z.array(memberDetail),
      warnings: z.array(teamWarning),
      localLanguages: z.array(z.string()),
    }),
  }),
  'team.save': method({
    summary: 'Add a member or change one.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: memberInput,
    output: z.object({ id }),
  }),
  'team.setActive': method({
    summary: 'Deactivate a member (kept with their history) or bring them back.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: z.object({ id, active: z.boolean() }),
    output: z.object({ removedShifts: z.number() }),
  }),
  'team.resetPin': method({
    summary: 'Set a new PIN for a member who forgot theirs; unlocks the account.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: z.object({ id, pin }),
    output: ok,
  }),
  ...rosterMethods,
} as const;
