import { z } from 'zod';
import { id, isoDay, method, ok } from '../contract/define';
import { exportFile } from '../contract/files';
import { ALLOW } from '../contract/roles';
import {
  closeDayInput,
  correctionInput,
  dayBook,
  dayClose,
  entryDetail,
  entryInput,
  exportInput,
  findRow,
  listInput,
  listOutput,
  logbookSettings,
  openItems,
  prefill,
  refinementInput,
  saved,
} from './schemas';

/** The visitor logbook (seed §IV.4.2.b): entries, corrections with a trail, the daily book. */
export const logbookMethods = {
  'logbook.prefill': method({
    summary: 'What a finished ticket already tells the logbook (time, help, desk, member, guide progress).',
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({ ticketId: id }),
    output: prefill,
  }),
  'logbook.create': method({
    summary: 'Record one visit; on a closed day it is saved as a late amendment.',
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ entry: entryInput }),
    output: saved,
  }),
  'logbook.correct': method({
    summary: 'Correct an entry: a new version with who, when and why; the old one is kept.',
    roles: ALLOW.staff,
    kind: 'write',
    input: correctionInput,
    output: saved,
  }),
  'logbook.refine': method({
    summary:
      "Complete an entry (e.g. the one the desk's finish recorded) while its day is open: a new version, no reason asked.",
    roles: ALLOW.staff,
    kind: 'write',
    input: refinementInput,
    output: saved,
  }),
  'logbook.get': method({
    // A write because showing a person's data is itself recorded in the audit trail.
    summary: 'One entry with its whole history of versions.',
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ id }),
    output: entryDetail,
  }),
  'logbook.list': method({
    summary: 'Entries by date range, member, kind of help, outcome and village, a page at a time.',
    roles: ALLOW.staff,
    kind: 'read',
    input: listInput,
    output: listOutput,
  }),
  'logbook.export': method({
    summary: 'The filtered list as CSV or XLSX (no personal data).',
    roles: ALLOW.staff,
    kind: 'read',
    input: exportInput,
    output: exportFile,
  }),
  'logbook.day': method({
    summary: "The day's book for printing and signature.",
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({ day: isoDay }),
    output: dayBook,
  }),
  'logbook.openItems': method({
    summary: 'What is still open on a day: tickets waiting or at a desk, entries the finish left incomplete.',
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({ day: isoDay }),
    output: openItems,
  }),
  'logbook.closeDay': method({
    summary:
      "The commune official closes the day, carrying knowingly what is still open; the day's batch is then packed.",
    roles: ALLOW.officials,
    kind: 'write',
    input: closeDayInput,
    output: z.object({ ok: z.literal(true), batchSeq: z.number().int().nullable() }),
  }),
  'logbook.autoCloses': method({
    summary: 'Days the point closed by itself because nobody did, not yet acknowledged by an official.',
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({}),
    output: z.array(dayClose),
  }),
  'logbook.acknowledgeAutoCloses': method({
    summary: 'An official has seen that the point closed these days by itself.',
    roles: ALLOW.officials,
    kind: 'write',
    input: z.object({ days: z.array(isoDay).min(1).max(60) }),
    output: z.object({ acknowledged: z.number().int() }),
  }),
  'logbook.closeDueDays': method({
    summary: 'Close every working day nobody closed, once its next working morning has come (the point itself).',
    roles: ALLOW.system,
    kind: 'write',
    input: z.object({}),
    output: z.object({ closed: z.array(z.string()) }),
  }),
  'logbook.findPerson': method({
    summary: "Find a person's entries by name or phone (recorded in the audit trail).",
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ query: z.string().trim().min(2, 'logbook:problems.query').max(80) }),
    output: z.array(findRow),
  }),
  'logbook.erase': method({
    summary: "Erase a person's data from entries on their request (every version); counts stay.",
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({
      ids: z.array(id).min(1).max(200),
      reason: z.string().trim().min(5, 'logbook:problems.reason').max(300),
    }),
    output: z.object({ erased: z.number().int() }),
  }),
  'logbook.settings.get': method({
    summary: 'How long personal data is kept.',
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({}),
    output: logbookSettings,
  }),
  'logbook.settings.update': method({
    summary: 'Set how long personal data is kept.',
    roles: ALLOW.admin,
    kind: 'write',
    input: logbookSettings,
    output: ok,
  }),
  'logbook.purgeExpired': method({
    summary: 'Erase the personal data older than the retention period (the point itself, daily).',
    roles: ALLOW.system,
    kind: 'write',
    input: z.object({}),
    output: z.object({ before: z.string(), erased: z.number().int() }),
  }),
  'logbook.purgeNow': method({
    summary: 'Erase now the personal data older than the retention period (it also runs daily).',
    roles: ALLOW.admin,
    kind: 'write',
    input: z.object({}),
    output: z.object({ erased: z.number().int() }),
  }),
} as const;
