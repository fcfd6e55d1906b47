import { z } from 'zod';
import { empty, method, ok } from '../contract/define';
import { exportFile } from '../contract/files';
import { ALLOW } from '../contract/roles';
import { documentSettings } from './documents';
import { periodInput } from './period';

const count = z.object({ key: z.string(), count: z.number().int() });

export const reportSchema = z.object({
  period: z.object({ kind: z.string(), key: z.string(), from: z.string(), to: z.string() }),
  supports: z.object({
    total: z.number().int(),
    byHelpKind: z.array(count),
    byProcedure: z.array(count),
    byOutcome: z.array(count),
    byChannel: z.array(count),
  }),
  applications: z.object({
    total: z.number().int(),
    fullyOnline: z.number().int(),
    sharePercent: z.number().nullable(),
  }),
  priority: z.object({ supportsWithPriority: z.number().int(), byGroup: z.array(count) }),
  activities: z.array(
    z.object({
      kind: z.string(),
      per: z.enum(['month', 'week', 'year']),
      held: z.number().int(),
      minimum: z.number().int().nullable(),
      met: z.boolean().nullable(),
    }),
  ),
  duty: z.object({
    workingDays: z.number().int(),
    rosteredDays: z.number().int(),
    coveredDays: z.number().int(),
    shiftsPlanned: z.number().int(),
    shiftsPresent: z.number().int(),
    coveragePercent: z.number().nullable(),
  }),
  obstacles: z.array(count),
  tickets: z.object({ total: z.number().int(), priority: z.number().int() }),
});

export const reportsMethods = {
  'reports.get': method({
    summary: "The commune's report for a month, quarter or year, with the decision's measures.",
    roles: ALLOW.leaders,
    kind: 'read',
    input: periodInput,
    output: z.object({
      report: reportSchema,
      communeName: z.string(),
      pointName: z.string(),
      leaderName: z.string().nullable(),
      today: z.string(),
      document: documentSettings,
    }),
  }),
  'reports.export': method({
    summary: 'The same report as an XLSX workbook.',
    roles: ALLOW.leaders,
    kind: 'read',
    input: periodInput,
    output: exportFile,
  }),
  'reports.documentSettings': method({
    summary: 'Who signs the printed report, its code, "Kính gửi" and "Nơi nhận" (defaults until saved).',
    roles: ALLOW.leaders,
    kind: 'read',
    input: empty,
    output: documentSettings,
  }),
  'reports.updateDocumentSettings': method({
    summary: "Save the printed report's signer, code and recipients.",
    roles: ALLOW.leaders,
    kind: 'write',
    input: documentSettings,
    output: ok,
  }),
} as const;
