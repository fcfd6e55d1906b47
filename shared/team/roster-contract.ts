import { z } from 'zod';
import { id, method, ok } from '../contract/define';
import { exportFile, exportFormat } from '../contract/files';
import { ALLOW } from '../contract/roles';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from './activities';
import { SHIFT_MODES, SHIFTS } from './generate';
import { HOLIDAY_KEYS } from './holidays';
import { day, leaveInput, month } from './schemas';

const shift = z.enum(SHIFTS);
const minimumCheck = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  per: z.enum(['month', 'week', 'year']),
  required: z.number(),
  done: z.number(),
  plannedOrDone: z.number(),
  state: z.enum(['met', 'planned', 'missing']),
  monthsMet: z.number().optional(),
  monthsCounted: z.number().optional(),
});

export const rosterSettings = z.object({
  shiftMode: z.enum(SHIFT_MODES),
  perShift: z.number().int().min(1, 'team:problems.perShift').max(3, 'team:problems.perShift'),
  languageWeekdays: z.array(z.number().int().min(0).max(6)).max(7),
});

const plannedMember = z.object({
  shiftId: id,
  memberId: id,
  fullName: z.string(),
  source: z.enum(['auto', 'manual']),
  present: z.boolean(),
});
export const rosterDay = z.object({
  day,
  working: z.boolean(),
  why: z.enum(['weekend', 'holiday', 'closed']).nullable(),
  holiday: z.enum(HOLIDAY_KEYS).nullable(),
  /** The default comes from a yearly government announcement: check it. */
  confirm: z.boolean(),
  reason: z.string().nullable(),
  override: z.enum(['closed', 'open']).nullable(),
  needsLanguage: z.boolean(),
  hasSpeaker: z.boolean(),
  shifts: z.array(
    z.object({ shift, count: z.number(), state: z.enum(['below', 'ok', 'above']), members: z.array(plannedMember) }),
  ),
  /** Members who signed in that day without being planned. */
  unplannedPresent: z.array(z.object({ memberId: id, fullName: z.string() })),
});

export const activityInput = z.object({
  id: id.optional(),
  kind: z.enum(ACTIVITY_KINDS),
  day,
  startTime: z
    .string()
    .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, 'settings:problems.time')
    .transform((s) => s || null),
  place: z.string().trim().min(1, 'team:problems.required').max(200, 'team:problems.tooLong'),
  village: z
    .string()
    .trim()
    .max(80, 'team:problems.tooLong')
    .transform((s) => s || null),
  responsibleMemberId: id.nullable(),
  targetGroup: z.string().trim().min(1, 'team:problems.required').max(200, 'team:problems.tooLong'),
  topic: z
    .string()
    .trim()
    .max(200, 'team:problems.tooLong')
    .transform((s) => s || null),
});
export const activityReport = z
  .object({
    id,
    status: z.enum(ACTIVITY_STATUSES),
    peopleReached: z.number().int().min(0, 'team:problems.people').max(100_000, 'team:problems.people').nullable(),
    result: z
      .string()
      .trim()
      .max(1000, 'team:problems.tooLong')
      .transform((s) => s || null),
  })
  .refine((r) => r.status !== 'done' || r.peopleReached !== null, {
    path: ['peopleReached'],
    message: 'team:problems.peopleRequired',
  });

export const activity = z.object({
  id,
  kind: z.enum(ACTIVITY_KINDS),
  day,
  startTime: z.string().nullable(),
  place: z.string(),
  village: z.string().nullable(),
  responsibleMemberId: id.nullable(),
  responsibleName: z.string().nullable(),
  targetGroup: z.string(),
  topic: z.string().nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  peopleReached: z.number().nullable(),
  result: z.string().nullable(),
  version: z.number(),
});
export type Activity = z.output<typeof activity>;

const presence = z.object({
  attendanceId: id,
  memberId: id,
  fullName: z.string(),
  signedInAt: z.string(),
  signedOutAt: z.string().nullable(),
  planned: z.boolean(),
});

