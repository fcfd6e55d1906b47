import type {
  CallerRole,
  EventName,
  EventPayload,
  MethodSpec,
  MethodTable,
  OutputOf,
  ParsedInputOf,
} from '#shared/contract';
import type { Db } from './db/open';
import type { PointLog } from './log';

export type Device = 'kiosk' | 'staff' | 'board' | 'lan';

/** Who is calling, as established by the gate (never by the caller's say-so). */
export interface Caller {
  role: CallerRole;
  memberId: number | null;
  /** Hash of the session token, to end it on sign-out. */
  sessionKey: string | null;
  /** `point`: the point's own jobs, through `gate.system`. */
  device: Device | 'point';
  /** The peer's address (HTTP), `ipc` (an Electron window) or `system`: the key of per-device limits. */
  peer: string;
}

export interface CoreContext {
  /** The transaction of this call for `write` methods; the plain connection (reads) otherwise. */
  db: Db;
  caller: Caller;
  now(): Date;
  /**
   * Methods of kind `steps` only: `work` in a short transaction of its own, through the gate
   * (the system caller's audit row counts it; events emitted so far go out once it commits).
   */
  step<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /** Work that must follow the commit, outside the transaction (truncating the WAL after an erasure). */
  afterCommit(work: (db: Db) => Promise<unknown>): void;
  /**
   * Work done once per `period` (a day) for this open database: skipped when it already ran and
   * committed for that period, so a check-in does not repeat the day's roll-over every time.
   */
  once(name: string, period: string, work: () => Promise<void>): Promise<void>;
  /**
   * Slow work that needs no database (checking a PIN's hash): what the call did so far is
   * committed, the write lock is released while `work` runs, and the call goes on in a new
   * transaction. Anything read before may have changed when it returns: read it again.
   */
  whileUnlocked<T>(work: () => Promise<T>): Promise<T>;
  /** Queued and delivered only after the call's transaction has committed. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  dataDir: string;
  /** The guide pack shipped with the app (see guides/pack-store). */
  guidesDir: string;
  /** The point's log: security events (ids, never personal data). */
  log: PointLog;
}

export type Handler<M extends MethodSpec> = (ctx: CoreContext, input: ParsedInputOf<M>) => Promise<OutputOf<M>>;
export type Handlers<T extends MethodTable> = { [K in keyof T]: Handler<T[K]> };

/** For a context built by hand outside the gate (demo data): nothing remembered, no lock to release. */
export const OUTSIDE_GATE: Pick<CoreContext, 'once' | 'whileUnlocked'> = {
  once: (_name, _period, work) => work(),
  whileUnlocked: (work) => work(),
};
