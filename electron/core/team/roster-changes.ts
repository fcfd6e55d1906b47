import type { Shift } from '#shared/team/generate';
import { recordForProvince } from '../uploads/outbox';
import type { CoreContext } from '../context';

/** Outbox id of a roster day: the day as the number YYYYMMDD (see schema.ts). */
export const rosterDayId = (day: string) => Number(day.replace(/-/g, ''));

/** One member's place on one day, before and after an edit (null: not on duty). */
export interface MemberChange {
  memberId: number;
  day: string;
  before: Shift | null;
  after: Shift | null;
}

/**
 * After a change to planned days: a published month gets a new version, each changed day goes
 * into the outbox again (the next batch for the province carries it), and every member whose
 * duty changed gets a notice on their home screen. A draft is nobody's business yet. Always
 * tells the screens.
 */
export async function noteRosterDays(
  ctx: CoreContext,
  days: readonly string[],
  changes: readonly MemberChange[] = [],
): Promise<void> {
  const byMonth = new Map<string, Set<string>>();
  for (const day of days) byMonth.set(day.slice(0, 7), (byMonth.get(day.slice(0, 7)) ?? new Set()).add(day));
  for (const [month, set] of byMonth) {
    const row = await ctx.db
      .selectFrom('roster_month')
      .select(['status', 'version'])
      .where('month', '=', month)
      .executeTakeFirst();
    if (row?.status !== 'published') continue;
    const version = row.version + 1;
    const at = ctx.now().toISOString();
    await ctx.db.updateTable('roster_month').set({ version, updated_at: at }).where('month', '=', month).execute();
    for (const day of [...set].sort()) await recordForProvince(ctx, 'roster_day', rosterDayId(day), version, day);
    const real = changes.filter((c) => c.day.startsWith(month) && c.before !== c.after);
    for (const memberId of new Set(real.map((c) => c.memberId))) {
      const mine = real
        .filter((c) => c.memberId === memberId)
        .sort((a, b) => (a.day < b.day ? -1 : 1))
        .map(({ day, before, after }) => ({ day, before, after }));
      await ctx.db
        .insertInto('roster_notice')
        .values({
          member_id: memberId,
          month,
          version,
          changes: JSON.stringify(mine),
          created_at: at,
          created_by: ctx.caller.memberId,
          dismissed_at: null,
        })
        .execute();
    }
  }
  ctx.emit('roster.changed', {});
}
