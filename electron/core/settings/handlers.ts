import type { settingsMethods } from '#shared/settings/contract';
import type { Handlers } from '../context';
import { checkPin, pinLocks, signIn, signInOptions, unlockMember, verifyAdminPin } from './access';
import { audit } from './audit';
import { hashNewPin } from './pin';
import { pointKeys } from '../security/keys';
import { AppError } from '#shared/contract';
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
      setupCodeRequired: !row && ctx.caller.device === 'lan',
    };
  },
  'setup.complete': async (ctx, { setupCode, ...input }) => {
    if (await readPointRow(ctx.db)) throw new AppError('already_configured');
    // Whoever reaches a fresh install first would make the admin PIN: only the point's own
    // screen may, or a device whose user read the code on the point's console.
    if (ctx.caller.device === 'lan' && setupCode?.replace(/\D/g, '') !== pointKeys(ctx.dataDir).setupCode()) {
      ctx.log.warn(
        { event: 'setup.refused', device: ctx.caller.device },
        'first-run setup from a LAN device without the code',
      );
      throw new AppError('forbidden', {}, { setupCode: 'settings:problems.setupCode' });
    }
    await completeSetup(ctx.db, input, ctx.now());
    ctx.log.info({ event: 'setup.done', device: ctx.caller.device }, 'first-run setup completed');
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
  'access.signInOptions': (ctx) => signInOptions(ctx),
  'access.signIn': (ctx, input) => signIn(ctx, input.memberId, input.pin),
  'access.me': async (ctx) => {
    if (!ctx.caller.memberId || ctx.caller.role === 'system')
      return { role: 'citizen', member: null, pinChangeRequired: false };
    const role = ctx.caller.role;
    const m = await ctx.db
      .selectFrom('member')
      .select(['id', 'full_name', 'pin_change_required'])
      .where('id', '=', ctx.caller.memberId)
      .executeTakeFirstOrThrow();
    return { role, member: { id: m.id, fullName: m.full_name, role }, pinChangeRequired: m.pin_change_required === 1 };
  },
  'access.signOut': async (ctx) => {
    if (ctx.caller.sessionKey) await endSession(ctx.db, ctx.caller.sessionKey);
    return { ok: true };
  },
  'access.changePin': async (ctx, input) => {
    const memberId = ctx.caller.memberId!;
    await checkPin(ctx, memberId, input.currentPin, 'changePin');
    const pinHash = await hashNewPin(input.newPin, 'newPin');
    await ctx.db
      .updateTable('member')
      .set({ pin_hash: pinHash, pin_change_required: 0, updated_at: ctx.now().toISOString() })
      .where('id', '=', memberId)
      .execute();
    await audit(ctx, 'access.changePin', { memberId });
    return { ok: true };
  },
  'access.locks': (ctx) => pinLocks(ctx),
  'access.unlock': async (ctx, input) => {
    await unlockMember(ctx, input.memberId);
    ctx.emit('team.changed', {});
    return { ok: true };
  },
  'access.verifyAdminPin': async (ctx, input) => {
    await verifyAdminPin(ctx, input.pin);
    return { ok: true };
  },
};
