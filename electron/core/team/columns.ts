import { z } from 'zod';
import { SHIFTS } from '#shared/team/generate';
import { memberSummary } from '#shared/team/schemas';

/** The team's JSON columns, as the code writes them (`parseJsonColumn` checks each row read). */
export const skillsColumn = memberSummary.shape.skills;
export const languagesColumn = memberSummary.shape.languages;
/** Weekdays (0 = Sunday … 6 = Saturday). */
export const weekdaysColumn = z.array(z.number().int().min(0).max(6));
/** A published month's change told to one member: the shift before and after, null for not on duty. */
export const rosterChangesColumn = z.array(
  z.object({ day: z.string(), before: z.enum(SHIFTS).nullable(), after: z.enum(SHIFTS).nullable() }),
);
