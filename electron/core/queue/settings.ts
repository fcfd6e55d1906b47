import { DEFAULT_QUEUE_SETTINGS, type QueueSettings } from '#shared/queue/schemas';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';

/** The queue's settings; defaults until an admin saves them. */
export async function readQueueSettings(db: Db): Promise<QueueSettings> {
  const row = await db.selectFrom('queue_setting').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return DEFAULT_QUEUE_SETTINGS;
  return {
    normalsPerPriority: row.normals_per_priority,
    maxWaitMinutes: row.max_wait_minutes,
    recallsBeforeNoShow: row.recalls_before_no_show,
    ticketIdleSeconds: row.ticket_idle_seconds,
    choiceIdleSeconds: row.choice_idle_seconds,
    receiptPrinter: row.receipt_printer === 1,
  };
}

export async function saveQueueSettings(ctx: CoreContext, s: QueueSettings): Promise<void> {
  const values = {
    normals_per_priority: s.normalsPerPriority,
    max_wait_minutes: s.maxWaitMinutes,
    recalls_before_no_show: s.recallsBeforeNoShow,
    ticket_idle_seconds: s.ticketIdleSeconds,
    choice_idle_seconds: s.choiceIdleSeconds,
    receipt_printer: s.receiptPrinter ? 1 : 0,
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db
    .insertInto('queue_setting')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
