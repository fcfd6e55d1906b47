import { createHash } from 'node:crypto';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fingerprint, privateKeyFromSeed, rawPublicKey } from '../../electron/core/crypto/signing';
import { packageBatch } from '../../electron/core/uploads/package';
import { GIA_LAI_UNITS } from '../../shared/settings/communes';
import { seededRandom as seeded } from '../../shared/random/seeded';
import { workingDaysBetween } from '../../shared/reports/calendar';
import { RECORD_ENTITIES, ZERO_HASH } from '../../shared/uploads/batch';

/** The bench's year of batches at the province (`uploads.ts`), made in worker threads. */
const YEAR = '2026';
const SUPPORTS_PER_DAY = 8;
type Recipients = { categoriesKey: string; personalKey: string };

/** A point's Ed25519 key made from a seed: same key every run. Point i is the unit i of the 135. */
export function seededPoint(i: number) {
  const seed = createHash('sha256').update(`bench-point-${i}`).digest();
  const privateKey = privateKeyFromSeed('Ed25519', seed);
  const signPublic = rawPublicKey(privateKey);
  const h = seed.toString('hex');
  return {
    id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`,
    communeName: GIA_LAI_UNITS[i % GIA_LAI_UNITS.length]!.name, communeCode: null,
    signPublic, fingerprint: fingerprint(signPublic), signPrivatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** One point's year of closing batches, one per working day, generated deterministically (but for HPKE's one-time keys). */
function pointYear(i: number, recipients: Recipients): string[] {
  const point = seededPoint(i);
  const random = seeded(1000 + i);
  const kinds = ['dvc', 'vneid', 'payment', 'smartphone'];
  const outcomes = ['filed_online', 'filed_with_help', 'guided_only', 'referred', 'not_completed'];
  const texts: string[] = [];
  let prev = ZERO_HASH;
  let seq = 0;
  let ref = 0;
  for (const day of workingDaysBetween(`${YEAR}-01-01`, `${YEAR}-12-31`, false, [])) {
    seq++;
    const items = Array.from({ length: SUPPORTS_PER_DAY }, () => ({
      entity: 'logbook_entry', ref: `logbook_entry:${++ref}`, version: 1, supersedes: null, day, late: false, state: 'recorded' as const,
      clear: { helpKinds: [kinds[Math.floor(random() * kinds.length)]], procedure: 'birth', outcome: outcomes[Math.floor(random() * outcomes.length)], channel: 'support_point', obstacles: [] },
      personal: { fullName: null, phone: null, ageBand: '35_59' }, categories: { priorityGroups: random() < 0.2 ? ['elderly'] : [] },
    }));
    const totals = Object.fromEntries(RECORD_ENTITIES.map((e) => [e, e === 'logbook_entry' ? SUPPORTS_PER_DAY : 0]));
    const batch = packageBatch({
      point, recipients, seq, prev, createdAt: `${day}T10:05:00.000Z`, kind: 'closing', items, keyChange: null,
      days: [{ day, closed: { at: `${day}T10:00:00.000Z`, by: 'official' }, totals }],
    });
    prev = batch.hash;
    texts.push(batch.text);
  }
  return texts;
}

/** Every point's year, split over two worker threads (the machines have two cores). */
export async function generateYears(points: number, recipients: Recipients): Promise<string[][]> {
  const years: string[][] = [];
  const workers = [0, 1].map((part) => new Promise<void>((resolve, reject) => {
    // The worker registers tsx itself: a loader given on the command line does not reach a worker's first module.
    const start = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(start, { eval: true, workerData: { part, parts: 2, points, recipients } });
    worker.on('message', (m: { i: number; texts: string[] }) => (years[m.i] = m.texts));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator exited with ${code}`))));
  }));
  await Promise.all(workers);
  return years;
}

if (!isMainThread && workerData?.parts) {
  const { part, parts, points, recipients } = workerData as { part: number; parts: number; points: number; recipients: Recipients };
  for (let i = part; i < points; i += parts) parentPort!.postMessage({ i, texts: pointYear(i, recipients) });
}
