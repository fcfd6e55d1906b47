import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName, type Role } from '#shared/contract';
import type { Credentials } from '#core/gate';
import { openTestApp, signInAs, testClock } from '#core/testing';
import { integrityOf } from '../support/checksum';
import { seedFor, shapedInput } from './arbitraries';

/**
 * Well-formed input with random meaning (ids that do not exist, odd dates, random enums) from
 * a caller allowed to call the method: it may succeed or be refused, but never with a server
 * error; the database stays intact. Generic over the contract, so new methods are covered.
 */
const RUNS = Number(process.env.FAULT_RUNS ?? 12);
const clock = testClock('2026-05-12T02:30:00Z'); // a Tuesday morning in Vietnam, the point open
let app: Awaited<ReturnType<typeof openTestApp>>;
const sessions = new Map<Role, Credentials>();

beforeAll(async () => {
  app = await openTestApp({ now: clock.now });
});
afterAll(() => app.cleanup());

async function callerFor(name: MethodName): Promise<Credentials | 'system'> {
  const roles = methods[name].roles as readonly Role[];
  // The point's own jobs: reached only through the gate's system road, never a transport.
  if ((roles as readonly string[]).includes('system')) return 'system';
  if (roles.includes('citizen')) return { device: 'kiosk' };
  const role = (['admin', 'commune_official', 'team_leader', 'duty_member'] as const).find((r) => roles.includes(r))!;
  // One account per role (each admin more makes every admin-PIN check slower); a new one only
  // if a random call ended the session or deactivated the account.
  const known = sessions.get(role);
  const me = known ? await app.call('access.me', {}, known) : null;
  if (known && me?.ok && (me.result as { role: Role }).role === role) return known;
  const fresh = await signInAs(app, role, { fullName: `Random ${role} ${name}` });
  sessions.set(role, fresh);
  return fresh;
}

describe('random well-formed input to every method', () => {
  for (const name of Object.keys(methods) as MethodName[]) {
    it(name, async () => {
      const credentials = await callerFor(name);
      const send = (input: unknown) =>
        credentials === 'system' ? app.system(name, input) : app.call(name, input, credentials);
      await fc.assert(
        fc.asyncProperty(shapedInput(methods[name]), async (input) => {
          const res = await send(input);
          if (res.ok) return;
          expect(res.status, `${name} ${JSON.stringify(input).slice(0, 300)} → ${res.error.code}`).toBeLessThan(500);
          expect(res.error.message.vi).toMatch(/\S/);
        }),
        // A time cap per method keeps the file bounded on a slow machine (PIN checks are slow on
        // purpose); long enough that even a PIN method on a loaded machine gets its first runs in.
        { numRuns: RUNS, seed: seedFor(name), interruptAfterTimeLimit: 4000 },
      );
    });
  }
  it('leaves an intact database', async () => {
    expect(await integrityOf(app.db)).toBe('ok');
  });
});
