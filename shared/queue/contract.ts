import { z } from 'zod';
import { empty, id, isoDay, method, ok } from '../contract/define';
import { ALLOW } from '../contract/roles';
import { MINORITY_LANGUAGES } from '../settings/schemas';
import { recordedVisit } from '../logbook/schemas';
import {
  boardView,
  checkInInput,
  citizenTicket,
  deskNumber,
  figureRow,
  helpKind,
  opening,
  outcome,
  procedure,
  queueSettings,
  staffTicket,
  transferInput,
  walkInInput,
} from './schemas';

const ticketRef = z.object({ ticketId: id });

export const deskView = z.object({
  day: z.string(),
  deskCount: z.number().int(),
  /** The desk the caller holds now, if any. */
  myDesk: z.number().int().nullable(),
  desks: z.array(
    z.object({ desk: z.number().int(), memberId: z.number().int().nullable(), memberName: z.string().nullable() }),
  ),
  /** Tickets at the caller's desk: called or being served. */
  current: z.array(staffTicket),
  /** Oldest first; `overdue` once past the maximum wait (the desk is alerted, any desk may call it). */
  waiting: z.array(staffTicket.extend({ waitedMinutes: z.number().int(), overdue: z.boolean() })),
  recallsBeforeNoShow: z.number().int(),
  maxWaitMinutes: z.number().int(),
});
export type DeskView = z.output<typeof deskView>;

/**
 * The check-in queue. Kiosk and board methods are open to anyone (`citizen`) and return
 * nothing personal; every desk action needs a signed-in member.
 */
export const queueMethods = {
  'queue.kiosk': method({
    summary: 'What the kiosk needs to start: point name, opening, local languages, idle times, receipt printer.',
    roles: ALLOW.anyone,
    kind: 'read',
    input: empty,
    output: z.object({
      pointName: z.string().nullable(),
      opening,
      hours: z.object({ openTime: z.string(), closeTime: z.string(), saturdayOpen: z.boolean() }).nullable(),
      localLanguages: z.array(z.enum(MINORITY_LANGUAGES)),
      ticketIdleSeconds: z.number().int(),
      choiceIdleSeconds: z.number().int(),
      receiptPrinter: z.boolean(),
    }),
  }),
  'queue.checkIn': method({
    summary: 'A citizen takes a number (kiosk or a LAN device) during opening hours; staff may issue one at any time.',
    roles: ALLOW.anyone,
    kind: 'write',
    input: checkInInput,
    output: citizenTicket,
  }),
  'queue.board': method({
    summary: 'The calling board: current and recent calls, how many wait per kind of help.',
    roles: ALLOW.anyone,
    kind: 'read',
    input: empty,
    output: boardView,
  }),
  'queue.desk': method({
    summary: "The desk screen: open desks, the caller's current tickets, the waiting list.",
    roles: ALLOW.staff,
    kind: 'read',
    input: empty,
    output: deskView,
  }),
  'queue.openDesk': method({
    summary: 'Sit at a desk (take it over from someone who forgot to close it, when asked).',
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ desk: deskNumber, takeOver: z.boolean().default(false) }),
    output: ok,
  }),
  'queue.closeDesk': method({
    summary: "Leave one's desk; refused while a ticket there is not finished.",
    roles: ALLOW.staff,
    kind: 'write',
    input: empty,
    output: ok,
  }),
  'queue.callNext': method({
    summary: 'Call the next ticket by the fairness rules; null when nobody waits.',
    roles: ALLOW.staff,
    kind: 'write',
    input: empty,
    output: staffTicket.nullable(),
  }),
  'queue.callTicket': method({
    summary: 'Call one waiting ticket out of order.',
    roles: ALLOW.staff,
    kind: 'write',
    input: ticketRef,
    output: staffTicket,
  }),
  'queue.recall': method({
    summary: 'Call the same ticket again on the board.',
    roles: ALLOW.staff,
    kind: 'write',
    input: ticketRef,
    output: staffTicket,
  }),
  'queue.start': method({
    summary: 'The citizen has come to the desk: service starts.',
    roles: ALLOW.staff,
    kind: 'write',
    input: ticketRef,
    output: staffTicket,
  }),
  'queue.noShow': method({
    summary: 'The citizen did not come after the recalls.',
    roles: ALLOW.staff,
    kind: 'write',
    input: ticketRef,
    output: staffTicket,
  }),
  'queue.putBack': method({
    summary: 'Put a called ticket back at the end of the waiting line.',
    roles: ALLOW.staff,
    kind: 'write',
    input: ticketRef,
    output: staffTicket,
  }),
  'queue.transfer': method({
    summary: 'Send a ticket to another desk or another kind of help; it keeps its place in line.',
    roles: ALLOW.staff,
    kind: 'write',
    input: transferInput,
    output: staffTicket,
  }),
  'queue.walkIn': method({
    summary: 'Serve someone who has no ticket: a ticket is made and served at once.',
    roles: ALLOW.staff,
    kind: 'write',
    input: walkInInput,
    output: staffTicket,
  }),
  'queue.finish': method({
    summary:
      'Finish a ticket with its outcome: its logbook entry is recorded in the same act (the form refines it later).',
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ ticketId: id, outcome, procedure: procedure.nullable().default(null) }),
    output: staffTicket.extend({ entry: recordedVisit }),
  }),
  'queue.dismiss': method({
    summary: "End waiting tickets that will not be served today (from the day's close); they count as not served.",
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ ticketIds: z.array(id).min(1).max(200) }),
    output: z.object({ dismissed: z.number().int() }),
  }),
  'queue.ticket': method({
    summary: 'One ticket in full (reprint, logbook prefill).',
    roles: ALLOW.staff,
    kind: 'read',
    input: ticketRef,
    output: staffTicket,
  }),
  'queue.settings': method({
    summary: 'Queue settings.',
    roles: ALLOW.staff,
    kind: 'read',
    input: empty,
    output: queueSettings,
  }),
  'queue.updateSettings': method({
    summary: 'Change the queue settings.',
    roles: ALLOW.admin,
    kind: 'write',
    input: queueSettings,
    output: ok,
  }),
  'queue.waitingBySource': method({
    summary: "Today's waiting tickets by the device that took them (to spot a flood).",
    roles: ALLOW.staff,
    kind: 'read',
    input: empty,
    output: z.array(
      z.object({
        source: z.string(),
        count: z.number().int(),
        priority: z.number().int(),
        first: z.object({ number: z.string(), at: z.string() }),
        last: z.object({ number: z.string(), at: z.string() }),
      }),
    ),
  }),
  'queue.voidWaiting': method({
    summary:
      "Void today's waiting tickets from one device (a flood); they leave the queue, the figures and the batches.",
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({
      source: z.string().regex(/^(kiosk|staff|board|lan-[0-9a-f]{8})$/),
      since: z.string().datetime().nullable().default(null),
    }),
    output: z.object({ voided: z.number().int() }),
  }),
  'queue.figures': method({
    summary: 'Waiting and service times per kind of help and per member over a period.',
    roles: ALLOW.leaders,
    kind: 'read',
    input: z
      .object({ from: isoDay, to: isoDay })
      .refine((p) => p.from <= p.to, { path: ['to'], message: 'queue:problems.period' }),
    output: z.object({
      byKind: z.array(figureRow.extend({ key: helpKind })),
      byMember: z.array(figureRow),
      total: figureRow,
    }),
  }),
} as const;
