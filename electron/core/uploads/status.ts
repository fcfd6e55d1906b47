import type { BatchView, UploadsStatus } from '#shared/uploads/contract';
import type { Db } from '../db/open';
import { readPointSettings } from '../settings/service';
import { packDueDays } from './cut';
import { ensureIdentity } from './identity';
import type { UploadBatchTable } from './schema';
import { parseJsonColumn } from '../json';
import { z } from 'zod';

/** `closes_days`: a JSON array of the Vietnamese days the batch closes. */
const days = z.array(z.string());

export function batchState(
  b: Pick<UploadBatchTable, 'acknowledged_at' | 'last_error' | 'saved_at'>,
): BatchView['state'] {
  if (b.acknowledged_at) return 'acknowledged';
  if (b.last_error) return 'failed';
  return b.saved_at ? 'saved' : 'waiting';
}

function toView(b: UploadBatchTable): BatchView {
  const [code, ...detail] = (b.last_error ?? '').split(':');
  return {
    seq: b.seq,
    fileName: b.file_name,
    kind: b.kind,
    createdAt: b.created_at,
    periodFrom: b.period_from,
    periodTo: b.period_to,
    closesDays: parseJsonColumn(days, b.closes_days),
    records: b.record_count,
    state: batchState(b),
    savedAt: b.saved_at,
    sentAt: b.sent_at,
    acknowledgedAt: b.acknowledged_at,
    attempts: b.attempts,
    nextAttemptAt: b.next_attempt_at,
    error: b.last_error ? code! : null,
    errorDetail: detail.join(':') || null,
  };
}

export async function uploadsStatus(db: Db, now: Date, limit: number): Promise<UploadsStatus> {
  const identity = await ensureIdentity(db, now);
  const point = await readPointSettings(db);
  const waiting = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_seq', 'is', null)
    .executeTakeFirst();
  const all = await db
    .selectFrom('upload_batch')
    .select(['seq', 'acknowledged_at', 'last_error', 'saved_at'])
    .execute();
  const counts = { waiting: 0, saved: 0, failed: 0, acknowledged: 0 };
  for (const b of all) counts[batchState(b)]++;
  const recent = await db.selectFrom('upload_batch').selectAll().orderBy('seq', 'desc').limit(limit).execute();
  const lastAck = await db
    .selectFrom('upload_batch')
    .select((eb) => eb.fn.max('acknowledged_at').as('at'))
    .executeTakeFirst();
  return {
    ready: {
      communeCode: point.communeCode !== '',
      provinceKey: identity.province_encrypt_key !== null,
      provinceUrl: identity.province_url !== null,
    },
    pointId: identity.point_id,
    pointFingerprint: identity.fingerprint,
    provinceFingerprint: identity.province_fingerprint,
    provinceUrl: identity.province_url,
    waitingChanges: Number(waiting?.n ?? 0),
    dueDays: await packDueDays(db),
    counts,
    lastAcknowledgedAt: lastAck?.at ?? null,
    batches: recent.map(toView),
  };
}
