import { vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';

export type OutboxEntity = 'logbook_entry' | 'ticket' | 'attendance' | 'activity' | 'roster_day';

/**
 * Note a change the province must receive. Call it with the same `ctx.db` (the call's
 * transaction) as the change itself, so the change and its note commit or fail together.
 */
export async function recordForProvince(
  ctx: CoreContext,
  entity: OutboxEntity,
  entityId: number,
  version = 1,
  day?: string,
): Promise<void> {
  const now = ctx.now();
  await noteForProvince(ctx.db, now, [{ entity, entityId, version, day: day ?? vnDay(now) }]);
}

/** The same for many records at once (an erasure or a retention purge of thousands of entries). */
export async function noteForProvince(
  db: Db,
  now: Date,
  changes: { entity: OutboxEntity; entityId: number; version: number; day: string }[],
): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < changes.length; i += 500) {
    await db
      .insertInto('outbox')
      .values(
        changes.slice(i, i + 500).map((c) => ({
          id: undefined,
          entity: c.entity,
          entity_id: c.entityId,
          version: c.version,
          changed_at: at,
          day: c.day,
          batch_seq: null,
        })),
      )
      .execute();
  }
}