/** Duty roster, leave, attendance and the monthly plan of activities. */
export const rosterMethods = {
  'roster.month': method({
    summary: 'A month of the roster: calendar, planned members against actual, coverage, balance.',
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({ month }),
    output: z.object({
      month,
      status: z.enum(['none', 'draft', 'published']),
      version: z.number(),
      publishedAt: z.string().nullable(),
      settings: rosterSettings,
      hasLunarTable: z.boolean(),
      days: z.array(rosterDay),
      tally: z.array(
        z.object({
          memberId: id,
          fullName: z.string(),
          shifts: z.number(),
          unavailableDays: z.number(),
          speaksLocal: z.boolean(),
        }),
      ),
      /** Leave overlapping the month (leaders only; empty for members). */
      leave: z.array(z.object({ memberId: id, from: day, to: day })),
      leaderName: z.string().nullable(),
    }),
  }),
  'roster.generate': method({
    summary: 'Fill the draft month fairly (days from today on); past days are kept.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: z.object({
      month,
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .optional(),
    }),
    output: z.object({ assigned: z.number(), gaps: z.number(), languageGaps: z.array(day) }),
  }),
  'roster.assign': method({
    summary: 'Put a member on duty on a day by hand.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: z.object({ day, shift, memberId: id }),
    output: ok,
  }),
  'roster.unassign': method({
    summary: 'Take a member off a day.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: z.object({ shiftId: id }),
    output: ok,
  }),
  'roster.swap': method({
    summary: 'Swap the members of two planned places (two days, or two shifts of a day).',
    roles: ALLOW.leaders,
    kind: 'write',
    input: z.object({ a: id, b: id }),
    output: ok,
  }),
  'roster.publish': method({
    summary: 'Publish the month: members see it; its days go into the outbox for the next batch to the province.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: z.object({ month }),
    output: ok,
  }),
  'roster.edit': method({
    summary:
      'Edits from the month grid, all or none; a published month needs `confirmed` and tells each member concerned.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: z.object({
      month,
      confirmed: z.boolean().default(false),
      changes: z
        .array(z.object({ day, memberId: id, shift: shift.nullable() }))
        .min(1)
        .max(400),
    }),
    output: z.object({ changed: z.number().int(), told: z.number().int() }),
  }),
  'roster.notices': method({
    summary: "The caller's notices of changes to a published roster, not yet dismissed.",
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        id,
        month,
        at: z.string(),
        byName: z.string().nullable(),
        changes: z.array(z.object({ day, before: shift.nullable(), after: shift.nullable() })),
      }),
    ),
  }),
  'roster.dismissNotice': method({
    summary: 'A member marks their own notice as seen.',
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ id }),
    output: ok,
  }),
  'roster.updateSettings': method({
    summary: "The point's roster rules: shifts, members a shift, days wanting a minority-language speaker.",
    roles: ALLOW.leaders,
    kind: 'write',
    input: rosterSettings,
    output: ok,
  }),
  'roster.setDay': method({
    summary: 'Close the point on a day, open it on a default holiday, or go back to the default.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: z.object({
      day,
      kind: z.enum(['closed', 'open', 'default']),
      reason: z
        .string()
        .trim()
        .max(120, 'team:problems.tooLong')
        .transform((s) => s || null),
    }),
    output: ok,
  }),
  'roster.export': method({
    summary: 'The month as CSV or XLSX.',
    roles: ALLOW.leaders,
    kind: 'read',
    input: z.object({ month, format: exportFormat }),
    output: exportFile,
  }),
  'roster.today': method({
    summary: "Today's duty: who is planned, who has signed in, and whether the day is uncovered.",
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({}).strict(),
    output: z.object({
      day,
      working: z.boolean(),
      openTime: z.string(),
      planned: z.array(z.object({ memberId: id, fullName: z.string(), shift })),
      present: z.array(presence),
      problem: z.enum(['nobody_planned', 'nobody_signed_in']).nullable(),
    }),
  }),
  'leave.list': method({
    summary: 'Leave and unavailability from a day on (a member sees their own; leaders see all).',
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({ from: day }),
    output: z.array(
      z.object({ id, memberId: id, fullName: z.string(), from: day, to: day, reason: z.string().nullable() }),
    ),
  }),
  'leave.add': method({
    summary: 'Enter leave or unavailability (one’s own, or any member’s for a leader).',
    roles: ALLOW.staff,
    kind: 'write',
    input: leaveInput,
    output: z.object({ id, removedShifts: z.number() }),
  }),
  'leave.remove': method({
    summary: 'Remove a leave entry.',
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ id }),
    output: ok,
  }),
  'attendance.signIn': method({
    summary: "A member signs in for duty: one's own session is enough, someone else gives their PIN.",
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ memberId: id, pin: z.string().max(16).optional() }),
    output: presence,
  }),
  'attendance.signOut': method({
    summary: "A member signs out of duty (own session, or the member's PIN); their desk is freed.",
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ memberId: id, pin: z.string().max(16).optional() }),
    output: presence,
  }),
  'activity.list': method({
    summary: "The month's plan of activities and which minimums are met for the month and the year.",
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({ month }),
    output: z.object({
      activities: z.array(activity),
      monthChecks: z.array(minimumCheck),
      yearChecks: z.array(minimumCheck),
    }),
  }),
  'activity.save': method({
    summary: 'Plan an activity, or change a planned one.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: activityInput,
    output: z.object({ id }),
  }),
  'activity.report': method({
    summary: 'Afterwards: done (people reached, result) or cancelled. Leaders or the member responsible.',
    roles: ALLOW.staff,
    kind: 'write',
    input: activityReport,
    output: ok,
  }),
} as const;
