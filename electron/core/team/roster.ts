import { AppError } from '#shared/contract';
import { rosterCoverage } from '#shared/team/coverage';
import { generateRoster, shiftsOf, type Shift } from '#shared/team/generate';
import {
  daysOfMonth,
  defaultHolidays,
  hasLunarTable,
  monthCalendar,
  type ClosedDayOverride,
} from '#shared/team/holidays';
import { vnDay, vnWeekday } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { recordForProvince } from '../uploads/outbox';
import { readPointSettings } from '../settings/service';
import { audit } from '../settings/audit';
import { noteRosterDays, rosterDayId } from './roster-changes';
import { parseJsonColumn } from '../json';
import { languagesColumn, weekdaysColumn } from './columns';

export interface RosterSettings {
  shiftMode: 'full' | 'halves';
  perShift: number;
  languageWeekdays: number[];
}

export const DEFAULT_ROSTER_SETTINGS: RosterSettings = { shiftMode: 'full', perShift: 2, languageWeekdays: [] };

export async function readRosterSettings(db: Db): Promise<RosterSettings> {
  const row = await db.selectFrom('roster_setting').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return DEFAULT_ROSTER_SETTINGS;
  return {
    shiftMode: row.shift_mode,
    perShift: row.per_shift,
    languageWeekdays: parseJsonColumn(weekdaysColumn, row.language_weekdays),
  };
}

export async function updateRosterSettings(ctx: CoreContext, s: RosterSettings): Promise<void> {
  const values = {
    shift_mode: s.shiftMode,
    per_shift: s.perShift,
    language_weekdays: JSON.stringify([...new Set(s.languageWeekdays)].sort()),
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db
    .insertInto('roster_setting')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  await audit(ctx, 'roster.settings', values);
  ctx.emit('roster.changed', {});
}

async function overrides(db: Db, month: string): Promise<ClosedDayOverride[]> {
  const rows = await db.selectFrom('closed_day').selectAll().where('day', 'like', `${month}-%`).execute();
  return rows.map((r) => ({ day: r.day, kind: r.kind, reason: r.reason }));
}

/** The month's calendar as the point runs it: weekly pattern, holidays and the point's edits. */
export async function calendarOf(db: Db, month: string) {
  const point = await readPointSettings(db);
  const list = await overrides(db, month);
  return { point, overrides: list, days: monthCalendar(month, point.saturdayOpen, list) };
}

export async function setDay(
  ctx: CoreContext,
  day: string,
  kind: 'closed' | 'open' | 'default',
  reason: string | null,
) {
  if (kind === 'default') await ctx.db.deleteFrom('closed_day').where('day', '=', day).execute();
  else {
    const values = { kind, reason, updated_at: ctx.now().toISOString() };
    await ctx.db
      .insertInto('closed_day')
      .values({ day, ...values })
      .onConflict((oc) => oc.column('day').doUpdateSet(values))
      .execute();
  }
  // Nobody stays planned on a day the point is closed.
  const { days } = await calendarOf(ctx.db, day.slice(0, 7));
  const removed = days.find((d) => d.day === day)!.working
    ? []
    : await ctx.db.selectFrom('roster_shift').select(['member_id', 'shift']).where('day', '=', day).execute();
  if (removed.length) await ctx.db.deleteFrom('roster_shift').where('day', '=', day).execute();
  await audit(ctx, 'roster.setDay', { day, kind, reason });
  await noteRosterDays(
    ctx,
    [day],
    removed.map((r) => ({ memberId: r.member_id, day, before: r.shift, after: null })),
  );
}

async function monthRow(db: Db, month: string) {
  return db.selectFrom('roster_month').selectAll().where('month', '=', month).executeTakeFirst();
}

export async function ensureMonth(ctx: CoreContext, month: string) {
  const row = await monthRow(ctx.db, month);
  if (row) return row;
  const created = {
    month,
    status: 'draft' as const,
    version: 1,
    seed: null,
    published_at: null,
    published_by: null,
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db.insertInto('roster_month').values(created).execute();
  return created;
}

/** Active members of the team: the people the roster is made of. */
export async function teamOnDuty(db: Db) {
  const rows = await db
    .selectFrom('member')
    .select(['id', 'full_name', 'languages'])
    .where('active', '=', 1)
    .where('position', 'is not', null)
    .orderBy('full_name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    languages: parseJsonColumn(languagesColumn, r.languages),
  }));
}

