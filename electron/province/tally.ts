import type { Kysely } from 'kysely';
import type { ProvinceDatabase } from './store';

/**
 * Strangers at the receiving endpoint. A file refused before any enrolled point is named (not
 * a batch, a key nobody enrolled) counts against its source's hour; the first few of the hour
 * are kept in full as evidence (an `intake` line, and the file itself in quarantine when its
 * key may yet be enrolled), the rest only counted; once the hour's allowance is spent the
 * endpoint turns the source away unread (429) until the next hour. Files from enrolled points,
 * and files an admin brings (CLI, upload), are never limited.
 */
export const STRANGER_EVIDENCE_PER_HOUR = 10;
export const STRANGER_ALLOWANCE_PER_HOUR = 30;

type Db = Kysely<ProvinceDatabase>;

/** `2026-11-05T09`: the UTC hour a tally row counts. */
export const hourOf = (at: Date) => at.toISOString().slice(0, 13);

/** One more refused file from `source` this hour; how many it has had this hour, this one included. */
export async function tallyRefusal(
  db: Db,
  source: string,
  at: Date,
  reason: string,
  bytes: number,
  limited = false,
): Promise<number> {
  const iso = at.toISOString();
  const row = await db
    .insertInto('refusal_tally')
    .values({
      source,
      hour: hourOf(at),
      files: limited ? 0 : 1,
      bytes,
      limited: limited ? 1 : 0,
      first_at: iso,
      last_at: iso,
      last_reason: reason.slice(0, 300),
    })
    .onConflict((oc) =>
      oc.columns(['source', 'hour']).doUpdateSet((eb) => ({
        files: eb('refusal_tally.files', '+', limited ? 0 : 1),
        limited: eb('refusal_tally.limited', '+', limited ? 1 : 0),
        bytes: eb('refusal_tally.bytes', '+', bytes),
        last_at: iso,
        last_reason: reason.slice(0, 300),
      })),
    )
    .returning('files')
    .executeTakeFirstOrThrow();
  return Number(row.files);
}

/** Whether `source` has spent this hour's allowance (read before its body is). */
export async function overAllowance(db: Db, source: string, at: Date): Promise<boolean> {
  const row = await db
    .selectFrom('refusal_tally')
    .select('files')
    .where('source', '=', source)
    .where('hour', '=', hourOf(at))
    .executeTakeFirst();
  return Number(row?.files ?? 0) >= STRANGER_ALLOWANCE_PER_HOUR;
}
