/**
 * PINs of the demo accounts, printed when the demo starts (never used outside `--demo`). Kept in
 * a module of its own so tests and the bench can sign in without loading any domain code.
 * They are printed in the README, so no real account may choose one (settings/pin.ts refuses them).
 */
export const DEMO_PINS = { admin: '582039', leader: '417362', official: '936150', member: '270814' } as const;
