/**
 * PINs of the demo accounts, printed when the demo starts (never used outside `--demo`). Kept in
 * a module of its own so tests and the bench can sign in without loading any domain code.
 */
export const DEMO_PINS = { admin: '246810', leader: '1111', official: '2222', member: '1234' } as const;
