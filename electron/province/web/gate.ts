import { AppError, type ErrorBody } from '#shared/contract/errors';
import { hubMethods, isHubMethod, type HubMethodName, type HubMethods } from '#shared/province/contract';
import type { ParsedInputOf, OutputOf } from '#shared/contract/define';
import { errorBody } from '#shared/i18n/translate';
import { fieldsOf } from '#core/gate';
import type { ProvinceSecret } from '../keys';
import { audit, resolveHubCaller, type HubCaller } from './accounts';
import type { FirstAdminCode } from './first-admin';
import type { HubDb } from './hub-store';

/** What the hub tells open pages after a change has committed (the dashboard refreshes). */
export type HubEvent = { name: 'hub.changed'; payload: { method: string } };

export interface HubContext {
  db: HubDb;
  caller: HubCaller;
  now: () => Date;
  secret: ProvinceSecret;
  /** The console's one-time code while the hub has no admin (null once one existed at start). */
  firstAdminCode: FirstAdminCode | null;
  emit: (event: HubEvent) => void;
  log: (message: string) => void;
}

export type HubHandler<N extends HubMethodName> = (
  ctx: HubContext,
  input: ParsedInputOf<HubMethods[N]>,
) => Promise<OutputOf<HubMethods[N]>>;
// biome-ignore lint/suspicious/noExplicitAny: looked up by a run-time name; each is typed against the contract in handlers.ts.
export type HubHandlers = { [N in HubMethodName]: HubHandler<N> } & Record<string, HubHandler<any>>;

export type HubCallResult = { ok: true; result: unknown } | { ok: false; status: number; error: ErrorBody };

export interface HubGateDeps {
  db: HubDb;
  handlers: HubHandlers;
  now: () => Date;
  secret: ProvinceSecret;
  firstAdminCode?: FirstAdminCode | null;
  /**
   * Writes that keep their own transactions: the receiving road (ingest, release, opening sealed
   * data) with its own log (`intake`, `opening`), and sign-ins, which hash with no transaction
   * open and commit a wrong try before refusing; the gate adds the audit row once they committed.
   */
  ownTransaction: ReadonlySet<HubMethodName>;
  onEvent: (event: HubEvent) => void;
  log: (message: string, error: unknown) => void;
}

const STATUS: Partial<Record<ErrorBody['code'], number>> = {
  invalid_input: 400,
  unknown_method: 404,
  unauthorized: 401,
  session_expired: 401,
  wrong_password: 401,
  forbidden: 403,
  account_locked: 423,
  address_locked: 429,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  invalid_file: 422,
  internal: 500,
};

function failure(error: AppError): Extract<HubCallResult, { ok: false }> {
  return { ok: false, status: STATUS[error.code] ?? 400, error: errorBody(error.code, error.params, error.fields) };
}

export interface HubCredentials {
  session: string | null;
  bearer: string | null;
  peer: string;
}

/**
 * The hub's one road, as the point's gate: who (session cookie or API token), may they, is the
 * input valid, run the service (a write in one transaction with its audit row), check the
 * output, then tell open pages once committed.
 */
export function createHubGate(deps: HubGateDeps) {
  const identify = (credentials: HubCredentials) => resolveHubCaller(deps.db, credentials, deps.now());
  const refusal = (caller: HubCaller, credentials: HubCredentials) =>
    new AppError(
      caller.role !== 'anonymous'
        ? 'forbidden'
        : credentials.session || credentials.bearer
          ? 'session_expired'
          : 'unauthorized',
    );

  return {
    /** Before the body is read: may this caller call this method at all? */
    async admit(name: string, credentials: HubCredentials): Promise<HubCallResult> {
      if (!isHubMethod(name)) return failure(new AppError('unknown_method'));
      const caller = await identify(credentials);
      const roles = hubMethods[name].roles as readonly string[];
      return roles.includes(caller.role) ? { ok: true, result: null } : failure(refusal(caller, credentials));
    },
    async call(name: string, raw: unknown, credentials: HubCredentials): Promise<HubCallResult> {
      if (!isHubMethod(name)) return failure(new AppError('unknown_method'));
      const spec = hubMethods[name];
      try {
        const caller = await identify(credentials);
        if (!(spec.roles as readonly string[]).includes(caller.role)) throw refusal(caller, credentials);
        const parsed = spec.input.safeParse(raw ?? {});
        if (!parsed.success) throw new AppError('invalid_input', {}, fieldsOf(parsed.error));
        const pending: HubEvent[] = [];
        const ctx = (db: HubDb): HubContext => ({
          db,
          caller,
          now: deps.now,
          secret: deps.secret,
          firstAdminCode: deps.firstAdminCode ?? null,
          emit: (e) => pending.push(e),
          log: (message) => deps.log(message, null),
        });
        const handler = deps.handlers[name] as HubHandler<typeof name>;
        const run = async (db: HubDb) => spec.output.parse(await handler(ctx(db), parsed.data as never));
        let result: unknown;
        if (spec.kind === 'read') result = await run(deps.db);
        else if (deps.ownTransaction.has(name)) {
          result = await run(deps.db);
          await audit(deps.db, caller.accountId, name, auditDetail(name, parsed.data, result, caller), deps.now());
        } else {
          result = await deps.db.transaction().execute(async (trx) => {
            const output = await run(trx);
            await audit(trx, caller.accountId, name, auditDetail(name, parsed.data, output, caller), deps.now());
            return output;
          });
        }
        for (const event of pending) deps.onEvent(event);
        if (spec.kind === 'write') deps.onEvent({ name: 'hub.changed', payload: { method: name } });
        return { ok: true, result };
      } catch (error) {
        if (error instanceof AppError) return failure(error);
        deps.log(`hub method ${name} failed`, error);
        return failure(new AppError('internal'));
      }
    },
  };
}

/** What the audit keeps of a write: never a password, a key, a token or personal data. */
function auditDetail(name: HubMethodName, input: unknown, output: unknown, caller: HubCaller): unknown {
  const i = input as Record<string, unknown>;
  if (name === 'hub.signIn' || name === 'hub.createFirstAdmin') return { name: i.name, address: caller.peer };
  if (name === 'hub.openSealed')
    return { unit: i.unit, ref: i.ref, reason: i.reason, versions: (output as { opened: unknown[] }).opened.length };
  if (name === 'hub.upload')
    return {
      files: (i.files as { name: string }[]).map((f) => f.name),
      outcomes: (output as { outcomes: { status: string }[] }).outcomes.map((o) => o.status),
    };
  if (name === 'hub.release' || name === 'hub.drop') return { ...i, output };
  return i;
}
