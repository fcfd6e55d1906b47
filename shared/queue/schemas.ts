import { z } from 'zod';
import { id } from '../contract/define';
import { COMMON_PROCEDURES, OUTCOMES, PRIORITY_GROUPS } from '../logbook/vocabulary';
import { LANGUAGES } from '../settings/schemas';
import { HELP_KIND_KEYS } from '../team/schemas';

/**
 * A ticket's life: waiting → called (summoned to a desk) → serving → finished. A called ticket
 * can be recalled, put back (waiting again), transferred or marked no-show; tickets still open
 * when a new Vietnamese day starts are closed as `expired` and kept.
 */
export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'finished', 'no_show', 'expired'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const OPEN_STATUSES = ['waiting', 'called', 'serving'] as const satisfies readonly TicketStatus[];

export const MAX_DESKS = 9;

export const helpKind = z.enum(HELP_KIND_KEYS);
export const procedure = z.enum(COMMON_PROCEDURES);
export const priorityGroup = z.enum(PRIORITY_GROUPS);
export const language = z.enum(LANGUAGES);
export const outcome = z.enum(OUTCOMES);
export const deskNumber = z.number().int().min(1).max(MAX_DESKS);

export { formatTicketNumber, prefixOf } from './numbers';

/** Vietnamese mobile or landline numbers, digits only (spaces and dots are removed first). */
const phone = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^0\d{9,10}$/, 'queue:problems.phone'));
const citizenName = z.string().trim().min(1, 'queue:problems.name').max(80, 'queue:problems.tooLong');

/**
 * What the kiosk sends. Name and phone are accepted only with consent: without it nothing
 * personal reaches the database (Decree 13/2023: consent before collecting personal data).
 */
export const checkInInput = z
  .object({
    helpKind,
    procedure: procedure.nullable().default(null),
    priority: z.array(priorityGroup).max(PRIORITY_GROUPS.length).default([]),
    language: language.default('vi'),
    consent: z.boolean().default(false),
    name: citizenName.optional(),
    phone: phone.optional(),
  })
  .refine((c) => c.consent || (c.name === undefined && c.phone === undefined), {
    path: ['consent'],
    message: 'queue:problems.consent',
  })
  .refine((c) => new Set(c.priority).size === c.priority.length, { path: ['priority'], message: 'common:invalid' });

/** The citizen's own ticket, as the kiosk shows and prints it: no personal data. */
export const citizenTicket = z.object({
  id,
  number: z.string(),
  helpKind,
  procedure: procedure.nullable(),
  priority: z.boolean(),
  issuedAt: z.string(),
  ahead: z.number().int().min(0),
  /** Minutes; null before anything is known (no desk open) or when it would run past closing. */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
  /** Today's closing time ('HH:MM') when the ticket was taken during opening hours. */
  closesAt: z.string().nullable(),
  /** The estimate runs past closing: no wait is promised, the citizen is told to ask. */
  pastClosing: z.boolean(),
});
export type CitizenTicket = z.output<typeof citizenTicket>;

/** A ticket as staff see it at the desk, for reprint and for the logbook. */
export const staffTicket = z.object({
  id,
  day: z.string(),
  number: z.string(),
  helpKind,
  procedure: procedure.nullable(),
  priority: z.array(priorityGroup),
  language,
  consent: z.boolean(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(TICKET_STATUSES),
  desk: z.number().int().nullable(),
  targetDesk: z.number().int().nullable(),
  memberId: z.number().int().nullable(),
  memberName: z.string().nullable(),
  walkIn: z.boolean(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  servedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  outcome: outcome.nullable(),
  recallCount: z.number().int(),
  transferCount: z.number().int(),
});
export type StaffTicket = z.output<typeof staffTicket>;

export const queueSettings = z.object({
  /** Normal tickets called between two priority tickets (1 priority after every N normal). */
  normalsPerPriority: z.number().int().min(0, 'queue:problems.range').max(10, 'queue:problems.range'),
  /** No ticket waits longer than this before it is called first, whatever the other rules say. */
  maxWaitMinutes: z.number().int().min(5, 'queue:problems.range').max(240, 'queue:problems.range'),
  recallsBeforeNoShow: z.number().int().min(0, 'queue:problems.range').max(5, 'queue:problems.range'),
  /** Seconds the ticket stays on the kiosk screen before it returns to the start. */
  ticketIdleSeconds: z.number().int().min(3, 'queue:problems.range').max(300, 'queue:problems.range'),
  /** Seconds without a touch on a choice screen before the kiosk returns to the start. */
  choiceIdleSeconds: z.number().int().min(3, 'queue:problems.range').max(600, 'queue:problems.range'),
  receiptPrinter: z.boolean(),
});
export type QueueSettings = z.output<typeof queueSettings>;

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  normalsPerPriority: 2,
  maxWaitMinutes: 30,
  recallsBeforeNoShow: 2,
  ticketIdleSeconds: 30,
  choiceIdleSeconds: 90,
  receiptPrinter: false,
};

/** One announcement on the board: no name, no phone. */
export const boardCall = z.object({
  id,
  number: z.string(),
  desk: z.number().int(),
  at: z.string(),
  priority: z.boolean(),
});

export const boardView = z.object({
  pointName: z.string().nullable(),
  current: boardCall.nullable(),
  recent: z.array(boardCall),
  waiting: z.array(z.object({ helpKind, count: z.number().int() })),
  /** Numbers called today whose holder did not come, latest first: they may still ask at a desk. */
  missed: z.array(z.object({ id, number: z.string(), at: z.string() })),
});
export type BoardView = z.output<typeof boardView>;

/** Whether the kiosk gives numbers now; when closed, when it opens again (shared/queue/opening.ts). */
export const opening = z.union([
  z.object({ open: z.literal(true), closesAt: z.string() }),
  z.object({ open: z.literal(false), opensAt: z.object({ day: z.string(), time: z.string() }).nullable() }),
]);

export const walkInInput = z.object({
  helpKind,
  procedure: procedure.nullable().default(null),
  priority: z.array(priorityGroup).max(PRIORITY_GROUPS.length).default([]),
  language: language.default('vi'),
});

export const transferInput = z
  .object({ ticketId: id, toDesk: deskNumber.nullable().default(null), toKind: helpKind.nullable().default(null) })
  .refine((t) => t.toDesk !== null || t.toKind !== null, {
    path: ['toDesk'],
    message: 'queue:problems.transferTarget',
  });

export const figureRow = z.object({
  key: z.string(),
  label: z.string().nullable(),
  tickets: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  avgWaitMinutes: z.number().nullable(),
  maxWaitMinutes: z.number().nullable(),
  avgServiceMinutes: z.number().nullable(),
});
export type FigureRow = z.output<typeof figureRow>;
