import { vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';

/**
 * Free the desks of members no longer on duty today (signed out, or never signed in): a desk
 * held by someone who left must not keep tickets sent to it. Tickets called or being served
 * there go back to the line at their old place (queued_at is kept: they have waited already).
 */
export async function releaseDesksOffDuty(ctx: CoreContext, memberId?: number): Promise<void> {
  const day = vnDay(ctx.now());
  let query = ctx.db
    .selectFrom('queue_desk')
    .select(['desk', 'member_id'])
    .where('day', '=', day)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('attendance')
            .select('attendance.id')
            .whereRef('attendance.member_id', '=', 'queue_desk.member_id')
            .where('attendance.day', '=', day)
            .where('attendance.signed_out_at', 'is', null),
        ),
      ),
    );
  if (memberId !== undefined) query = query.where('member_id', '=', memberId);
  const gone = await query.execute();
  if (gone.length === 0) return;
  const desks = gone.map((d) => d.desk);
  const at = ctx.now().toISOString();
  const orphans = await ctx.db
    .selectFrom('queue_ticket')
    .select('id')
    .where('day', '=', day)
    .where('desk', 'in', desks)
    .where('status', 'in', ['called', 'serving'])
    .execute();
  if (orphans.length) {
    await ctx.db
      .updateTable('queue_ticket')
      .set({ status: 'waiting', desk: null, member_id: null, served_at: null, updated_at: at })
      .where(
        'id',
        'in',
        orphans.map((t) => t.id),
      )
      .execute();
  }
  await ctx.db.deleteFrom('queue_desk').where('desk', 'in', desks).execute();
  for (const t of orphans) ctx.emit('queue.changed', { ticketId: t.id });
  ctx.emit('queue.changed', {});
}
