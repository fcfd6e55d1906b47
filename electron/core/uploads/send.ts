import { AppError, type Input } from '#shared/contract';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { acceptReceipt, unacknowledged } from './deliver';
import { ensureIdentity } from './identity';

/** Retry after 1 min, then doubling, at most every 6 hours: never given up (ODK Collect's rule). */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

const TIMEOUT_MS = 30_000;

export interface SendSummary {
  acknowledged: number[];
  failed: { seq: number; error: string } | null;
  /** Nothing was tried: no address set, or nothing due yet. */
  skipped: boolean;
}

/** One POST's answer, as the delivery job hands it to `uploads.recordDelivery`. */
export type Attempt = Input<'uploads.recordDelivery'>['attempt'];

/** One POST of a batch's exact bytes; only a signed receipt for it will count as sent. */
export async function postBatch(url: string, body: string): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, error: 'network' };
  }
  const json = (await response.json().catch(() => null)) as { reason?: string; receipt?: unknown } | null;
  if (response.status === 422) return { ok: false, error: `refused:${String(json?.reason ?? '')}` };
  if (response.status === 202) return { ok: false, error: `held:${String(json?.reason ?? '')}` };
  // Only a signed receipt counts: a 200 from a Wi-Fi login page or a proxy is not an acceptance.
  if ((response.status === 200 || response.status === 201) && json?.receipt) return { ok: true, receipt: json.receipt };
  return { ok: false, error: response.ok ? 'bad_receipt' : `http:${response.status}` };
}

/**
 * What is due for the province now, oldest first: nothing unless its address and key are set and
 * the oldest batch waiting is due (the province refuses a batch whose predecessor it lacks).
 */
export async function dueForDelivery(
  db: Db,
  now: Date,
  force = false,
): Promise<{ url: string | null; batches: { seq: number; content: string }[] }> {
  const identity = await ensureIdentity(db, now);
  if (!identity.province_url || !identity.province_sign_key) return { url: null, batches: [] };
  const batches = await unacknowledged(db);
  const due = force ? batches : batches.filter((b) => !b.next_attempt_at || b.next_attempt_at <= now.toISOString());
  if (due.length === 0 || (!force && due[0]!.seq !== batches[0]?.seq))
    return { url: identity.province_url, batches: [] };
  return { url: identity.province_url, batches: batches.map((b) => ({ seq: b.seq, content: b.content })) };
}

/** The answer to one POST, in the caller's transaction; null when the province acknowledged it. */
export async function recordAttempt(db: Db, at: Date, seq: number, attempt: Attempt): Promise<string | null> {
  const batch = await db
    .selectFrom('upload_batch')
    .select(['seq', 'attempts'])
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (!batch) throw new AppError('not_found');
  await db
    .updateTable('upload_batch')
    .set({ attempts: batch.attempts + 1, sent_at: at.toISOString() })
    .where('seq', '=', seq)
    .execute();
  if (attempt.ok && (await acceptReceipt(db, at, attempt.receipt)) === seq) return null;
  const error = attempt.ok ? 'bad_receipt' : attempt.error;
  await db
    .updateTable('upload_batch')
    .set({
      last_error: error,
      last_error_at: at.toISOString(),
      next_attempt_at: new Date(at.getTime() + backoffMs(batch.attempts + 1)).toISOString(),
    })
    .where('seq', '=', seq)
    .execute();
  return error;
}

/**
 * Post every due, unacknowledged batch in order, stopping at the first failure. Network I/O
 * happens outside any transaction. The steps are given: the point's delivery job records each
 * answer through the gate (`uploads.recordDelivery`); "Send now" records it in a short
 * transaction of its own, so the desk is never held up by a slow network.
 */
export async function deliver(steps: {
  due(): Promise<{ url: string | null; batches: { seq: number; content: string }[] }>;
  record(seq: number, attempt: Attempt): Promise<string | null>;
}): Promise<SendSummary> {
  const { url, batches } = await steps.due();
  if (!url || batches.length === 0) return { acknowledged: [], failed: null, skipped: true };
  const acknowledged: number[] = [];
  for (const batch of batches) {
    const error = await steps.record(batch.seq, await postBatch(url, batch.content));
    if (error !== null) return { acknowledged, failed: { seq: batch.seq, error }, skipped: false };
    acknowledged.push(batch.seq);
  }
  return { acknowledged, failed: null, skipped: false };
}

/**
 * What is due (with `force`, everything unacknowledged, whatever the back-off says), each answer
 * recorded in a step of its own: "Send now", a method of kind `steps`.
 */
export function sendDue(
  ctx: Pick<CoreContext, 'db' | 'now' | 'step' | 'emit'>,
  options: { force?: boolean } = {},
): Promise<SendSummary> {
  return deliver({
    due: () => dueForDelivery(ctx.db, ctx.now(), options.force),
    record: (seq, attempt) =>
      ctx.step(async (db) => {
        const error = await recordAttempt(db, ctx.now(), seq, attempt);
        ctx.emit('uploads.changed', {});
        return error;
      }),
  });
}
