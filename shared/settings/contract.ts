import { z } from 'zod';
import { empty, id, method, ok } from '../contract/define';
import { ALLOW, ROLES } from '../contract/roles';
import { pin, pointSettings, pointSettingsInput, setupInput } from './schemas';

const signedIn = z.object({
  token: z.string(),
  expiresAt: z.string(),
  member: z.object({ id, fullName: z.string(), role: z.enum(ROLES) }),
});

/** Settings and access: first-run setup, the point's settings, PIN sign-in. */
export const settingsMethods = {
  'setup.status': method({
    summary: 'Whether the point is set up, and the public facts every screen shows.',
    roles: ALLOW.anyone,
    kind: 'read',
    input: empty,
    output: z.object({
      configured: z.boolean(),
      communeName: z.string().nullable(),
      pointName: z.string().nullable(),
      deskCount: z.number().int(),
      openTime: z.string().nullable(),
      closeTime: z.string().nullable(),
      /** Before setup: this device must type the one-time code printed on the point's console. */
      setupCodeRequired: z.boolean(),
    }),
  }),
  'setup.complete': method({
    summary:
      "First run only: save the point and create the admin account (from the point's own screen, or with the code printed on its console).",
    roles: ALLOW.anyone,
    kind: 'write',
    input: setupInput.extend({ setupCode: z.string().max(20).optional() }),
    output: ok,
  }),
  'settings.get': method({
    summary: "The point's settings.",
    roles: ALLOW.staff,
    kind: 'read',
    input: empty,
    output: pointSettings,
  }),
  'settings.update': method({
    summary: "Change the point's settings.",
    roles: ALLOW.admin,
    kind: 'write',
    input: pointSettingsInput,
    output: ok,
  }),
  'access.signInOptions': method({
    summary:
      "Names of the active staff accounts, for the sign-in list: on the point's own screens only (a LAN device gets none and signs in by account number).",
    roles: ALLOW.anyone,
    kind: 'read',
    input: empty,
    output: z.object({
      namesShown: z.boolean(),
      members: z.array(z.object({ id, fullName: z.string(), role: z.enum(ROLES) })),
    }),
  }),
  'access.signIn': method({
    summary: 'Sign in with a PIN; five wrong PINs in a row lock the account, each lock longer than the last.',
    roles: ALLOW.anyone,
    kind: 'write',
    input: z.object({ memberId: id, pin: z.string().max(16) }),
    output: signedIn,
  }),
  'access.me': method({
    summary: 'Who the caller is.',
    roles: ALLOW.anyone,
    kind: 'read',
    input: empty,
    output: z.object({
      role: z.enum(ROLES),
      member: signedIn.shape.member.nullable(),
      /** The PIN in use is one today's rules refuse (too short, trivial): change it now. */
      pinChangeRequired: z.boolean(),
    }),
  }),
  'access.signOut': method({
    summary: 'End this session.',
    roles: ALLOW.staff,
    kind: 'write',
    input: empty,
    output: ok,
  }),
  'access.changePin': method({
    summary: "Change one's own PIN.",
    roles: ALLOW.staff,
    kind: 'write',
    input: z.object({ currentPin: z.string().max(16), newPin: pin }),
    output: ok,
  }),
  'access.locks': method({
    summary: 'Accounts locked now after wrong PINs, and how many locks there were this week (for the admin).',
    roles: ALLOW.admin,
    kind: 'read',
    input: empty,
    output: z.object({
      locked: z.array(
        z.object({
          memberId: id,
          fullName: z.string(),
          scope: z.enum(['own', 'lan']),
          until: z.string(),
          round: z.number().int(),
        }),
      ),
      locksThisWeek: z.number().int(),
    }),
  }),
  'access.unlock': method({
    summary: "Lift a member's PIN locks.",
    roles: ALLOW.admin,
    kind: 'write',
    input: z.object({ memberId: id }),
    output: ok,
  }),
  'access.verifyAdminPin': method({
    summary: 'Check an admin PIN (leaving the locked kiosk screen).',
    roles: ALLOW.anyone,
    kind: 'write',
    input: z.object({ pin: z.string().max(16) }),
    output: ok,
  }),
} as const;
