import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** Flush a file's bytes to the disk, so a rename after it never exposes a half-written file. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flush a folder's entries (the rename itself); not possible on Windows, where NTFS journals it. */
export function fsyncDir(path: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Durable rename: the content is on disk first, then the name, then the folder entry. */
export function commitFile(partial: string, final: string): void {
  fsyncFile(partial);
  renameSync(partial, final);
  fsyncDir(dirname(final));
}

export function moveIfExists(from: string, to: string): void {
  if (existsSync(from)) renameSync(from, to);
}

export function removeQuietly(path: string): void {
  rmSync(path, { force: true });
}
