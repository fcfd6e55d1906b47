import type { CallerRole, EventName, EventPayload, MethodSpec, MethodTable, OutputOf, ParsedInputOf } from '../../shared/contract';
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
