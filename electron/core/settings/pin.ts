import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { AppError, isOneOf } from '#shared/contract';
import { isTrivialPin } from '#shared/settings/pin-rules';
import { DEMO_PINS } from '../demo-pins';

const scrypt = promisify(scryptCallback) as (pin: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

export interface PinHashParams {
  N: number;
  r: number;
  p: number;
}

/**
 * scrypt with N=2^17, r=8 (128 MiB, about 0.4 s a try on one core): with a copied database, all
 * the 10^6 six-digit PINs cost days of one core, not the hours N=2^15 gave (`npm run bench`
 * measures it). PIN checks take turns (`pinTurn`), so the memory is taken once, briefly, and
 * one thread of the pool SQLite's queries also run on is busy with it, never all of them.
 */
export const PIN_HASH_PARAMS: PinHashParams = { N: 1 << 17, r: 8, p: 1 };
const MAX_MEMORY = 256 * 1024 * 1024;
const KEY_LENGTH = 32;

let current: PinHashParams = PIN_HASH_PARAMS;

/**
 * For the core tests only (`electron/core/testing.ts`): their hundreds of fixture sign-ins use
 * a cheap hash. The server the fault and end-to-end suites start, and the bench, use the real one.
 */
export function setPinHashParamsForTests(params: PinHashParams): void {
  current = params;
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = current;
  const key = await scrypt(pin, salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEMORY });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash made with weaker parameters than today's is replaced at the next good sign-in. */
export function needsRehash(stored: string): boolean {
  const [, n, r, p] = stored.split('$');
  return Number(n) < current.N || Number(r) < current.r || Number(p) < current.p;
}

/** Would this PIN be refused as a new PIN today (too short, trivial, a demo PIN)? */
export function pinIsWeak(pin: string): boolean {
  return !/^\d{6,8}$/.test(pin) || isTrivialPin(pin) || isOneOf(Object.values(DEMO_PINS), pin);
}

/**
 * Hash a PIN a person chose (setup, a new member, a reset, a change). The form's rules have run
 * already (length, trivial); the demo PINs are printed in the README, so they are refused too.
 */
export async function hashNewPin(pin: string, field: string): Promise<string> {
  if (isOneOf(Object.values(DEMO_PINS), pin))
    throw new AppError('invalid_input', {}, { [field]: 'settings:problems.pinTrivial' });
  return hashPin(pin);
}

let lastTurn: Promise<void> = Promise.resolve();

/**
 * Wait for the PIN checks that came before, in this process; call the returned function when
 * this one is recorded. Never wait for a turn while holding the database's write lock (the
 * check before may need it to record its outcome): `ctx.whileUnlocked(pinTurn)`.
 */
export async function pinTurn(): Promise<() => void> {
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const before = lastTurn;
  lastTurn = before.then(() => mine);
  await before;
  return release;
}
