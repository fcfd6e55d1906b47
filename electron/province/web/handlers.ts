import { AppError } from '#shared/contract/errors';
import type { HubMethodName } from '#shared/province/contract';
import { MAX_BATCH_BYTES } from '#shared/uploads/batch';
import { vnDay } from '#shared/time/vietnam';
import { ingestMany, releaseQuarantined, type IngestOutcome } from '../ingest';
import { readSealKey } from '../keys';
import { OpenError, openPersonal } from '../open';
import { normaliseFingerprint, RegistryError } from '../registry';
import { hasAdmin, signIn, signOut, type SignedIn } from './accounts';
import { isLoopback } from '#server/peers';
import { createFirstAdmin } from './first-admin';
import { listLocks, unlock } from './locks';
import { communeDetail } from './commune';
import { buildOverview, buildReport } from './dashboard';
import { exportOverview } from './exports';
import type { HubHandlers } from './gate';

const outcome = (o: IngestOutcome) => ({
  label: o.label,
  status: o.status,
  reason: 'reason' in o ? o.reason : null,
  commune: null,
  seq: o.seq,
});

function fingerprintOf(text: string): string {
  try {
    return normaliseFingerprint(text);
  } catch {
    throw new AppError('invalid_input', {}, { fingerprint: 'province:problems.fingerprint' });
  }
}

/** A registry or opening refusal the person can act on is bad input, not a failure of the hub. */
async function asInput<T>(work: () => Promise<T>, field: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RegistryError || error instanceof OpenError)
      throw new AppError('invalid_input', { detail: error.message }, { [field]: 'province:problems.notFound' });
    throw error;
  }
}

const signedIn = (s: SignedIn) => ({ name: s.name, role: s.role, expiresAt: s.expiresAt, sessionToken: s.token });

export const hubHandlers: HubHandlers = {
  'hub.session': async (ctx) => ({
    account:
      ctx.caller.name && ctx.caller.role !== 'api' && ctx.caller.role !== 'anonymous'
        ? { name: ctx.caller.name, role: ctx.caller.role }
        : null,
    today: vnDay(ctx.now()),
    firstAdmin:
      ctx.caller.role === 'anonymous' && !(await hasAdmin(ctx.db))
        ? { codeRequired: !isLoopback(ctx.caller.peer) }
        : null,
  }),
  'hub.signIn': async (ctx, input) =>
    signedIn(await signIn(ctx.db, { name: input.name, password: input.password, peer: ctx.caller.peer }, ctx.now())),
  'hub.createFirstAdmin': async (ctx, input) =>
    signedIn(
      await createFirstAdmin(
        ctx.db,
        { name: input.name, password: input.password, code: input.code, peer: ctx.caller.peer },
        ctx.firstAdminCode,
        ctx.now(),
        ctx.log,
      ),
    ),
  'hub.signOut': async (ctx) => {
    await signOut(ctx.db, ctx.caller);
    return { ok: true as const };
  },
  'hub.overview': (ctx, input) => buildOverview(ctx.db, input, ctx.now()),
  'hub.report': (ctx, input) => buildReport(ctx.db, input, ctx.now()),
  'hub.commune': (ctx, input) =>
    asInput(
      () => communeDetail(ctx.db, input.unit, input.year ?? Number(vnDay(ctx.now()).slice(0, 4)), ctx.now()),
      'unit',
    ),
  'hub.export': async (ctx, input) => exportOverview(await buildOverview(ctx.db, input, ctx.now()), input.format),
  'hub.quarantine': async (ctx) => ({
    files: (
      await ctx.db
        .selectFrom('quarantine')
        .select(['id', 'at', 'reason', 'fingerprint', 'commune_name', 'seq', 'label'])
        .orderBy('at', 'desc')
        .limit(500)
        .execute()
    ).map((f) => ({
      id: f.id!,
      at: f.at,
      reason: f.reason,
      fingerprint: f.fingerprint,
      communeName: f.commune_name,
      seq: f.seq,
      label: f.label,
    })),
  }),
  'hub.upload': async (ctx, input) => {
    // Sizes are checked from the base64 length before anything is decoded or parsed.
    const refused: ReturnType<typeof outcome>[] = [];
    const files: { text: string; label: string }[] = [];
    for (const f of input.files) {
      if (Math.floor((f.base64.length * 3) / 4) > MAX_BATCH_BYTES)
        refused.push({
          label: f.name,
          status: 'refused',
          reason: `too_large: a batch is at most ${MAX_BATCH_BYTES / 1024 / 1024} MiB`,
          commune: null,
          seq: null,
        });
      else
        files.push({
          text: Buffer.from(f.base64, 'base64').toString('utf8'),
          label: `upload:${ctx.caller.name}:${f.name}`,
        });
    }
    const stored = files.length ? await ingestMany(ctx.db, files, ctx.secret, ctx.now()) : [];
    return {
      outcomes: [...refused, ...stored.map((o) => ({ ...outcome(o), label: o.label.replace(/^upload:[^:]*:/, '') }))],
    };
  },
  'hub.release': async (ctx, input) => ({
    outcomes: (await releaseQuarantined(ctx.db, fingerprintOf(input.fingerprint), ctx.secret, ctx.now())).map(outcome),
  }),
  'hub.drop': async (ctx, input) => {
    const dropped = await ctx.db
      .deleteFrom('quarantine')
      .where('reason', '=', 'unknown_key')
      .where('fingerprint', '=', fingerprintOf(input.fingerprint))
      .executeTakeFirst();
    return { dropped: Number(dropped.numDeletedRows) };
  },
  'hub.locks': (ctx) => listLocks(ctx.db, ctx.now()),
  'hub.unlock': async (ctx, input) => {
    await unlock(ctx.db, input);
    return { ok: true as const };
  },
  'hub.openSealed': async (ctx, input) => {
    // Personal data leaves the hub only to a person at this machine, never over the network.
    if (!isLoopback(ctx.caller.peer)) throw new AppError('forbidden');
    let key: ReturnType<typeof readSealKey>;
    try {
      key = readSealKey(input.sealKeyPem, input.passphrase);
    } catch {
      throw new AppError('invalid_input', {}, { passphrase: 'province:problems.sealKey' });
    }
    const opened = await asInput(
      () =>
        openPersonal(ctx.db, { unit: input.unit, ref: input.ref }, [key], {
          by: ctx.caller.name ?? '?',
          reason: input.reason,
          at: ctx.now(),
        }),
      'ref',
    );
    return { opened };
  },
};

/** Writes that run the receiving road with its own transaction and log (see the gate). */
export const OWN_TRANSACTION: ReadonlySet<HubMethodName> = new Set([
  'hub.upload',
  'hub.release',
  'hub.openSealed',
  'hub.signIn',
  'hub.createFirstAdmin',
]);
