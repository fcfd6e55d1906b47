import { z } from 'zod';
import { reportSchema } from '../reports/contract';

const int = z.number().int();
const activity = z.object({
  kind: z.string(),
  per: z.enum(['month', 'week', 'year']),
  held: int,
  minimum: int.nullable(),
  met: z.boolean().nullable(),
});

/**
 * Reporting the DHIS2 way (expected, actual, actual on time) but never capped: a point-day is
 * one working day of one enrolled point; days a point closed that were not expected (a Saturday,
 * a holiday it opened) are counted apart, so a rate can only pass 100% if the data is wrong.
 */
export const reportingSchema = z.object({
  expected: int,
  actual: int,
  onTime: int,
  late: int,
  extra: int,
  ratePercent: z.number().nullable(),
  onTimePercent: z.number().nullable(),
});

export const unitRowSchema = z.object({
  name: z.string(),
  kind: z.enum(['ward', 'commune']),
  code: z.string().nullable(),
  pilot: z.boolean(),
  enrolled: z.boolean(),
  /** Null: nothing ever received from this unit. */
  lastBatchAt: z.string().nullable(),
  lastDay: z.string().nullable(),
  /** Working days since the last closed day, up to yesterday; null when nothing ever came. */
  silentWorkingDays: int.nullable(),
  missingDays: int,
  gap: z.object({ missing: z.array(int), held: z.array(int) }).nullable(),
  refusedFiles: int,
  reporting: reportingSchema,
  /** Null when nothing was received for the period: no data is not zero. */
  supports: int.nullable(),
  applications: int.nullable(),
  fullyOnlinePercent: z.number().nullable(),
  activities: z.array(activity),
});

export const ALERT_KINDS = ['silent', 'never', 'gap', 'refused_burst', 'over_100'] as const;
export const alertSchema = z.object({ kind: z.enum(ALERT_KINDS), unit: z.string().nullable(), count: int });

export const TARGET_IDS = [
  'team_every_unit',
  'sessions_monthly',
  'daily_reporting',
  'skills_80',
  'vneid_95',
  'yearly_30',
  'fully_online_80',
  'assisted_70',
  'pilot_30',
  'scam_households',
  'scam_activities',
] as const;
export const targetSchema = z.object({
  id: z.enum(TARGET_IDS),
  section: z.string(),
  target: z.string(),
  /** What the data measures towards it; null (with `why`) when the points do not send what it needs. */
  measured: z
    .object({ value: z.number().nullable(), of: int.nullable(), unit: z.enum(['percent', 'units', 'count']) })
    .nullable(),
  why: z.string().nullable(),
});

export const rankSchema = z.object({
  rank: int,
  name: z.string(),
  pilot: z.boolean(),
  dutiesMet: int,
  duties: int,
  ratePercent: z.number().nullable(),
  onTimePercent: z.number().nullable(),
  supports: int.nullable(),
});

export const overviewSchema = z.object({
  period: z.object({ kind: z.string(), key: z.string(), from: z.string(), to: z.string() }),
  until: z.string(),
  timelyDays: int,
  generatedAt: z.string(),
  reporting: reportingSchema,
  units: z.array(unitRowSchema),
  alerts: z.array(alertSchema),
  notReported: z.array(
    z.object({
      name: z.string(),
      enrolled: z.boolean(),
      lastDay: z.string().nullable(),
      silentWorkingDays: int.nullable(),
    }),
  ),
  dueDay: z.string().nullable(),
  unknownSenders: z.array(z.object({ fingerprint: z.string(), communeName: z.string(), files: int })),
  /** The period's sums over the units (the full measures are in `hub.report`). */
  totals: z.object({ supports: int, applications: int, fullyOnline: int, sharePercent: z.number().nullable() }),
  targets: z.array(targetSchema),
  ranking: z.array(rankSchema),
  pilotSpellingVariants: z.record(z.string(), z.string()),
});

export const communeSchema = z.object({
  name: z.string(),
  kind: z.enum(['ward', 'commune']),
  code: z.string().nullable(),
  pilot: z.boolean(),
  enrolled: z.boolean(),
  year: int,
  months: z.array(
    z.object({
      month: z.string(),
      closedDays: int,
      expectedDays: int,
      supports: int.nullable(),
      applications: int.nullable(),
      fullyOnlinePercent: z.number().nullable(),
    }),
  ),
  yearReport: reportSchema.nullable(),
});

export const outcomeSchema = z.object({
  label: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  commune: z.string().nullable(),
  seq: int.nullable(),
});

export const quarantineSchema = z.object({
  files: z.array(
    z.object({
      id: int,
      at: z.string(),
      reason: z.enum(['unknown_key', 'held']),
      fingerprint: z.string().nullable(),
      communeName: z.string().nullable(),
      seq: int.nullable(),
      label: z.string(),
    }),
  ),
});

/** The printed report: the overview and the province's full measures (every record of the period read once). */
export const reportDocumentSchema = overviewSchema.extend({ province: reportSchema });
