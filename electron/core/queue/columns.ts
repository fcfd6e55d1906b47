import { z } from 'zod';
import { PRIORITY_GROUPS } from '#shared/logbook/vocabulary';

/** The ticket's priority groups; `[]` for a normal ticket (`parseJsonColumn` checks each row read). */
export const priorityGroupsColumn = z.array(z.enum(PRIORITY_GROUPS));
