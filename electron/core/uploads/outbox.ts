import { vnDay } from '../../../shared/time/vietnam';
import type { CoreContext } from '../context';

export type OutboxEntity = 'logbook_entry' | 'ticket' | 'attendance' | 'activity' | 'roster_day';

/**
 * Note a change the province must receive. Call it with the same `ctx.db` (the call's
 * transaction) as the change itself, so the change and its note commit or fail together.
 */
export async function recordForProvince(ctx: CoreContext, entity: OutboxEntity, entityId: number, version = 1, day?: string): Promise<void> {
  const now = ctx.now();
  await ctx.db
    .insertInto('outbox')
    .values({ id: undefined, entity, entity_id: entityId, version, changed_at: now.toISOString(), day: day ?? vnDay(now), batch_seq: null })
    .execute();
}
