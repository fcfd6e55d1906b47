import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: 'missing' | 'not_a_file' | 'too_large'; size?: number };

/**
 * Read a file a stranger may have handed over (a batch, a key file, a pack) only if it is a
 * regular file no larger than `limit`: the size is known before a byte is read, so a 1 GB file
 * is refused at once instead of filling the memory (or hitting V8's string limit).
 */
export function readBounded(path: string, limit: number): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return { ok: false, reason: 'missing' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not_a_file' };
    if (stat.size > limit) return { ok: false, reason: 'too_large', size: stat.size };
    const bytes = Buffer.alloc(stat.size);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, done);
      if (n === 0) break;
      done += n;
    }
    return { ok: true, bytes: bytes.subarray(0, done) };
  } finally {
    closeSync(fd);
  }
}