async function leaveOverlapping(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom('member_unavailable')
    .select(['member_id', 'from_day', 'to_day'])
    .where('from_day', '<=', to)
    .where('to_day', '>=', from)
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, from: r.from_day, to: r.to_day }));
}

/** Fill the month fairly from today on; days already past keep what was planned and count. */
export async function generateMonth(ctx: CoreContext, month: string, seed?: number) {
  const row = await ensureMonth(ctx, month);
  if (row.status === 'published') throw new AppError('invalid_input', {}, { month: 'team:problems.alreadyPublished' });
  const today = vnDay(ctx.now());
  const [{ point, days }, settings, members] = await Promise.all([
    calendarOf(ctx.db, month),
    readRosterSettings(ctx.db),
    teamOnDuty(ctx.db),
  ]);
  const toFill = days.filter((d) => d.working && d.day >= today);
  await ctx.db.deleteFrom('roster_shift').where('month', '=', month).where('day', '>=', today).execute();
  const fixed = await ctx.db
    .selectFrom('roster_shift')
    .select(['day', 'shift', 'member_id'])
    .where('month', '=', month)
    .execute();
  const usedSeed = seed ?? Number(month.replace('-', ''));
  const result = generateRoster({
    days: toFill.map((d) => ({
      day: d.day,
      needsLanguage: point.localLanguages.length > 0 && settings.languageWeekdays.includes(vnWeekday(d.day)),
    })),
    shifts: shiftsOf(settings.shiftMode),
    perShift: settings.perShift,
    members,
    unavailable: await leaveOverlapping(ctx.db, `${month}-01`, `${month}-31`),
    localLanguages: point.localLanguages,
    fixed: fixed.map((f) => ({ day: f.day, shift: f.shift, memberId: f.member_id })),
    seed: usedSeed,
  });
  for (const a of result.assignments) {
    await ctx.db
      .insertInto('roster_shift')
      .values({ month, day: a.day, shift: a.shift, member_id: a.memberId, source: 'auto' })
      .execute();
  }
  await ctx.db
    .updateTable('roster_month')
    .set({ seed: usedSeed, updated_at: ctx.now().toISOString() })
    .where('month', '=', month)
    .execute();
  await audit(ctx, 'roster.generate', { month, seed: usedSeed });
  ctx.emit('roster.changed', {});
  return {
    assigned: result.assignments.length,
    gaps: result.gaps.reduce((n, g) => n + g.missing, 0),
    languageGaps: result.languageGaps,
  };
}

async function onLeave(db: Db, memberId: number, day: string): Promise<boolean> {
  return (await leaveOverlapping(db, day, day)).some((l) => l.memberId === memberId);
}

