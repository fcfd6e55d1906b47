import { createServer, type Server } from 'node:http';
import type { ProvinceSecret } from './keys';
import { ingestBatch, isStored } from './ingest';
import type { ProvinceDb } from './store';

const MAX_BATCH_BYTES = 64 * 1024 * 1024;

/**
 * The province's receiving endpoint: POST /batches with the batch file as the body.
 * 201 + a signed receipt when stored, 200 + the same receipt for a batch already stored,
 * 202 when kept behind a missing earlier batch (no receipt yet), 422 + the reason when refused
 * or kept in quarantine for an unknown key. One batch at a time, so the chain checks never race.
 */
export function serveProvince(db: ProvinceDb, secret: ProvinceSecret, now: () => Date = () => new Date()): Server {
  let queue = Promise.resolve();
  return createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-dhs-province': '1' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'HEAD' || (req.method === 'GET' && req.url === '/batches')) return reply(204, null);
    if (req.method !== 'POST' || req.url !== '/batches') return reply(404, { error: 'not_found' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BATCH_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      queue = queue.then(async () => {
        try {
          const outcome = await ingestBatch(db, Buffer.concat(chunks).toString('utf8'), secret, now(), `http:${req.socket.remoteAddress}`);
          if (isStored(outcome)) reply(outcome.status === 'accepted' ? 201 : 200, { status: outcome.status, receipt: outcome.receipt });
          // Held behind a missing batch: kept, no receipt yet; the point sends the earlier one first.
          else if (outcome.status === 'held') reply(202, { status: 'held', reason: outcome.reason });
          else reply(422, { status: outcome.status, reason: outcome.reason });
        } catch (error) {
          reply(500, { status: 'error', reason: String((error as Error).message) });
        }
      });
    });
  });
}
