import { z } from 'zod';
import { method as anyMethod, type InputOf, type MethodSpec, type OutputOf } from '../contract/define';
import { exportFile, exportFormat } from '../contract/files';
import { isRealDay } from '../time/vietnam';
import { MAX_BATCH_BYTES } from '../uploads/batch';
import { ACCOUNT_NAME_PATTERN, FIRST_ADMIN_CODE_DIGITS, MIN_PASSWORD_LENGTH } from './accounts';
import { HUB_ACCOUNT_ROLES, HUB_ALLOW, type HubRole } from './roles';
import { overviewSchema, communeSchema, outcomeSchema, quarantineSchema, reportDocumentSchema } from './schemas';

/** Files chosen at once in the browser; each travels in its own call (base64 in JSON: 4/3 of the file). */
export const UPLOAD_FILES_MAX = 10;
export const UPLOAD_MAX_BYTES = Math.ceil(MAX_BATCH_BYTES / 3) * 4 + 64 * 1024;

/** 'YYYY-MM' · 'YYYY-Qn' · 'YYYY': the decision's monthly, quarterly and yearly reports (§8.2.c). */
export const hubPeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'province:problems.period');
/** A hub method: the point's declaration, with the hub's roles. */
const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O, HubRole>) =>
  anyMethod<I, O, HubRole>(spec);
const day = z.string().refine(isRealDay, 'common:invalidDay');
/** A session just opened: its token goes into the HttpOnly cookie and is taken out of the answer. */
const signedInSchema = z.object({
  name: z.string(),
  role: z.enum(HUB_ACCOUNT_ROLES),
  expiresAt: z.string(),
  sessionToken: z.string(),
});
const periodQuery = z.object({ period: hubPeriod.optional(), until: day.optional() }).strict();

