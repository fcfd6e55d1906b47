import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName, type Role } from '#shared/contract';
import type { Credentials } from '#core/gate';
import { openTestApp, signInAs } from '#core/testing';
import { databaseChecksum } from '../support/checksum';
import { badInput, seedFor } from './arbitraries';

/**
 * Every method of the contract, present and future, fed generated bad input by a caller who is
 * allowed to call it: always a typed 4xx error with Vietnamese and English messages, never a
 * server error, and not one byte written anywhere.
 */
const RUNS = Number(process.env.FAULT_RUNS ?? 25);
let app: Awaited<ReturnType<typeof openTestApp>>;
const sessions = new Map<Role, Credentials>();

beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.cleanup());

/** The caller for a method: a citizen at the kiosk if anyone may call it, else the most able role. */
async function callerFor(name: MethodName): Promise<Credentials | 'system'> {
  const roles = methods[name].roles as readonly Role[];
  // The point's own jobs: reached only through the gate's system road, never a transport.
  if ((roles as readonly string[]).includes('system')) return 'system';
  if (roles.includes('citizen')) return { device: 'kiosk' };
  const role = (['admin', 'commune_official', 'team_leader', 'duty_member'] as const).find((r) => roles.includes(r))!;
  if (!sessions.has(role)) sessions.set(role, await signInAs(app, role, { fullName: `Fuzz ${role}` }));
  return sessions.get(role)!;
}

/** Rows changed on the one connection so far: any write attempt by a refused call shows here. */
async function totalChanges(): Promise<number> {
  return (await sql<{ n: number }>`select total_changes() as n`.execute(app.db)).rows[0]!.n;
}

describe('bad input to every method', () => {
  for (const name of Object.keys(methods) as MethodName[]) {
    it(name, async () => {
      const credentials = await callerFor(name);
      const send = (input: unknown) =>
        credentials === 'system' ? app.system(name, input) : app.call(name, input, credentials);
      const before = await databaseChecksum(app.db);
      await fc.assert(
        fc.asyncProperty(badInput(methods[name]), async (input) => {
          const changes = await totalChanges();
          const res = await send(input);
          expect(res.ok, JSON.stringify(input)?.slice(0, 300)).toBe(false);
          if (res.ok) return;
          expect(res.status).toBe(400);
          expect(res.error.code).toBe('invalid_input');
          expect(res.error.message.vi).toMatch(/\S/);
          expect(res.error.message.en).toMatch(/\S/);
          expect(await totalChanges(), 'a refused call changed rows').toBe(changes);
        }),
        // A time cap per method keeps the file bounded on a slow machine (PIN checks are slow on purpose).
        { numRuns: RUNS, seed: seedFor(name), interruptAfterTimeLimit: 3000 },
      );
      expect(await databaseChecksum(app.db)).toBe(before);
    });
  }
});
