import { recordForProvince } from '../uploads/outbox';
import type { CoreContext } from '../context';

/** Outbox id of a roster day: the day as the number YYYYMMDD (see schema.ts). */
export const rosterDayId = (day: string) => Number(day.replace(/-/g, ''));

/**
 * After a change to planned days: a published month gets a new version and each changed day
 * goes to the province again; a draft is nobody's business yet. Always tells the screens.
 */
export async function noteRosterDays(ctx: CoreContext, days: readonly string[]): Promise<void> {
  const byMonth = new Map<string, Set<string>>();
  for (const day of days) byMonth.set(day.slice(0, 7), (byMonth.get(day.slice(0, 7)) ?? new Set()).add(day));
  for (const [month, set] of byMonth) {
    const row = await ctx.db.selectFrom('roster_month').select(['status', 'version']).where('month', '=', month).executeTakeFirst();
    if (row?.status !== 'published') continue;
    const version = row.version + 1;
    await ctx.db.updateTable('roster_month').set({ version, updated_at: ctx.now().toISOString() }).where('month', '=', month).execute();
    for (const day of [...set].sort()) await recordForProvince(ctx, 'roster_day', rosterDayId(day), version, day);
  }
  ctx.emit('roster.changed', {});
}