export async function checkPlaceable(ctx: CoreContext, memberId: number, day: string, field: string) {
  const member = await ctx.db
    .selectFrom('member')
    .select(['active', 'position'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) throw new AppError('not_found');
  if (!member.active || member.position === null)
    throw new AppError('invalid_input', {}, { [field]: 'team:problems.notInTeam' });
  if (await onLeave(ctx.db, memberId, day))
    throw new AppError('invalid_input', {}, { [field]: 'team:problems.onLeave' });
}

export async function assign(ctx: CoreContext, day: string, shift: Shift, memberId: number) {
  const month = day.slice(0, 7);
  const [{ days }, settings] = await Promise.all([calendarOf(ctx.db, month), readRosterSettings(ctx.db)]);
  if (!days.find((d) => d.day === day)?.working)
    throw new AppError('invalid_input', {}, { day: 'team:problems.notWorkingDay' });
  if (!shiftsOf(settings.shiftMode).includes(shift))
    throw new AppError('invalid_input', {}, { shift: 'team:problems.shift' });
  await checkPlaceable(ctx, memberId, day, 'memberId');
  const already = await ctx.db
    .selectFrom('roster_shift')
    .select('id')
    .where('day', '=', day)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  if (already) throw new AppError('invalid_input', {}, { memberId: 'team:problems.alreadyOnDay' });
  await ensureMonth(ctx, month);
  await ctx.db
    .insertInto('roster_shift')
    .values({ month, day, shift, member_id: memberId, source: 'manual' })
    .execute();
  await audit(ctx, 'roster.assign', { day, shift, memberId });
  await noteRosterDays(ctx, [day], [{ memberId, day, before: null, after: shift }]);
}

export async function unassign(ctx: CoreContext, shiftId: number) {
  const row = await ctx.db.selectFrom('roster_shift').selectAll().where('id', '=', shiftId).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  await ctx.db.deleteFrom('roster_shift').where('id', '=', shiftId).execute();
  await audit(ctx, 'roster.unassign', { day: row.day, memberId: row.member_id });
  await noteRosterDays(ctx, [row.day], [{ memberId: row.member_id, day: row.day, before: row.shift, after: null }]);
}

/** Swap the members of two places; nobody ends up twice on a day or on a day of leave. */
export async function swap(ctx: CoreContext, aId: number, bId: number) {
  const [a, b] = await Promise.all(
    [aId, bId].map((id) => ctx.db.selectFrom('roster_shift').selectAll().where('id', '=', id).executeTakeFirst()),
  );
  if (!a || !b) throw new AppError('not_found');
  if (a.member_id === b.member_id || aId === bId)
    throw new AppError('invalid_input', {}, { b: 'team:problems.sameMember' });
  if (a.day === b.day) {
    // Same day, two shifts: exchanging the shifts is the swap (and keeps one row per member a day).
    await ctx.db.updateTable('roster_shift').set({ shift: b.shift, source: 'manual' }).where('id', '=', a.id).execute();
    await ctx.db.updateTable('roster_shift').set({ shift: a.shift, source: 'manual' }).where('id', '=', b.id).execute();
  } else {
    for (const [member, day] of [
      [a.member_id, b.day],
      [b.member_id, a.day],
    ] as const) {
      const clash = await ctx.db
        .selectFrom('roster_shift')
        .select('id')
        .where('day', '=', day)
        .where('member_id', '=', member)
        .executeTakeFirst();
      if (clash) throw new AppError('invalid_input', {}, { b: 'team:problems.alreadyOnDay' });
      await checkPlaceable(ctx, member, day, 'b');
    }
    await ctx.db
      .updateTable('roster_shift')
      .set({ member_id: b.member_id, source: 'manual' })
      .where('id', '=', a.id)
      .execute();
    await ctx.db
      .updateTable('roster_shift')
      .set({ member_id: a.member_id, source: 'manual' })
      .where('id', '=', b.id)
      .execute();
  }
  await audit(ctx, 'roster.swap', { a: aId, b: bId });
  const changes =
    a.day === b.day
      ? [
          { memberId: a.member_id, day: a.day, before: a.shift, after: b.shift },
          { memberId: b.member_id, day: b.day, before: b.shift, after: a.shift },
        ]
      : [
          { memberId: a.member_id, day: a.day, before: a.shift, after: null },
          { memberId: a.member_id, day: b.day, before: null, after: b.shift },
          { memberId: b.member_id, day: b.day, before: b.shift, after: null },
          { memberId: b.member_id, day: a.day, before: null, after: a.shift },
        ];
  await noteRosterDays(ctx, [a.day, b.day], changes);
}

/** Publish: the whole month goes to the province, one outbox note per day. */
export async function publish(ctx: CoreContext, month: string) {
  const row = await monthRow(ctx.db, month);
  if (!row) throw new AppError('invalid_input', {}, { month: 'team:problems.emptyMonth' });
  if (row.status === 'published') return;
  const at = ctx.now().toISOString();
  await ctx.db
    .updateTable('roster_month')
    .set({ status: 'published', published_at: at, published_by: ctx.caller.memberId, updated_at: at })
    .where('month', '=', month)
    .execute();
  for (const day of daysOfMonth(month)) await recordForProvince(ctx, 'roster_day', rosterDayId(day), row.version, day);
  await audit(ctx, 'roster.publish', { month, version: row.version });
  ctx.emit('roster.changed', {});
}

/** Everything the roster screen and the printed month show. */
export async function monthView(db: Db, month: string) {
  const [{ point, overrides: edits, days }, settings, team, row] = await Promise.all([
    calendarOf(db, month),
    readRosterSettings(db),
    teamOnDuty(db),
    monthRow(db, month),
  ]);
  const shifts = await db
    .selectFrom('roster_shift')
    .innerJoin('member', 'member.id', 'roster_shift.member_id')
    .select([
      'roster_shift.id',
      'roster_shift.day',
      'roster_shift.shift',
      'roster_shift.member_id',
      'roster_shift.source',
      'member.full_name',
      'member.languages',
    ])
    .where('roster_shift.month', '=', month)
    .orderBy('member.full_name')
    .execute();
  const presence = await db
    .selectFrom('attendance')
    .innerJoin('member', 'member.id', 'attendance.member_id')
    .select(['attendance.day', 'attendance.member_id', 'member.full_name'])
    .where('attendance.day', 'like', `${month}-%`)
    .execute();
  const present = new Set(presence.map((p) => `${p.day}|${p.member_id}`));
  const confirmDays = new Set(
    defaultHolidays(Number(month.slice(0, 4)))
      .filter((h) => h.confirm)
      .map((h) => h.day),
  );
  const editByDay = new Map(edits.map((e) => [e.day, e.kind]));
  const modeShifts = shiftsOf(settings.shiftMode);
  const local: readonly string[] = point.localLanguages;
  const speaks = (languages: string) => parseJsonColumn(languagesColumn, languages).some((l) => local.includes(l));
  const coverage = rosterCoverage(
    days.filter((d) => d.working).map((d) => d.day),
    modeShifts,
    shifts.map((s) => ({ day: s.day, shift: s.shift, memberId: s.member_id })),
  );
  const leave = await leaveOverlapping(db, `${month}-01`, `${month}-31`);
  const workingDays = days.filter((d) => d.working).map((d) => d.day);
  return {
    month,
    status: row?.status ?? ('none' as const),
    version: row?.version ?? 0,
    publishedAt: row?.published_at ?? null,
    settings,
    hasLunarTable: hasLunarTable(Number(month.slice(0, 4))),
    leaderName:
      (
        await db
          .selectFrom('member')
          .select('full_name')
          .where('position', '=', 'leader')
          .where('active', '=', 1)
          .executeTakeFirst()
      )?.full_name ?? null,
    days: days.map((d) => {
      const mine = shifts.filter((s) => s.day === d.day);
      const dayShifts = d.working
        ? [...new Set([...modeShifts, ...mine.map((s) => s.shift)])]
        : [...new Set(mine.map((s) => s.shift))];
      const planned = new Set(mine.map((s) => s.member_id));
      const seen = new Set<number>();
      return {
        day: d.day,
        working: d.working,
        why: d.working ? null : d.why,
        holiday: (!d.working && d.why === 'holiday' && d.holiday) || null,
        confirm: !d.working && d.why === 'holiday' && confirmDays.has(d.day),
        reason: (!d.working && d.why === 'closed' && d.reason) || null,
        override: editByDay.get(d.day) ?? null,
        needsLanguage:
          d.working && point.localLanguages.length > 0 && settings.languageWeekdays.includes(vnWeekday(d.day)),
        hasSpeaker: mine.some((s) => speaks(s.languages)),
        shifts: dayShifts.map((shift) => {
          const members = mine
            .filter((s) => s.shift === shift)
            .map((s) => ({
              shiftId: s.id,
              memberId: s.member_id,
              fullName: s.full_name,
              source: s.source,
              present: present.has(`${d.day}|${s.member_id}`),
            }));
          const c = coverage.find((x) => x.day === d.day && x.shift === shift);
          return { shift, count: members.length, state: c?.state ?? ('ok' as const), members };
        }),
        unplannedPresent: presence
          .filter(
            (p) => p.day === d.day && !planned.has(p.member_id) && !seen.has(p.member_id) && seen.add(p.member_id),
          )
          .map((p) => ({ memberId: p.member_id, fullName: p.full_name })),
      };
    }),
    leave: leave.map((l) => ({ memberId: l.memberId, from: l.from, to: l.to })),
    tally: team.map((m) => ({
      memberId: m.id,
      fullName: m.fullName,
      shifts: shifts.filter((s) => s.member_id === m.id).length,
      unavailableDays: workingDays.filter((day) =>
        leave.some((l) => l.memberId === m.id && l.from <= day && day <= l.to),
      ).length,
      speaksLocal: m.languages.some((l) => local.includes(l)),
    })),
  };
}
