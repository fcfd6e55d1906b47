import { createServer, type Server } from 'node:http';
import type { ProvinceSecret } from './keys';
import { ingestBatch, isStored } from './ingest';
import type { ProvinceDb } from './store';
import { hourOf, overAllowance, tallyRefusal } from './tally';

import { MAX_BATCH_BYTES } from '#shared/uploads/batch';

/**
 * The province's receiving endpoint: POST /batches with the batch file as the body.
 * 201 + a signed receipt when stored, 200 + the same receipt for a batch already stored,
 * 202 when kept behind a missing earlier batch (no receipt yet), 422 + the reason when refused
 * or kept in quarantine for an unknown key, 429 (unread) for a source that has had too many files
 * refused this hour before any enrolled point was named (tally.ts). One batch at a time, so the
 * chain checks never race.
 */
export function serveProvince(db: ProvinceDb, secret: ProvinceSecret, now: () => Date = () => new Date()): Server {
  let queue = Promise.resolve();
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-dhs-province': '1' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'HEAD' || (req.method === 'GET' && req.url === '/batches')) return reply(204, null);
    if (req.method !== 'POST' || req.url !== '/batches') return reply(404, { error: 'not_found' });
    // Too large: answered 413 at once (declared) or as soon as it is (chunked); the rest is read
    // and dropped for a moment so the point hears the answer instead of a reset.
    const tooLarge = () => {
      chunks.length = 0;
      req.removeAllListeners('data').removeAllListeners('end');
      req.resume();
      const timer = setTimeout(() => req.socket.destroy(), 5_000);
      timer.unref();
      req.once('end', () => clearTimeout(timer));
      reply(413, { status: 'refused', reason: `too_large: a batch is at most ${MAX_BATCH_BYTES / 1024 / 1024} MiB` });
    };
    const chunks: Buffer[] = [];
    if (Number(req.headers['content-length'] ?? 0) > MAX_BATCH_BYTES) return tooLarge();
    const source = req.socket.remoteAddress ?? 'unknown';
    // Nothing is read until the source is known to have allowance left; the data waits in the socket.
    req.pause();
    overAllowance(db, source, now())
      .then(async (over) => {
        if (!over) return void req.resume();
        const at = now();
        await tallyRefusal(db, source, at, 'rate_limited', Number(req.headers['content-length'] ?? 0), true);
        res.setHeader(
          'retry-after',
          String(Math.max(1, Math.ceil((Date.parse(`${hourOf(at)}:00:00.000Z`) + 3_600_000 - at.getTime()) / 1000))),
        );
        tooMany();
      })
      .catch(() => reply(500, { status: 'error', reason: 'store unavailable' }));
    const tooMany = () => {
      req.removeAllListeners('data').removeAllListeners('end');
      req.resume();
      const timer = setTimeout(() => req.socket.destroy(), 5_000);
      timer.unref();
      req.once('end', () => clearTimeout(timer));
      reply(429, {
        status: 'refused',
        reason: 'rate_limited: too many files from this address were refused this hour; try again later',
      });
    };
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BATCH_BYTES) tooLarge();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      queue = queue.then(async () => {
        try {
          const outcome = await ingestBatch(
            db,
            Buffer.concat(chunks).toString('utf8'),
            secret,
            now(),
            `http:${source}`,
            source,
          );
          if (isStored(outcome))
            reply(outcome.status === 'accepted' ? 201 : 200, { status: outcome.status, receipt: outcome.receipt });
          // Held behind a missing batch: kept, no receipt yet; the point sends the earlier one first.
          else if (outcome.status === 'held') reply(202, { status: 'held', reason: outcome.reason });
          else reply(422, { status: outcome.status, reason: outcome.reason });
        } catch (error) {
          reply(500, { status: 'error', reason: String((error as Error).message) });
        }
      });
    });
  });
  // 135 points post now and then: a cap on connections and on slow headers keeps a flood out.
  server.maxConnections = 256;
  server.headersTimeout = 15_000;
  return server;
}
