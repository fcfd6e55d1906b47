import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, EVENT_NAMES, liveEvent, type LiveEvent } from '#shared/contract';
import type { Handler } from './context';
import { createGate } from './gate';
import { handlers } from './handlers';
import { audit } from './settings/audit';
import { openTestApp, signInAs } from './testing';

/**
 * The gate's three kinds of method, on a real app: real contract methods (`backups.updateSettings`
 * is a write, `backups.create` a steps method, `backups.status` a read) with stand-in handlers, so
 * each rule is shown failing where it must.
 */
describe('the gate runs each kind of method as declared', () => {
  let app: Awaited<ReturnType<typeof openTestApp>>;
  beforeEach(async () => {
    app = await openTestApp();
  });
  afterEach(() => app.cleanup());

  function gateWith(
    overrides: Partial<Record<'backups.updateSettings' | 'backups.create' | 'backups.status', Handler<any>>>,
  ) {
    const events: LiveEvent[] = [];
    app.bus.subscribe((event) => events.push(event));
    const gate = createGate({
      db: app.db,
      bus: app.bus,
      handlers: { ...handlers, ...overrides },
      now: app.now,
      dataDir: app.dataDir,
      guidesDir: app.guidesDir,
      logger: app.log,
    });
    return { gate, events };
  }
  const audited = async (action: string) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from audit_event where action = ${action}`.execute(app.db))
        .rows[0]!.n,
    );

  it('a write is one transaction: a refusal undoes it, unless the refusal says to commit anyway', async () => {
    const admin = await signInAs(app, 'admin');
    let commitAnyway = false;
    const { gate, events } = gateWith({
      'backups.updateSettings': async (ctx) => {
        await audit(ctx, 'test.tried');
        ctx.emit('settings.changed', {});
        throw new AppError('wrong_pin', { remaining: 2 }, {}, { commitAnyway });
      },
    });
    const refused = await gate.call('backups.updateSettings', { keepDays: 30 }, admin);
    expect(refused).toMatchObject({ ok: false, status: 401, error: { code: 'wrong_pin', params: { remaining: 2 } } });
    expect(await audited('test.tried')).toBe(0);
    commitAnyway = true;
    const counted = await gate.call('backups.updateSettings', { keepDays: 30 }, admin);
    // The option is no message parameter: the caller hears only what the message needs.
    expect(counted).toMatchObject({ ok: false, error: { code: 'wrong_pin', params: { remaining: 2 } } });
    expect(counted.ok === false && counted.error.params).toEqual({ remaining: 2 });
    expect(await audited('test.tried')).toBe(1);
    // A failed call publishes nothing, committed or not.
    expect(events).toEqual([]);
  });

  it('bad input to a write gives back the lock it asked for first, and changes nothing', async () => {
    const admin = await signInAs(app, 'admin');
    let ran = 0;
    const { gate } = gateWith({
      'backups.updateSettings': async (ctx) => {
        ran++;
        await audit(ctx, 'test.wrote');
        return { ok: true };
      },
    });
    const refused = await gate.call('backups.updateSettings', { keepDays: 'thirty' }, admin);
    expect(refused).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_input' } });
    expect(ran).toBe(0);
    // The connection is free again: a transaction left open would hold it, and these would wait.
    const written = await gate.call('backups.updateSettings', { keepDays: 30 }, admin);
    expect(written).toMatchObject({ ok: true });
    expect(await audited('test.wrote')).toBe(1);
  });

  it('a call takes the caller its admission found; without one, it looks the session up itself', async () => {
    const admin = await signInAs(app, 'admin');
    const admit = app.admit;
    const admitted = await admit('backups.status', admin);
    if (!admitted.ok) throw new Error('admin not admitted');
    expect(admitted.caller).toMatchObject({ role: 'admin', memberId: admin.memberId });
    await app.invoke('access.signOut', {}, admin);
    // The session has ended: looked up again, the call is refused; with the request's admitted
    // caller (its body read in moments), the request admitted is answered.
    expect(await app.call('backups.status', {}, admin)).toMatchObject({ ok: false, status: 401 });
    expect(await app.call('backups.status', {}, admin, admitted.caller)).toMatchObject({ ok: true });
  });

  it('a steps method commits each step as it ends and publishes its events then', async () => {
    const admin = await signInAs(app, 'admin');
    const { gate, events } = gateWith({
      'backups.create': async (ctx) => {
        await ctx.step(async (db) => {
          await audit({ ...ctx, db }, 'test.firstStep');
          ctx.emit('settings.changed', {});
        });
        // The first step is committed and told before the second begins.
        expect(events.map((e) => e.name)).toEqual(['settings.changed']);
        await ctx.step(async (db) => {
          await audit({ ...ctx, db }, 'test.secondStep');
          throw new Error('disk gone');
        });
        throw new Error('not reached');
      },
    });
    const failed = await gate.call('backups.create', {}, admin);
    expect(failed).toMatchObject({ ok: false, status: 500, error: { code: 'internal' } });
    expect(await audited('test.firstStep')).toBe(1);
    expect(await audited('test.secondStep')).toBe(0);
    expect(events.map((e) => e.name)).toEqual(['settings.changed']);
  });

  it('only a steps method may take steps', async () => {
    const admin = await signInAs(app, 'admin');
    const step =
      (kind: string): Handler<any> =>
      async (ctx) => {
        await ctx.step((db) => audit({ ...ctx, db }, `test.${kind}`));
        return { ok: true };
      };
    const { gate } = gateWith({ 'backups.updateSettings': step('write'), 'backups.status': step('read') });
    expect(await gate.call('backups.updateSettings', { keepDays: 30 }, admin)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(await gate.call('backups.status', {}, admin)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await audited('test.write')).toBe(0);
    expect(await audited('test.read')).toBe(0);
  });

  it('an event that breaks its schema is refused before it is published', async () => {
    const admin = await signInAs(app, 'admin');
    const { gate, events } = gateWith({
      'backups.updateSettings': async (ctx) => {
        // A name would be personal data on the board: the contract's payload has no room for it.
        ctx.emit('queue.called', { ticketId: 1, number: 'A001', desk: 'Nguyễn Văn A' as unknown as number });
        return { ok: true };
      },
    });
    expect(await gate.call('backups.updateSettings', { keepDays: 30 }, admin)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(events).toEqual([]);
  });

  it("the zod-free list of event names the pages subscribe to is the schema's", () => {
    expect(liveEvent.options.map((option) => option.shape.name.value)).toEqual([...EVENT_NAMES]);
  });

  it('the real steps methods leave their log line and audit row', async () => {
    const admin = await signInAs(app, 'admin');
    const made = await app.invoke('backups.create', {}, admin);
    expect(await audited('backups.create')).toBe(1);
    const logged = await app.db
      .selectFrom('backup_log')
      .select(['action', 'ok', 'file'])
      .where('action', '=', 'manual')
      .execute();
    expect(logged).toEqual([{ action: 'manual', ok: 1, file: made.path }]);
    const official = await signInAs(app, 'commune_official');
    // No province address yet: nothing is tried, and the attempt is still on the record.
    expect(await app.invoke('uploads.send', {}, official)).toEqual({ acknowledged: [], failed: null, skipped: true });
    expect(await audited('uploads.send')).toBe(1);
  });
});
