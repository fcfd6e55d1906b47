import { sql, type ControlledTransaction } from 'kysely';
import type { z } from 'zod';
import {
  AppError,
  isMethodName,
  methods,
  type ErrorBody,
  liveEvent,
  type LiveEvent,
  type MethodName,
  type Output,
  SYSTEM,
} from '#shared/contract';
import { errorBody } from '#shared/i18n/translate';
import type { Caller, CoreContext, Device, Handler } from './context';
import type { Db } from './db/open';
import type { Database } from './db/schema';
import type { EventBus } from './events';
import type { PointLog } from './log';
import { resolveCaller } from './settings/sessions';

export type CallResult<N extends MethodName = MethodName> =
  | { ok: true; result: Output<N> }
  | { ok: false; status: number; error: ErrorBody };

export interface Credentials {
  token?: string | null;
  device: Device;
  /** The Electron kiosk window: always a citizen, whatever token it sends. */
  forceCitizen?: boolean;
  /** Where the call came from (the peer's address, or `ipc`), for per-device limits. */
  peer?: string;
}

/**
 * The caller a transport's admission found, handed back to `call` so one request looks its
 * session up once: only a caller `admit` returned, for the request it admitted.
 */
export type Admitted = Readonly<Caller>;

export interface GateDeps {
  db: Db;
  bus: EventBus;
  // biome-ignore lint/suspicious/noExplicitAny: looked up by a run-time name; each is typed against its contract in handlers.ts.
  handlers: Record<MethodName, Handler<any>>;
  now: () => Date;
  dataDir: string;
  guidesDir: string;
  log?: (message: string, error: unknown) => void;
  /** The point's rotating log, handed to services for their security events. */
  logger: PointLog;
}

const STATUS: Partial<Record<ErrorBody['code'], number>> = {
  invalid_input: 400,
  unknown_method: 404,
  unauthorized: 401,
  session_expired: 401,
  wrong_pin: 401,
  forbidden: 403,
  member_locked: 423,
  not_found: 404,
  conflict: 409,
  already_configured: 409,
  not_configured: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  server_busy: 503,
  storage_full: 507,
  storage_read_only: 507,
  internal: 500,
};

/** Zod issues → { 'field.path': 'i18n:key' } so a form can mark the right field. */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message.includes(':') && !issue.message.includes(' ') ? issue.message : 'common:invalid';
  }
  return fields;
}

/** SQLite and file-system failures a user can act on get their own message. */
function classify(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string })?.code ?? '';
  const message = String((error as Error)?.message ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /SQLITE_FULL/.test(message)) return new AppError('storage_full');
  if (['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'EROFS', 'EACCES'].includes(code) || /SQLITE_READONLY/.test(message)) {
    return new AppError('storage_read_only');
  }
  if (code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test(message)) return new AppError('conflict');
  return null;
}

/** The point's own jobs call as this: no member, no session, no device of a person. */
const SYSTEM_CALLER: Caller = { role: SYSTEM, memberId: null, sessionKey: null, device: 'point', peer: 'system' };

/** Who calls over a transport (IPC or HTTP): from the session token, never `system`. */
async function transportCaller(deps: Pick<GateDeps, 'db' | 'now'>, credentials: Credentials): Promise<Caller> {
  const peer = credentials.peer ?? 'ipc';
  if (credentials.forceCitizen)
    return { role: 'citizen', memberId: null, sessionKey: null, device: credentials.device, peer };
  return { ...(await resolveCaller(deps.db, credentials.token ?? null, credentials.device, deps.now())), peer };
}

/** What a transport caller hears when the method is not theirs. */
function transportRefusal(credentials: Credentials) {
  return (caller: Caller) => {
    if (caller.role === 'citizen')
      return new AppError(credentials.token && !credentials.forceCitizen ? 'session_expired' : 'unauthorized');
    return new AppError('forbidden');
  };
}

/**
 * Who before what: a shell asks this before it reads a request's body, so a stranger's upload
 * is refused after its headers, and only a caller allowed the method may send a large one.
 */
export function createAdmission(deps: Pick<GateDeps, 'db' | 'now'>) {
  return async function admit(
    name: string,
    credentials: Credentials,
  ): Promise<{ ok: true; caller: Admitted } | Extract<CallResult, { ok: false }>> {
    if (!isMethodName(name)) return failure(new AppError('unknown_method'));
    try {
      const caller = await transportCaller(deps, credentials);
      if (!methods[name].roles.includes(caller.role)) throw transportRefusal(credentials)(caller);
      return { ok: true, caller };
    } catch (error) {
      return failure(classify(error) ?? new AppError('internal'));
    }
  };
}

/**
 * The one road every call takes, from either shell or from the point's own jobs: resolve the
 * caller, check the role, validate the input, run the service (writes in one transaction), check
 * the output, publish its events once committed, and map any failure to a typed error with
 * Vietnamese and English messages.
 *
 * `call` is for the transports: the caller comes from the session token and is never `system`,
 * so a method declared for `ALLOW.system` cannot be reached from IPC or HTTP. `system` is for the
 * scheduler: the same road as the point itself, and a write that changed anything leaves one
 * audit row (`member_id` null, the method's name, its output as detail), so no job writes its
 * own transaction, audit row or event by hand.
 */
