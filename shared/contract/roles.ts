/** Who may call a method. `citizen` is anyone without a staff session (kiosk, board, a LAN device). */
export const ROLES = ['citizen', 'duty_member', 'team_leader', 'commune_official', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The point itself: its scheduled jobs (purge, automatic close, batch cut, delivery, backup).
 * Not a member role and no transport can claim it: the gate gives it only to calls made through
 * `gate.system` in the core, never to a request, whatever token it carries.
 */
export const SYSTEM = 'system' as const;
/** Who a method may be called by: a member role, a citizen, or the point itself. */
export type CallerRole = Role | typeof SYSTEM;

export const STAFF_ROLES = [
  'duty_member',
  'team_leader',
  'commune_official',
  'admin',
] as const satisfies readonly Role[];
/** A member's role: what a session holds (citizen is never stored). */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Named groups used in method declarations so the intent reads at a glance. */
export const ALLOW = {
  anyone: ROLES,
  staff: STAFF_ROLES,
  leaders: ['team_leader', 'commune_official', 'admin'],
  officials: ['commune_official', 'admin'],
  admin: ['admin'],
  /** Jobs of the point only (never a person, never a transport). */
  system: [SYSTEM],
} as const satisfies Record<string, readonly CallerRole[]>;