export const hubMethods = {
  'hub.session': method({
    summary: 'Who is signed in (nobody, or an account and its role).',
    roles: HUB_ALLOW.anyone,
    kind: 'read',
    input: z.object({}).strict(),
    output: z.object({
      account: z.object({ name: z.string(), role: z.enum(HUB_ACCOUNT_ROLES) }).nullable(),
      today: z.string(),
      /** Set while the hub has no admin: the first one may be made from the browser (with the console's code unless on this machine). */
      firstAdmin: z.object({ codeRequired: z.boolean() }).nullable(),
    }),
  }),
  'hub.createFirstAdmin': method({
    summary:
      "Make the hub's first province admin from the browser and sign it in: from this machine, or from elsewhere with the one-time code `province serve` printed. Gone (404) once an admin exists.",
    roles: HUB_ALLOW.signedOut,
    kind: 'write',
    maxBytes: 4096,
    input: z
      .object({
        name: z.string().trim().regex(ACCOUNT_NAME_PATTERN, 'province:problems.accountName'),
        password: z.string().min(MIN_PASSWORD_LENGTH, 'province:problems.passwordShort').max(200),
        code: z
          .string()
          .max(FIRST_ADMIN_CODE_DIGITS + 4)
          .optional(),
      })
      .strict(),
    output: signedInSchema,
  }),
  'hub.signIn': method({
    summary: 'Sign in with an account name and password; the session travels in an HttpOnly cookie, never in the body.',
    roles: HUB_ALLOW.signedOut,
    kind: 'write',
    maxBytes: 4096,
    input: z.object({ name: z.string().trim().min(1).max(80), password: z.string().min(1).max(200) }).strict(),
    output: signedInSchema,
  }),
  'hub.signOut': method({
    summary: 'End this session.',
    roles: HUB_ALLOW.people,
    kind: 'write',
    input: z.object({}).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'hub.overview': method({
    summary:
      'All 135 units for a period: reporting, silence, gaps, supports, activities, alerts, targets (§I.3.2) and the ranking (§8.2.d).',
    roles: HUB_ALLOW.readers,
    kind: 'read',
    input: periodQuery,
    output: overviewSchema,
  }),
  'hub.report': method({
    summary:
      "The monthly, quarterly or yearly report (§8.2.c): the overview with the province's full measures (kinds of help, procedures, outcomes, obstacles, activities).",
    roles: HUB_ALLOW.readers,
    kind: 'read',
    input: periodQuery,
    output: reportDocumentSchema,
  }),
  'hub.commune': method({
    summary: 'One unit in depth for a year: month by month, procedures, outcomes, obstacles, activities.',
    roles: HUB_ALLOW.readers,
    kind: 'read',
    input: z
      .object({ unit: z.string().trim().min(1).max(80), year: z.number().int().min(2025).max(2100).optional() })
      .strict(),
    output: communeSchema,
  }),
  'hub.export': method({
    summary: 'The overview of a period as CSV (UTF-8 with BOM) or XLSX (real dates and numbers).',
    roles: HUB_ALLOW.readers,
    kind: 'read',
    input: periodQuery.extend({ format: exportFormat }).strict(),
    output: exportFile,
  }),
  'hub.quarantine': method({
    summary: 'Files kept aside: from keys not enrolled, or behind a missing batch, with their reasons.',
    roles: HUB_ALLOW.admin,
    kind: 'read',
    input: z.object({}).strict(),
    output: quarantineSchema,
  }),
  'hub.upload': method({
    summary: "Batch files brought on a USB stick, uploaded from the browser: checked and stored like a point's POST.",
    roles: HUB_ALLOW.admin,
    kind: 'write',
    maxBytes: UPLOAD_MAX_BYTES,
    input: z
      .object({
        files: z
          .array(z.object({ name: z.string().min(1).max(200), base64: z.string().max(UPLOAD_MAX_BYTES) }))
          .min(1)
          .max(1),
      })
      .strict(),
    output: z.object({ outcomes: z.array(outcomeSchema) }),
  }),
  'hub.release': method({
    summary: 'Take in the quarantined files of a key now enrolled.',
    roles: HUB_ALLOW.admin,
    kind: 'write',
    input: z.object({ fingerprint: z.string().min(16).max(40) }).strict(),
    output: z.object({ outcomes: z.array(outcomeSchema) }),
  }),
  'hub.drop': method({
    summary: 'Delete the quarantined files of a key nobody will enrol (their sealed parts with them).',
    roles: HUB_ALLOW.admin,
    kind: 'write',
    input: z.object({ fingerprint: z.string().min(16).max(40), reason: z.string().trim().min(3).max(300) }).strict(),
    output: z.object({ dropped: z.number().int() }),
  }),
  'hub.locks': method({
    summary:
      'Accounts and network addresses locked now after wrong sign-ins, and how many locks there were this week (for the admin).',
    roles: HUB_ALLOW.admin,
    kind: 'read',
    input: z.object({}).strict(),
    output: z.object({
      accounts: z.array(z.object({ name: z.string(), until: z.string(), round: z.number().int() })),
      addresses: z.array(z.object({ address: z.string(), until: z.string(), round: z.number().int() })),
      locksThisWeek: z.number().int(),
    }),
  }),
  'hub.unlock': method({
    summary: "Lift an account's or a network address's sign-in lock.",
    roles: HUB_ALLOW.admin,
    kind: 'write',
    input: z.object({ kind: z.enum(['account', 'address']), key: z.string().trim().min(1).max(80) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'hub.openSealed': method({
    summary:
      "Open one record's sealed personal part (a citizen's access request, an erasure audit): needs the personal-data key, its passphrase and a reason; logged.",
    roles: HUB_ALLOW.admin,
    kind: 'write',
    maxBytes: 64 * 1024,
    input: z
      .object({
        unit: z.string().trim().min(1).max(80),
        ref: z.string().trim().min(3).max(80),
        reason: z.string().trim().min(10, 'province:problems.reason').max(500),
        sealKeyPem: z.string().min(50).max(16_000),
        passphrase: z.string().min(12).max(200),
      })
      .strict(),
    output: z.object({
      opened: z.array(z.object({ ref: z.string(), version: z.number().int(), day: z.string(), personal: z.unknown() })),
    }),
  }),
} as const;

export type HubMethods = typeof hubMethods;
export type HubMethodName = keyof HubMethods;
export type HubInput<N extends HubMethodName> = InputOf<HubMethods[N]>;
export type HubOutput<N extends HubMethodName> = OutputOf<HubMethods[N]>;
export type HubMethodSpec = MethodSpec<z.ZodType, z.ZodType, HubRole>;

export function isHubMethod(name: string): name is HubMethodName {
  return Object.hasOwn(hubMethods, name);
}
