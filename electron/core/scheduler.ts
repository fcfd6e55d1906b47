import type { MethodName, Output } from '#shared/contract';
import type { App } from './app';

/**
 * What a job may touch. Every change goes through `system`, the gate's road as the point itself
 * (one transaction, its audit row, outbox rows, events after commit); a job holds no database
 * handle, so it cannot write its own transaction, audit row or event by hand.
 *
 * Work that must not hold the point's one write transaction (copying the database file with
 * VACUUM INTO, a round trip to the province's server) is the job's own code between system
 * calls: it reads files or the network, then hands what it found to a system method that
 * records it. That is the only work a job does outside the gate, and it never writes the
 * database.
 */
export interface JobContext {
  system<N extends MethodName>(name: N, input?: unknown): Promise<Output<N>>;
  now(): Date;
  dataDir: string;
  /** The live database file, for the daily backup's own read-only connection. */
  databaseFile: string;
}

/**
 * A job the point runs by itself. `run` must be idempotent and decide from the database (through
 * its system methods) whether anything is due, so a PC that was off catches up the next time.
 */
export interface ScheduledJob {
  name: string;
  run(job: JobContext): Promise<unknown>;
}

export interface Scheduler {
  /** Run every job once now, one after another (tests, or "the PC just woke up"). */
  runNow(): Promise<void>;
  stop(): void;
}

export function jobContext(app: App): JobContext {
  return {
    system: (name, input = {}) => app.invokeSystem(name, input),
    now: app.now,
    dataDir: app.dataDir,
    databaseFile: app.databaseFile,
  };
}

/** Checks shortly after start and then every few minutes; timers never keep a process alive. */
export function startScheduler(
  app: App,
  jobs: readonly ScheduledJob[],
  options: { log?: (message: string, error: unknown) => void; firstDelayMs?: number; everyMs?: number } = {},
): Scheduler {
  const job = jobContext(app);
  let running: Promise<void> | null = null;
  const runNow = () => {
    running ??= (async () => {
      for (const scheduled of jobs) {
        try {
          await scheduled.run(job);
        } catch (error) {
          options.log?.(`scheduled job ${scheduled.name} failed`, error);
        }
      }
    })().finally(() => (running = null));
    return running;
  };
  const first = setTimeout(() => void runNow(), options.firstDelayMs ?? 30_000);
  const every = setInterval(() => void runNow(), options.everyMs ?? 5 * 60_000);
  first.unref();
  every.unref();
  return {
    runNow,
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
