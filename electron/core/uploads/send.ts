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

type Attempt = { ok: true; receipt: unknown } | { ok: false; error: string };

async function post(url: string, body: string): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
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
 * Post every due, unacknowledged batch in order, stopping at the first failure (the province
 * refuses a batch whose predecessor it lacks). Network I/O happens outside any transaction;
 * each result is written in a short transaction of its own, so the desk is never held up.
 */
export async function sendDue(db: Db, now: () => Date, options: { force?: boolean } = {}): Promise<SendSummary> {
  const identity = await ensureIdentity(db, now());
  if (!identity.province_url || !identity.province_sign_key) return { acknowledged: [], failed: null, skipped: true };
  const batches = await unacknowledged(db);
  const due = options.force ? batches : batches.filter((b) => !b.next_attempt_at || b.next_attempt_at <= now().toISOString());
  if (due.length === 0 || (!options.force && due[0]!.seq !== batches[0]?.seq)) return { acknowledged: [], failed: null, skipped: true };
  const acknowledged: number[] = [];
  for (const batch of batches) {
    const attempt = await post(identity.province_url, batch.content);
    const at = now();
    const result = await db.transaction().execute(async (trx) => {
      await trx.updateTable('upload_batch').set({ attempts: batch.attempts + 1, sent_at: at.toISOString() }).where('seq', '=', batch.seq).execute();
      if (attempt.ok) {
        const seq = await acceptReceipt(trx, at, attempt.receipt);
        if (seq === batch.seq) return null;
      }
      const error = attempt.ok ? 'bad_receipt' : attempt.error;
      await trx.updateTable('upload_batch').set({
        last_error: error, last_error_at: at.toISOString(), next_attempt_at: new Date(at.getTime() + backoffMs(batch.attempts + 1)).toISOString(),
      }).where('seq', '=', batch.seq).execute();
      return error;
    });
    if (result !== null) return { acknowledged, failed: { seq: batch.seq, error: result }, skipped: false };
    acknowledged.push(batch.seq);
  }
  return { acknowledged, failed: null, skipped: false };
}
