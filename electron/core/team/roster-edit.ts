import { AppError } from '#shared/contract';
import { shiftsOf, type Shift } from '#shared/team/generate';
import type { CoreContext } from '../context';
import { audit } from '../settings/audit';
import { noteRosterDays, type MemberChange } from './roster-changes';
import { calendarOf, checkPlaceable, ensureMonth, readRosterSettings } from './roster';
import { parseJsonColumn } from '../json';
import { rosterChangesColumn } from './columns';

export interface GridChange {
  day: string;
  memberId: number;
  /** The member's shift that day after the edit; null takes them off the day. */
  shift: Shift | null;
}

/**
 * Edits from the month grid, applied together or not at all (one call, one transaction). A
 * published month changes only when the leader has confirmed it (`confirmed`), and then each
 * member concerned is told on their home screen (see noteRosterDays).
 */
export async function editRoster(
  ctx: CoreContext,
  month: string,
  edits: readonly GridChange[],
  confirmed: boolean,
): Promise<{ changed: number; told: number }> {
  const row = await ensureMonth(ctx, month);
  if (row.status === 'published' && !confirmed)
    throw new AppError('invalid_input', {}, { confirmed: 'team:problems.confirmPublished' });
  const [{ days }, settings] = await Promise.all([calendarOf(ctx.db, month), readRosterSettings(ctx.db)]);
  const allowed = shiftsOf(settings.shiftMode);
  const seen = new Set<string>();
  const changes: MemberChange[] = [];
  for (const [i, e] of edits.entries()) {
    const field = `changes.${i}`;
    if (!e.day.startsWith(`${month}-`))
      throw new AppError('invalid_input', {}, { [field]: 'team:problems.otherMonth' });
    if (seen.has(`${e.day}|${e.memberId}`)) throw new AppError('invalid_input', {}, { [field]: 'team:problems.twice' });
    seen.add(`${e.day}|${e.memberId}`);
    const current = await ctx.db
      .selectFrom('roster_shift')
      .select(['id', 'shift'])
      .where('day', '=', e.day)
      .where('member_id', '=', e.memberId)
      .executeTakeFirst();
    const before = current?.shift ?? null;
    if (before === e.shift) continue;
    if (e.shift === null) {
      await ctx.db.deleteFrom('roster_shift').where('id', '=', current!.id).execute();
    } else {
      if (!days.find((d) => d.day === e.day)?.working)
        throw new AppError('invalid_input', {}, { [field]: 'team:problems.notWorkingDay' });
      if (!allowed.includes(e.shift)) throw new AppError('invalid_input', {}, { [field]: 'team:problems.shift' });
      await checkPlaceable(ctx, e.memberId, e.day, field);
      if (current)
        await ctx.db
          .updateTable('roster_shift')
          .set({ shift: e.shift, source: 'manual' })
          .where('id', '=', current.id)
          .execute();
      else
        await ctx.db
          .insertInto('roster_shift')
          .values({ month, day: e.day, shift: e.shift, member_id: e.memberId, source: 'manual' })
          .execute();
    }
    changes.push({ memberId: e.memberId, day: e.day, before, after: e.shift });
  }
  if (!changes.length) return { changed: 0, told: 0 };
  await audit(ctx, 'roster.edit', { month, changes });
  await noteRosterDays(
    ctx,
    changes.map((c) => c.day),
    changes,
  );
  return {
    changed: changes.length,
    told: row.status === 'published' ? new Set(changes.map((c) => c.memberId)).size : 0,
  };
}

/** The caller's notices not yet dismissed, newest first. */
export async function myRosterNotices(ctx: CoreContext) {
  if (!ctx.caller.memberId) return [];
  const rows = await ctx.db
    .selectFrom('roster_notice')
    .leftJoin('member', 'member.id', 'roster_notice.created_by')
    .select([
      'roster_notice.id',
      'roster_notice.month',
      'roster_notice.changes',
      'roster_notice.created_at',
      'member.full_name',
    ])
    .where('roster_notice.member_id', '=', ctx.caller.memberId)
    .where('roster_notice.dismissed_at', 'is', null)
    .orderBy('roster_notice.id', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    month: r.month,
    at: r.created_at,
    byName: r.full_name ?? null,
    changes: parseJsonColumn(rosterChangesColumn, r.changes),
  }));
}

/** "Seen": a member dismisses their own notice (someone else's is not found). */
export async function dismissRosterNotice(ctx: CoreContext, id: number): Promise<void> {
  const result = await ctx.db
    .updateTable('roster_notice')
    .set({ dismissed_at: ctx.now().toISOString() })
    .where('id', '=', id)
    .where('member_id', '=', ctx.caller.memberId ?? -1)
    .where('dismissed_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('not_found');
}
