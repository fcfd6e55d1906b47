import { randomInt, timingSafeEqual } from 'node:crypto';
import { AppError } from '#shared/contract/errors';
import { FIRST_ADMIN_CODE_DIGITS } from '#shared/province/accounts';
import { pinTurn } from '#core/settings/pin';
import { isLoopback } from '#server/peers';
import { AccountError, addAccount, hasAdmin, openSession, wrongTry, type SignedIn } from './accounts';
import type { HubDb } from './hub-store';
import { refuseLockedAddress } from './locks';

/** Wrong codes, from all addresses together, after which the code is spent (a restart prints a new one). */
export const FIRST_ADMIN_CODE_TRIES = 10;

/**
 * The one-time code `province serve` prints on its console when the hub has no admin: whoever
 * reaches a fresh hub first would otherwise make its admin. Random at each start, kept only in
 * memory, spent by its first use or by ten wrong tries (each also counts on the address's lock).
 */
export class FirstAdminCode {
  readonly #code = String(randomInt(0, 10 ** FIRST_ADMIN_CODE_DIGITS)).padStart(FIRST_ADMIN_CODE_DIGITS, '0');
  #wrong = 0;
  #used = false;

  /** As printed: 1234-5678. */
  get shown(): string {
    return `${this.#code.slice(0, 4)}-${this.#code.slice(4)}`;
  }

  get usable(): boolean {
    return !this.#used && this.#wrong < FIRST_ADMIN_CODE_TRIES;
  }

  /** Does the typed code (spaces and dashes ignored) match? A wrong one counts. */
  matches(typed: string | undefined): boolean {
    if (!this.usable) return false;
    const given = Buffer.from((typed ?? '').replace(/[\s-]/g, ''));
    const ok = given.length === this.#code.length && timingSafeEqual(given, Buffer.from(this.#code));
    if (!ok) this.#wrong++;
    return ok;
  }

  spend(): void {
    this.#used = true;
  }
}

/**
 * The first province admin, made from the browser: from this machine (loopback) freely, from
 * elsewhere only with the console's code. Once an admin exists the method answers 404, as if
 * it were not there. Takes its turn with the sign-ins, so two at once cannot both be first.
 */
export async function createFirstAdmin(
  db: HubDb,
  input: { name: string; password: string; code?: string | undefined; peer: string },
  code: FirstAdminCode | null,
  now: Date,
  log: (message: string) => void,
): Promise<SignedIn> {
  const done = await pinTurn();
  try {
    if (await hasAdmin(db)) throw new AppError('not_found');
    if (!isLoopback(input.peer)) {
      await refuseLockedAddress(db, input.peer, now);
      if (!code?.matches(input.code)) {
        if (code && !code.usable)
          log(
            'the one-time code for the first admin is spent (too many wrong tries): restart province serve for a new one',
          );
        const refusal = await wrongTry(db, null, input.peer, now, 'firstAdmin.wrongCode');
        throw refusal.code === 'address_locked'
          ? refusal
          : new AppError('invalid_input', {}, { code: 'province:problems.firstAdminCode' });
      }
    }
    const by = isLoopback(input.peer) ? 'browser on this machine' : 'browser with the console code';
    let id: number;
    try {
      id = await addAccount(
        db,
        { name: input.name, role: 'province_admin', password: input.password, by, at: now },
        { onlyFirstAdmin: true },
      );
    } catch (error) {
      // The contract checked the name and password; what is left is a viewer of that name.
      if (error instanceof AccountError)
        throw new AppError('invalid_input', {}, { name: 'province:problems.accountExists' });
      throw error;
    }
    code?.spend();
    return await openSession(db, { id, name: input.name.trim(), role: 'province_admin' }, now);
  } finally {
    done();
  }
}
