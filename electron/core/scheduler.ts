import type { App } from './app';

/**
 * A job the point runs by itself (daily backup, the closing batch for the province, the purge
 * of personal data past retention). `run` must be idempotent and decide from the database
 * whether anything is due, so a PC that was off at the usual hour catches up the next time.
 */
export interface ScheduledJob {
  name: string;
  run(app: App, now: Date): Promise<unknown>;
}

export interface Scheduler {
  /** Run every job once now, one after another (tests, or "the PC just woke up"). */
  runNow(): Promise<void>;
  stop(): void;
}

/** Checks shortly after start and then every few minutes; timers never keep a process alive. */
export function startScheduler(
  app: App,
  jobs: readonly ScheduledJob[],
  options: { now?: () => Date; log?: (message: string, error: unknown) => void; firstDelayMs?: number; everyMs?: number } = {},
): Scheduler {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const runNow = () => {
    running ??= (async () => {
      for (const job of jobs) {
        try {
          await job.run(app, now());
        } catch (error) {
          options.log?.(`scheduled job ${job.name} failed`, error);
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
