import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '#shared/contract';
import type { SetupInput } from '#shared/settings/schemas';
import { openApp, type App } from './app';
import type { Credentials } from './gate';
import { hashPin, setPinHashParamsForTests } from './settings/pin';
import { setSealKdfForTests } from './backups/sealed';

/** A clock tests can move; the day rolls over in Vietnam's time, not the host's. */
export function testClock(start: string) {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    set: (iso: string) => void (at = new Date(iso).getTime()),
    advance: (ms: number) => void (at += ms),
  };
}

export const TEST_SETUP: SetupInput = {
  point: {
    communeName: 'Xã Ia Grai',
    isPilotCommune: true,
    communeCode: '',
    pointName: 'Điểm hỗ trợ số xã Ia Grai',
    address: 'UBND xã Ia Grai',
    deskCount: 3,
    openTime: '07:30',
    closeTime: '17:00',
    saturdayOpen: false,
    localLanguages: ['jrai'],
  },
  adminName: 'Quản trị',
  adminPin: '730458',
};

/** The PIN of every member `signInAs` adds (six digits, not a trivial one). */
export const TEST_PIN = '604172';

// Hundreds of fixture sign-ins: a cheap scrypt here. The server the fault and end-to-end suites
// start, and the bench, hash with the real parameters (settings/pin.ts PIN_HASH_PARAMS).
setPinHashParamsForTests({ N: 1 << 10, r: 8, p: 1 });
setSealKdfForTests({ N: 1 << 10, r: 8, p: 1 });

/** A real app on a real SQLite file in a fresh temp folder; `cleanup` removes it. */
export async function openTestApp(options: { now?: () => Date; setup?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dhs-core-'));
  const app = await openApp({
    dataDir,
    ...(options.now ? { now: options.now } : {}),
    log: () => undefined,
    shell: 'test',
  });
  if (options.setup !== false) await app.invoke('setup.complete', TEST_SETUP, { device: 'staff' });
  return Object.assign(app, {
    async cleanup() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

let pinHashCache: string | undefined;

/** Add an active member with the given role and sign them in; returns credentials for calls. */
export async function signInAs(
  app: App,
  role: Exclude<Role, 'citizen'>,
  member: {
    fullName?: string;
    skills?: string[];
    languages?: string[];
    position?: 'leader' | 'deputy' | 'member' | null;
  } = {},
): Promise<Credentials & { memberId: number }> {
  pinHashCache ??= await hashPin(TEST_PIN);
  const at = new Date().toISOString();
  const row = await app.db
    .insertInto('member')
    .values({
      full_name: member.fullName ?? `Test ${role}`,
      access_role: role,
      position: member.position ?? (role === 'admin' || role === 'commune_official' ? null : 'member'),
      origin: null,
      sub_group: null,
      village: null,
      skills: JSON.stringify(member.skills ?? []),
      languages: JSON.stringify(member.languages ?? ['vi']),
      phone: null,
      pin_hash: pinHashCache,
      active: 1,
      locked_until: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await app.invoke('access.signIn', { memberId: row.id, pin: TEST_PIN }, { device: 'staff' });
  return { token: session.token, device: 'staff', memberId: row.id };
}