export function createGate(deps: GateDeps) {
  /** What `ctx.once` did and saw committed: its name and the period (day) it was done for. */
  const done = new Map<string, string>();
  async function run(
    name: string,
    rawInput: unknown,
    identify: () => Promise<Caller>,
    refuse: (caller: Caller) => AppError,
  ): Promise<CallResult> {
    if (!isMethodName(name)) return failure(new AppError('unknown_method'));
    const spec = methods[name];
    try {
      const caller = await identify();
      if (!spec.roles.includes(caller.role)) throw refuse(caller);
      // A write's lock is asked for first: SQLite takes it on the pool's thread while the input is
      // checked here. Bad input gives it back unused.
      const starting = spec.kind === 'write' ? deps.db.startTransaction().execute() : null;
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        await starting?.then(
          (trx) => trx.rollback().execute(),
          () => undefined,
        );
        throw new AppError('invalid_input', {}, fieldsOf(parsed.error));
      }

      const pending: LiveEvent[] = [];
      const after: ((db: Db) => Promise<unknown>)[] = [];
      const marks: [string, string][] = [];
      const publish = () => {
        for (const event of pending.splice(0)) deps.bus.publish(event);
      };
      // The system caller's changes leave one audit row (a steps method's after its last step).
      const audited = caller.role === SYSTEM && spec.kind !== 'read';
      let stepsChanged = false;
      const auditRow = (db: Db, output: unknown) =>
        db
          .insertInto('audit_event')
          .values({
            id: undefined,
            at: deps.now().toISOString(),
            member_id: null,
            action: name,
            detail: JSON.stringify(output ?? null),
          })
          .execute();
      const write = starting ? await starting : null;
      // A write's transaction, replaced by a new one when the handler worked without the lock.
      let trx: ControlledTransaction<Database> | null = write;
      const ctx: CoreContext = {
        get db() {
          if (write && !trx) throw new Error('no database access while the lock is released');
          return trx ?? deps.db;
        },
        caller,
        now: deps.now,
        dataDir: deps.dataDir,
        guidesDir: deps.guidesDir,
        log: deps.logger,
        afterCommit: (work) => after.push(work),
        emit: (event, payload) => pending.push(liveEvent.parse({ name: event, payload })),
        once: async (key, period, work) => {
          if (done.get(key) === period) return;
          await work();
          marks.push([key, period]);
        },
        whileUnlocked: async (work) => {
          if (!trx) return work();
          await commit(trx);
          trx = null;
          try {
            return await work();
          } finally {
            trx = await deps.db.startTransaction().execute();
          }
        },
        step: async (work) => {
          if (spec.kind !== 'steps') throw new Error(`${name}: ctx.step is for methods of kind 'steps'`);
          const value = await transaction(deps.db, async (stepTrx) => {
            const before = audited ? await changesSoFar(stepTrx) : 0;
            const stepValue = await work(stepTrx);
            if (audited && (await changesSoFar(stepTrx)) > before) stepsChanged = true;
            return stepValue;
          });
          publish();
          return value;
        },
      };
      let result: unknown;
      let deferred: AppError | null = null;
      try {
        const before = audited && write ? await changesSoFar(ctx.db) : 0;
        result = spec.output.parse(await deps.handlers[name](ctx, parsed.data));
        if (audited && write && (await changesSoFar(ctx.db)) > before) await auditRow(ctx.db, result);
      } catch (error) {
        // Some refusals must still commit what they recorded (a wrong PIN counts).
        if (!(trx && error instanceof AppError && error.commitAnyway)) {
          if (trx) await trx.rollback().execute();
          throw error;
        }
        deferred = error;
      }
      if (trx) await commit(trx);
      for (const [key, period] of marks) done.set(key, period);
      if (deferred) throw deferred;
      if (stepsChanged) await transaction(deps.db, (auditTrx) => auditRow(auditTrx, result));
      for (const work of after)
        await work(deps.db).catch((error) =>
          deps.logger.error({ event: 'gate.afterCommitFailed', method: name, err: error }, 'after-commit work failed'),
        );
      publish();
      return { ok: true, result: result as Output<MethodName> };
    } catch (error) {
      const known = classify(error);
      if (!known) deps.log?.(`method ${name} failed`, error);
      return failure(known ?? new AppError('internal'));
    }
  }

  return {
    /** `admitted`: the caller this request's admission found (see `Admitted`), not looked up again. */
    call(name: string, rawInput: unknown, credentials: Credentials, admitted?: Admitted): Promise<CallResult> {
      const identify = admitted ? async () => ({ ...admitted }) : () => transportCaller(deps, credentials);
      return run(name, rawInput, identify, transportRefusal(credentials));
    },
    system(name: string, rawInput: unknown = {}): Promise<CallResult> {
      return run(
        name,
        rawInput,
        async () => SYSTEM_CALLER,
        () => new AppError('forbidden'),
      );
    },
  };
}

/**
 * A commit that fails (a full disk: SQLite keeps the transaction open) is rolled back: Kysely
 * releases the one connection only after a commit or a rollback, so every later call would wait.
 */
async function commit(trx: ControlledTransaction<Database>): Promise<void> {
  try {
    await trx.commit().execute();
  } catch (error) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    throw error;
  }
}

/**
 * One short transaction of its own (a steps method's step). A refusal made with `commitAnyway`
 * still commits what was written before it, and is thrown once committed.
 */
async function transaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  const trx = await db.startTransaction().execute();
  let value: T;
  try {
    value = await work(trx);
  } catch (error) {
    if (error instanceof AppError && error.commitAnyway) await commit(trx);
    else await trx.rollback().execute();
    throw error;
  }
  await commit(trx);
  return value;
}

/** Rows changed on the one connection so far: a job that changed nothing leaves no audit row. */
async function changesSoFar(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

function failure(error: AppError): Extract<CallResult, { ok: false }> {
  return { ok: false, status: STATUS[error.code] ?? 400, error: errorBody(error.code, error.params, error.fields) };
}
