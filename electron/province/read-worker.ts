import { parentPort, workerData } from 'node:worker_threads';
import { receivingKeys, type ProvinceSecret } from './keys';
import { readAhead } from './read-pool';

/** A reader thread of `read-pool.ts`: files in, what `readAhead` makes of each out, in order. */
const secret = workerData as ProvinceSecret;
const keys = receivingKeys(secret);
parentPort!.on('message', (job: { id: number; texts: string[]; at: string }) => {
  const at = new Date(job.at);
  parentPort!.postMessage({ id: job.id, reads: job.texts.map((text) => readAhead(text, keys, secret, at)) });
});
