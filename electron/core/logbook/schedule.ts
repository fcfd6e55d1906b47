import type { Db } from '../db/open';
import { purgeExpiredPersonalData } from './privacy';

/**
 * Run the retention purge shortly after start-up and then every few hours (so at least daily,
 * even on a PC that sleeps at night). For the shell to call once: `startLogbookPurge(app.db)`.
 */
export function startLogbookPurge(
  db: Db,
  options: { now?: () => Date; everyMs?: number; firstAfterMs?: number; log?: (message: string, error: unknown) => void } = {},
): () => void {
  const now = options.now ?? (() => new Date());
  const run = () =>
    purgeExpiredPersonalData(db, now()).catch((error: unknown) => options.log?.('logbook retention purge failed', error));
  const first = setTimeout(() => void run(), options.firstAfterMs ?? 10_000);
  const every = setInterval(() => void run(), options.everyMs ?? 6 * 3_600_000);
  first.unref?.();
  every.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
