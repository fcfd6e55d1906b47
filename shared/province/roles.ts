/**
 * Who may call the province hub. `anonymous` is anyone without a session; `api` is another
 * provincial system holding an API token: it may read, never write, never open sealed data.
 */
export const HUB_ACCOUNT_ROLES = ['viewer', 'province_admin'] as const;
export type HubAccountRole = (typeof HUB_ACCOUNT_ROLES)[number];
export type HubRole = 'anonymous' | HubAccountRole | 'api';

export const HUB_ALLOW = {
  anyone: ['anonymous', 'viewer', 'province_admin', 'api'],
  signedOut: ['anonymous'],
  people: ['viewer', 'province_admin'],
  readers: ['viewer', 'province_admin', 'api'],
  admin: ['province_admin'],
} as const satisfies Record<string, readonly HubRole[]>;
