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
    roles: ALLOW.anyone, kind: 'read', input: empty,
    output: z.object({
      configured: z.boolean(),
      communeName: z.string().nullable(),
      pointName: z.string().nullable(),
      deskCount: z.number().int(),
      openTime: z.string().nullable(),
      closeTime: z.string().nullable(),
    }),
  }),
  'setup.complete': method({
    summary: 'First run only: save the point and create the admin account.',
    roles: ALLOW.anyone, kind: 'write', input: setupInput, output: ok,
  }),
  'settings.get': method({
    summary: "The point's settings.",
    roles: ALLOW.staff, kind: 'read', input: empty, output: pointSettings,
  }),
  'settings.update': method({
    summary: "Change the point's settings.",
    roles: ALLOW.admin, kind: 'write', input: pointSettingsInput, output: ok,
  }),
  'access.signInOptions': method({
    summary: 'Names of the active staff accounts, for the sign-in list.',
    roles: ALLOW.anyone, kind: 'read', input: empty,
    output: z.array(z.object({ id, fullName: z.string(), role: z.enum(ROLES) })),
  }),
  'access.signIn': method({
    summary: 'Sign in with a PIN; five wrong PINs in a row lock the account for a while.',
    roles: ALLOW.anyone, kind: 'write', input: z.object({ memberId: id, pin: z.string().max(16) }), output: signedIn,
  }),
  'access.me': method({
    summary: 'Who the caller is.',
    roles: ALLOW.anyone, kind: 'read', input: empty,
    output: z.object({ role: z.enum(ROLES), member: signedIn.shape.member.nullable() }),
  }),
  'access.signOut': method({
    summary: 'End this session.', roles: ALLOW.staff, kind: 'write', input: empty, output: ok,
  }),
  'access.changePin': method({
    summary: "Change one's own PIN.",
    roles: ALLOW.staff, kind: 'write',
    input: z.object({ currentPin: z.string().max(16), newPin: pin }), output: ok,
  }),
  'access.verifyAdminPin': method({
    summary: 'Check an admin PIN (leaving the locked kiosk screen).',
    roles: ALLOW.anyone, kind: 'write', input: z.object({ pin: z.string().max(16) }), output: ok,
  }),
} as const;
