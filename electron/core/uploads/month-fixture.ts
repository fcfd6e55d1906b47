import { generateProvinceKeys } from '#province/keys';
import { TEST_SETUP, openTestApp, signInAs, testClock, TEST_PIN } from '../testing';
import { resolvePeriod } from '#shared/reports/period';
import { vnDayStart } from '#shared/time/vietnam';
import { pointWorkingDays } from '../reports/calendar';
import { seededRandom as seeded } from '#shared/random/seeded';

/** The passphrase of the fixture province's personal-data key. */
export const FIXTURE_PASSPHRASE = 'mật khẩu thử nghiệm của tỉnh';

/** A citizen whose name and phone must never appear in clear in any batch. */
export const SECRET_CITIZEN = { fullName: 'Rơ Châm Hyơn', phone: '0912345678' };

const at = (day: string, hhmm: string) =>
  new Date(vnDayStart(day).getTime() + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000);

/**
 * A point set up with a commune code and the province's key, and one month of real activity
 * made through the gate, as the desk would: roster published, members signing in, tickets,
 * logbook entries (some with consented contact details and priority groups), activities, a late
 * correction, and the day closed every evening by the official (which packs its batch).
 */
export async function monthOfData(
  options: { month?: string; communeCode?: string; seed?: number; entriesPerDay?: number } = {},
) {
  const month = options.month ?? '2026-11';
  const clock = testClock(`${month}-01T00:30:00.000Z`);
  const app = await openTestApp({ now: clock.now });
  const province = generateProvinceKeys(FIXTURE_PASSPHRASE);
  const admin = await app.invoke('access.signIn', { memberId: 1, pin: TEST_SETUP.adminPin });
  const adminCred = { token: admin.token, device: 'staff' as const };
  await app.invoke('settings.update', { ...TEST_SETUP.point, communeCode: options.communeCode ?? '23410' }, adminCred);
  await app.invoke('uploads.setProvince', { keyText: province.publicText }, adminCred);
  const official = await signInAs(app, 'commune_official');
  const leader = await signInAs(app, 'team_leader', {
    position: 'leader',
    fullName: 'Ksor Thị Lan',
    skills: ['dvc', 'vneid'],
  });
  const members = [
    leader,
    await signInAs(app, 'duty_member', { fullName: 'Rmah Văn Đức', skills: ['dvc', 'payment'] }),
    await signInAs(app, 'duty_member', { fullName: 'Nguyễn Thị Hoa', skills: ['vneid', 'smartphone'] }),
  ];
  await app.invoke('roster.generate', { month, seed: 7 }, leader);
  await app.invoke('roster.publish', { month }, leader);

  const random = seeded(options.seed ?? 52);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const days = await pointWorkingDays(app.db, `${month}-01`, resolvePeriod({ kind: 'month', key: month }).to);
  const activityDays = [days[2]!, days[7]!, days[12]!, days[15]!, days[18]!];
  const activityKinds = [
    'support_session',
    'support_session',
    'support_session',
    'training_class',
    'scam_awareness',
  ] as const;
  let firstEntry: number | null = null;
  // Sessions expire as the clock moves on: each day starts with a fresh sign-in.
  const again = async (c: { memberId: number }) => {
    const s = await app.invoke('access.signIn', { memberId: c.memberId, pin: TEST_PIN });
    return { token: s.token, device: 'staff' as const, memberId: c.memberId };
  };
  for (const day of days) {
    clock.set(at(day, '07:35').toISOString());
    const duty = await again(members[days.indexOf(day) % members.length]!);
    await app.invoke('attendance.signIn', { memberId: duty.memberId, pin: TEST_PIN }, duty);
    await app.invoke('queue.openDesk', { desk: 1, takeOver: true }, duty);
    const count = options.entriesPerDay ?? 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      clock.advance(20 * 60_000);
      const priority = random() < 0.3 ? [pick(['elderly', 'small_child'] as const)] : [];
      const withName = i === 0 && day === days[3];
      await app.invoke(
        'queue.checkIn',
        {
          helpKind: 'dvc',
          procedure: 'birth',
          priority,
          language: 'vi',
          ...(withName ? { consent: true, name: SECRET_CITIZEN.fullName, phone: SECRET_CITIZEN.phone } : {}),
        },
        { device: 'kiosk' },
      );
      const ticket = await app.invoke('queue.callNext', {}, duty);
      const outcome = pick([
        'filed_online',
        'filed_online',
        'filed_with_help',
        'guided_only',
        'referred',
        'not_completed',
      ] as const);
      // Finishing records the entry; the desk then completes it with the full form (a refinement).
      const finished = ticket ? await app.invoke('queue.finish', { ticketId: ticket.id, outcome }, duty) : null;
      const entry = {
        day,
        time: '08:30',
        channel: 'support_point',
        memberIds: [duty.memberId],
        helpKinds: [pick(['dvc', 'vneid', 'payment', 'smartphone'] as const)],
        procedure: pick(['birth', 'permanent_residence', 'land', 'health_insurance'] as const),
        outcome,
        obstacles: random() < 0.4 ? [pick(['otp_not_received', 'vneid_not_level2', 'no_internet'] as const)] : [],
        minutes: 10 + Math.floor(random() * 30),
        priorityGroups: priority,
        ticketId: ticket?.id ?? null,
        ...(withName
          ? {
              fullName: SECRET_CITIZEN.fullName,
              phone: SECRET_CITIZEN.phone,
              consent: { contact: true, ethnicity: false, disability: false },
            }
          : {}),
      };
      const saved = finished
        ? await app.invoke('logbook.refine', { id: finished.entry.id, expectedVersion: 1, entry }, duty)
        : await app.invoke('logbook.create', { entry }, duty);
      firstEntry ??= saved.id;
    }
    const activity = activityDays.indexOf(day);
    if (activity >= 0) {
      const lead = await again(leader);
      const { id } = await app.invoke(
        'activity.save',
        {
          kind: activityKinds[activity],
          day,
          startTime: '14:00',
          place: 'Nhà văn hóa thôn Plei Ơi',
          village: '',
          responsibleMemberId: leader.memberId,
          targetGroup: 'Người dân',
          topic: '',
        },
        lead,
      );
      clock.set(at(day, '16:00').toISOString());
      await app.invoke(
        'activity.report',
        { id, status: 'done', peopleReached: 25, result: 'Bà Rơ Châm H. đã được hướng dẫn' },
        lead,
      );
    }
    // The official closes the day; its batch is packed in the same act.
    clock.set(at(day, '17:30').toISOString());
    await app.invoke('logbook.closeDay', { day }, await again(official));
  }
  return {
    app,
    clock,
    province,
    official: await again(official),
    leader: await again(leader),
    members,
    days,
    month,
    firstEntry: firstEntry!,
  };
}
