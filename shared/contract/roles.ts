/** Who may call a method. `citizen` is anyone without a staff session (kiosk, board, a LAN device). */
export const ROLES = ['citizen', 'duty_member', 'team_leader', 'commune_official', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['duty_member', 'team_leader', 'commune_official', 'admin'] as const satisfies readonly Role[];

/** Named groups used in method declarations so the intent reads at a glance. */
export const ALLOW = {
  anyone: ROLES,
  staff: STAFF_ROLES,
  leaders: ['team_leader', 'commune_official', 'admin'],
  officials: ['commune_official', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
