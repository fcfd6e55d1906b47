import type { settingsMethods } from '../../../shared/settings/contract';
import type { Handlers } from '../context';
import { signIn, signInOptions, checkPin, verifyAdminPin } from './access';
import { audit } from './audit';
import { hashPin } from './pin';
import { completeSetup, readPointRow, readPointSettings, updatePointSettings } from './service';
import { endSession } from './sessions';

export const settingsHandlers: Handlers<typeof settingsMethods> = {
  'setup.status': async (ctx) => {
    const row = await readPointRow(ctx.db);
    return {
      configured: !!row,
      communeName: row?.commune_name ?? null,
      pointName: row?.point_name ?? null,
      deskCount: row?.desk_count ?? 1,
      openTime: row?.open_time ?? null,
      closeTime: row?.close_time ?? null,
    };
  },
  'setup.complete': async (ctx, input) => {
    await completeSetup(ctx.db, input, ctx.now());
    ctx.emit('settings.changed', {});
    return { ok: true };
  },
  'settings.get': (ctx) => readPointSettings(ctx.db),
  'settings.update': async (ctx, input) => {
    await updatePointSettings(ctx.db, input);
    await audit(ctx, 'settings.update');
    ctx.emit('settings.changed', {});
    return { ok: true };
  },
  'access.signInOptions': (ctx) => signInOptions(ctx.db),
  'access.signIn': (ctx, input) => signIn(ctx, input.memberId, input.pin),
  'access.me': async (ctx) => {
    if (!ctx.caller.memberId || ctx.caller.role === 'system') return { role: 'citizen', member: null };
    const role = ctx.caller.role;
    const m = await ctx.db.selectFrom('member').select(['id', 'full_name']).where('id', '=', ctx.caller.memberId).executeTakeFirstOrThrow();
    return { role, member: { id: m.id, fullName: m.full_name, role } };
  },
  'access.signOut': async (ctx) => {
    if (ctx.caller.sessionKey) await endSession(ctx.db, ctx.caller.sessionKey);
    return { ok: true };
  },
  'access.changePin': async (ctx, input) => {
    const memberId = ctx.caller.memberId!;
    await checkPin(ctx, memberId, input.currentPin);
    await ctx.db.updateTable('member').set({ pin_hash: await hashPin(input.newPin), updated_at: ctx.now().toISOString() }).where('id', '=', memberId).execute();
    await audit(ctx, 'access.changePin', { memberId });
    return { ok: true };
  },
  'access.verifyAdminPin': async (ctx, input) => {
    await verifyAdminPin(ctx, input.pin);
    return { ok: true };
  },
};
