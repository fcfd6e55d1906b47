import { generateRoster, shiftsOf } from '#shared/team/generate';
import { addDays, vnDay, vnDayStart } from '#shared/time/vietnam';
import type { App } from '../app';
import { DEMO_PINS } from '../demo-pins';
import { calendarOf, readRosterSettings, teamOnDuty } from './roster';

const LEADER_PIN = DEMO_PINS.leader;

/**
 * A lived-in month for the demo: the current month's roster generated and published, members
 * who signed in on the past working days (one day forgotten, to show the gap), and a plan of
 * activities with the past ones reported. Writes go through the gate where the clock allows.
 */
export async function seedTeamDemo(app: App): Promise<void> {
  const now = app.now();
  const today = vnDay(now);
  const month = today.slice(0, 7);
  const leader = await app.db
    .selectFrom('member')
    .select('id')
    .where('position', '=', 'leader')
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!leader) return;
  const session = await app.invoke('access.signIn', { memberId: leader.id, pin: LEADER_PIN }, { device: 'staff' });
  const as = { token: session.token, device: 'staff' as const };

  await app.invoke('roster.updateSettings', { shiftMode: 'full', perShift: 2, languageWeekdays: [3] }, as);
  const { point, days } = await calendarOf(app.db, month);
  const members = await teamOnDuty(app.db);
  const settings = await readRosterSettings(app.db);
  // The whole month, past days included (generation through the gate only fills from today).
  const plan = generateRoster({
    days: days
      .filter((d) => d.working)
      .map((d) => ({
        day: d.day,
        needsLanguage: settings.languageWeekdays.includes(new Date(`${d.day}T00:00:00Z`).getUTCDay()),
      })),
    shifts: shiftsOf(settings.shiftMode),
    perShift: settings.perShift,
    members,
    unavailable: [],
    localLanguages: point.localLanguages,
    seed: 7,
  });
  await app.db
    .insertInto('roster_month')
    .values({
      month,
      status: 'draft',
      version: 1,
      seed: 7,
      published_at: null,
      published_by: null,
      updated_at: now.toISOString(),
    })
    .execute();
  for (const a of plan.assignments) {
    await app.db
      .insertInto('roster_shift')
      .values({ month, day: a.day, shift: a.shift, member_id: a.memberId, source: 'auto' })
      .execute();
  }
  await app.invoke('roster.publish', { month }, as);

  const past = plan.assignments.filter((a) => a.day < today);
  const forgotten = past.at(-1)?.day;
  for (const a of past) {
    if (a.day === forgotten) continue;
    const start = vnDayStart(a.day).getTime();
    const signIn = new Date(start + (7 * 60 + 35 + (a.memberId % 20)) * 60_000).toISOString();
    const signOut = new Date(start + (16 * 60 + 55) * 60_000).toISOString();
    await app.db
      .insertInto('attendance')
      .values({
        member_id: a.memberId,
        day: a.day,
        signed_in_at: signIn,
        signed_out_at: signOut,
        planned: 1,
        updated_at: signOut,
      })
      .execute();
  }

  const byName = (part: string) => members.find((m) => m.fullName.includes(part))?.id ?? null;
  const first = `${month}-01`;
  const activities = [
    { kind: 'support_session', offset: 3, place: 'Điểm hỗ trợ số, UBND xã', target: 'Người cao tuổi', who: 'Nhung' },
    {
      kind: 'online_service_day',
      offset: 9,
      place: 'Bộ phận Một cửa, UBND xã',
      target: 'Toàn thể người dân',
      who: 'Bình',
    },
    {
      kind: 'digital_skill',
      offset: 1,
      place: 'Nhà văn hóa Thôn 1',
      target: 'Hộ gia đình',
      who: 'Quân',
      topic: 'Cài đặt VNeID mức 2',
    },
    {
      kind: 'digital_skill',
      offset: 8,
      place: 'Chợ xã',
      target: 'Tiểu thương',
      who: 'Phúc',
      topic: 'Thanh toán bằng mã QR',
    },
    { kind: 'training_class', offset: 14, place: 'Hội trường UBND xã', target: 'Đoàn viên thanh niên', who: 'Huy' },
    {
      kind: 'support_session',
      offset: 16,
      place: 'Nhà văn hóa Làng Bông',
      target: 'Đồng bào Jrai',
      who: "H'Lan",
      village: 'Làng Bông',
    },
    { kind: 'scam_awareness', offset: 20, place: 'Nhà văn hóa Thôn 2', target: 'Hội Phụ nữ', who: 'Trang' },
    {
      kind: 'door_to_door',
      offset: 22,
      place: 'Làng Kon Jri',
      target: 'Hộ đồng bào Bahnar',
      who: 'Hyơk',
      village: 'Làng Kon Jri',
    },
  ] as const;
  for (const a of activities) {
    const day = addDays(first, a.offset);
    if (!day.startsWith(month)) continue;
    const { id } = await app.invoke(
      'activity.save',
      {
        kind: a.kind,
        day,
        startTime: '08:00',
        place: a.place,
        village: 'village' in a ? a.village : '',
        responsibleMemberId: byName(a.who),
        targetGroup: a.target,
        topic: 'topic' in a ? a.topic : '',
      },
      as,
    );
    if (day < today) {
      await app.invoke(
        'activity.report',
        { id, status: 'done', peopleReached: 12 + a.offset, result: 'Hoàn thành theo kế hoạch.' },
        as,
      );
    }
  }
  await app.invoke('access.signOut', {}, as);
}
