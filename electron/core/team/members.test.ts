import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, signInAs, testClock } from '../testing';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const member = (over: Record<string, unknown> = {}) => ({
  fullName: "Ksor H'Bia",
  position: 'member',
  origin: 'village_youth',
  subGroup: 'village_standing',
  village: 'Làng Bông',
  skills: ['vneid'],
  languages: ['vi', 'jrai'],
  phone: '',
  phoneConsent: false,
  pin: '285714',
  ...over,
});

describe('team members', () => {
  let app: TestApp;
  const clock = testClock('2026-06-10T02:00:00Z');
  beforeEach(async () => (app = await openTestApp({ now: clock.now })));
  afterEach(() => app.cleanup());

  it('a leader adds a member who can then sign in with the PIN; the role follows the position', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const { id } = await app.invoke('team.save', member(), leader);
    const { members } = await app.invoke('team.members', {}, leader);
    expect(members.find((m) => m.id === id)).toMatchObject({
      fullName: "Ksor H'Bia",
      accessRole: 'duty_member',
      languages: ['vi', 'jrai'],
      active: true,
    });
    const session = await app.invoke('access.signIn', { memberId: id, pin: '285714' });
    expect(session.member.role).toBe('duty_member');
    const deputy = await app.invoke('team.save', member({ fullName: 'Tổ phó', position: 'deputy' }), leader);
    expect((await app.invoke('team.members', {}, leader)).members.find((m) => m.id === deputy.id)!.accessRole).toBe(
      'team_leader',
    );
    // Promoted by a leader's edit: the role follows the new position.
    await app.invoke('team.save', member({ id, position: 'deputy', pin: undefined }), leader);
    expect((await app.invoke('team.members', {}, leader)).members.find((m) => m.id === id)!.accessRole).toBe(
      'team_leader',
    );
  });

  it('refuses bad input with field messages and changes nothing', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const before = (await app.invoke('team.list', {}, leader)).length;
    const res = await app.call('team.save', member({ fullName: ' ', pin: '12', phone: '0905 123 456' }), leader);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('invalid_input');
      expect(res.error.fields).toMatchObject({
        fullName: 'team:problems.required',
        pin: 'settings:problems.pin',
        phoneConsent: 'team:problems.phoneConsent',
      });
      expect(res.error.message.vi).toMatch(/Thông tin nhập chưa đúng/);
    }
    expect((await app.invoke('team.list', {}, leader)).length).toBe(before);
  });

  it('keeps a phone only with consent, shows it to leaders only', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const { id } = await app.invoke('team.save', member({ phone: '0905 123 456', phoneConsent: true }), leader);
    expect((await app.invoke('team.members', {}, leader)).members.find((m) => m.id === id)).toMatchObject({
      phone: '0905123456',
      phoneConsent: true,
    });
    const duty = await signInAs(app, 'duty_member');
    expect((await app.call('team.members', {}, duty)).ok).toBe(false);
    expect(JSON.stringify(await app.invoke('team.list', {}, duty))).not.toContain('0905123456');
  });

  it('only an admin gives admin or official roles, and the last admin stays', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const res = await app.call('team.save', member({ position: null, accessRole: 'admin' }), leader);
    expect(res.ok || res.error.code).toBe('forbidden');
    const admin = await signInAs(app, 'admin');
    const { id } = await app.invoke(
      'team.save',
      member({ fullName: 'Cán bộ xã', position: null, accessRole: 'commune_official' }),
      admin,
    );
    expect((await app.invoke('team.members', {}, admin)).members.find((m) => m.id === id)!.accessRole).toBe(
      'commune_official',
    );
    // The setup admin and this one are two admins: deactivating one is fine, the last is refused.
    const setupAdmin = (await app.invoke('team.members', {}, admin)).members.find((m) => m.fullName === 'Quản trị')!;
    await app.invoke('team.setActive', { id: setupAdmin.id, active: false }, admin);
    const self = await app.call('team.setActive', { id: admin.memberId, active: false }, admin);
    expect(self.ok || self.error.fields).toEqual({ id: 'team:problems.notYourself' });
  });

  it('deactivating keeps the member, ends their sessions and takes them off future duty; PIN reset unlocks', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const duty = await signInAs(app, 'duty_member', { fullName: 'Trực' });
    await app.invoke('roster.assign', { day: '2026-06-11', shift: 'full', memberId: duty.memberId }, leader);
    const { removedShifts } = await app.invoke('team.setActive', { id: duty.memberId, active: false }, leader);
    expect(removedShifts).toBe(1);
    expect((await app.invoke('team.list', {}, leader)).find((m) => m.id === duty.memberId)!.active).toBe(false);
    expect((await app.call('roster.today', {}, duty)).ok).toBe(false);
    await app.invoke('team.setActive', { id: duty.memberId, active: true }, leader);
    for (let i = 0; i < 5; i++)
      await app.call('access.signIn', { memberId: duty.memberId, pin: '0000' }, { device: 'staff' });
    expect((await app.invoke('team.members', {}, leader)).members.find((m) => m.id === duty.memberId)!.locked).toBe(
      true,
    );
    await app.invoke('team.resetPin', { id: duty.memberId, pin: '461937' }, leader);
    expect((await app.invoke('access.signIn', { memberId: duty.memberId, pin: '461937' })).member.id).toBe(
      duty.memberId,
    );
  });

  it('warns where the team departs from the decision', async () => {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    const { warnings } = await app.invoke('team.members', {}, leader);
    expect(warnings).toContainEqual({ code: 'team_size', count: 1, min: 15, max: 20 });
    expect(warnings).toContainEqual({ code: 'deputies', count: 0 });
    expect(warnings).toContainEqual({ code: 'language_missing', language: 'jrai' });
    await app.invoke('team.save', member(), leader);
    expect((await app.invoke('team.members', {}, leader)).warnings.some((w) => w.code === 'language_missing')).toBe(
      false,
    );
  });
});
