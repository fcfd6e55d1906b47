import type { CoreContext } from '../context';

/** Record a staff act that must be traceable (sign-in, erasure, corrections of personal data). */
export async function audit(ctx: CoreContext, action: string, detail: Record<string, unknown> = {}): Promise<void> {
  await ctx.db
    .insertInto('audit_event')
    .values({
      id: undefined,
      at: ctx.now().toISOString(),
      member_id: ctx.caller.memberId,
      action,
      detail: JSON.stringify(detail),
    })
    .execute();
}
