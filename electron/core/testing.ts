import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../shared/contract';
import type { SetupInput } from '../../shared/settings/schemas';
import { openApp, type App } from './app';
import type { Credentials } from './gate';
import { hashPin } from './settings/pin';

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
    communeName: 'Xã Ia Grai', isPilotCommune: true, communeCode: '', pointName: 'Điểm hỗ trợ số xã Ia Grai',
    address: 'UBND xã Ia Grai', deskCount: 3, openTime: '07:30', closeTime: '17:00', saturdayOpen: false,
    localLanguages: ['jrai'],
  },
  adminName: 'Quản trị', adminPin: '135790',
};

/** A real app on a real SQLite file in a fresh temp folder; `cleanup` removes it. */
export async function openTestApp(options: { now?: () => Date; setup?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dhs-core-'));
  const app = await openApp({ dataDir, ...(options.now ? { now: options.now } : {}), log: () => undefined });
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
  member: { fullName?: string; skills?: string[]; languages?: string[]; position?: 'leader' | 'deputy' | 'member' | null } = {},
): Promise<Credentials & { memberId: number }> {
  pinHashCache ??= await hashPin('4321');
  const at = new Date().toISOString();
  const row = await app.db
    .insertInto('member')
    .values({
      full_name: member.fullName ?? `Test ${role}`, access_role: role, position: member.position ?? (role === 'admin' || role === 'commune_official' ? null : 'member'),
      origin: null, sub_group: null, village: null, skills: JSON.stringify(member.skills ?? []),
      languages: JSON.stringify(member.languages ?? ['vi']), phone: null, pin_hash: pinHashCache, active: 1,
      locked_until: null, created_at: at, updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await app.invoke('access.signIn', { memberId: row.id, pin: '4321' }, { device: 'staff' });
  return { token: session.token, device: 'staff', memberId: row.id };
}
