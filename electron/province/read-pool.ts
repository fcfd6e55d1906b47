import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Read } from './incoming';
import type { ProvinceSecret, ReceivingKeys } from './keys';
import { sha256Hex } from '#core/crypto/signing';
import { readBatch, receiptFor } from './read';

/**
 * Reading a file (canonical bytes, schema, the Ed25519 signature, opening the categories) is
 * most of an ingest's CPU; the store's checks need each file in order but not its reading. A
 * long run (a year from a USB stick, the bench) is read ahead by worker threads (one per core,
 * kept for the next run) in slices, while the main thread stores what is read; short
 * runs (one HTTP post) read in line.
 */
export interface Reader {
  next(): Promise<ReadAhead>;
}

/** A file read, what the arrivals log says of its bytes, and the receipt it gets if it is accepted (signed ahead). */
export interface ReadAhead {
  read: Read;
  sha256: string;
  bytes: number;
  accepted: ReturnType<typeof receiptFor> | null;
}

export function readAhead(
  text: string,
  keys: ReceivingKeys,
  v1Key: { encryptPublic: string; signPublic: string },
  at: Date,
): ReadAhead {
  const read = readBatch(text, keys, v1Key);
  return {
    read,
    sha256: sha256Hex(text),
    bytes: Buffer.byteLength(text, 'utf8'),
    accepted: read.ok ? receiptFor(read.batch, 'accepted', at, keys.signPrivate) : null,
  };
}

/** Below this many files the hand-over costs more than it saves. */
const POOL_FROM = 64;
const SLICE = 32;

function workerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const file = here.replace(/read-pool\.(ts|js)$/, (_m, ext: string) => `read-worker.${ext}`);
  // In the bundled tool this module is inside cli.js: its worker is built beside it.
  const candidate = file === here ? here.replace(/[^/\\]+$/, 'read-worker.js') : file;
  return existsSync(candidate) ? candidate : null;
}

/** The built worker as it is; the TypeScript one (tests, bench) through tsx, registered in the thread. */
function startWorker(file: string, secret: ProvinceSecret): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { workerData: secret });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(boot, { eval: true, workerData: secret });
}

/** Worker threads for one province key, kept between runs; they do not keep the process alive when idle. */
class ReadPool {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: ReadAhead[]) => void; reject: (e: unknown) => void }>();
  broken = false;

  constructor(
    readonly key: string,
    private readonly workers: Worker[],
  ) {
    for (const w of workers) {
      w.unref();
      w.on('message', (m: { id: number; reads: ReadAhead[] }) => {
        this.waiting.get(m.id)?.resolve(m.reads);
        this.waiting.delete(m.id);
        if (!this.waiting.size) for (const x of this.workers) x.unref();
      });
      w.on('error', (error) => this.fail(error));
      w.on('exit', () => this.fail(new Error('a reader thread stopped')));
    }
  }

  private fail(error: unknown): void {
    this.broken = true;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }

  read(texts: string[], at: Date): Promise<ReadAhead[]> {
    const id = this.seq++;
    const worker = this.workers[id % this.workers.length]!;
    for (const w of this.workers) w.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, texts, at: at.toISOString() });
    });
  }
}

let pool: ReadPool | null = null;

function poolFor(secret: ProvinceSecret): ReadPool | null {
  const key = secret.encryptPrivatePem;
  if (pool && !pool.broken && pool.key === key) return pool;
  // As many as there are cores: the main thread mostly waits for the store, and would leave one idle.
  const threads = Math.min(4, availableParallelism());
  const file = workerFile();
  if (!file) return null;
  pool = new ReadPool(
    key,
    Array.from({ length: threads }, () => startWorker(file, secret)),
  );
  return pool;
}

export function readerFor(texts: readonly string[], secret: ProvinceSecret, keys: ReceivingKeys, at: Date): Reader {
  const threads = texts.length >= POOL_FROM ? poolFor(secret) : null;
  if (!threads) {
    let i = 0;
    return { next: async () => readAhead(texts[i++]!, keys, secret, at) };
  }
  // A few slices ahead: the threads never wait for the main thread, and memory stays bounded.
  // The first slices are small, so that storing starts as soon as a few files are read.
  const slices: Promise<ReadAhead[]>[] = [];
  let queued = 0;
  const ahead = 4;
  const fill = (done: number) => {
    while (queued < texts.length && slices.length - done < ahead) {
      const size = slices.length < 3 ? 4 << slices.length : SLICE;
      const slice = threads.read(texts.slice(queued, queued + size), at);
      queued += size;
      slice.catch(() => {}); // awaited in order below; a failure is thrown there
      slices.push(slice);
    }
  };
  let done = 0;
  let current: ReadAhead[] = [];
  let index = 0;
  fill(0);
  return {
    async next() {
      if (index >= current.length) {
        current = await slices[done]!;
        slices[done] = Promise.resolve([]);
        done++;
        index = 0;
        fill(done);
      }
      return current[index++]!;
    },
  };
}
