import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { pointKeys, writePrivateFile } from '../security/keys';
import { refuse } from './check';

/**
 * Backups kept on this PC are plain SQLite files (VACUUM INTO output), each with a MAC beside it
 * (`<file>.mac`, HMAC-SHA256 with the point's local key). A file this point did not write (a
 * crafted database with an extra admin or a trigger, put into the folder or offered by path)
 * has no valid MAC and is refused before SQLite opens it.
 */
export const MAC_SUFFIX = '.mac';
const PREFIX = 'hmac-sha256:v1:';

async function macOfFile(dataDir: string, path: string): Promise<string> {
  // The local key stays inside PointKeys: it MACs the file's SHA-256, computed here as it streams.
  const digest = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) digest.update(chunk as Buffer);
  return pointKeys(dataDir).mac('backup-file:', digest.digest());
}

export async function writeMac(dataDir: string, path: string): Promise<void> {
  writePrivateFile(`${path}${MAC_SUFFIX}`, `${PREFIX}${await macOfFile(dataDir, path)}\n`);
}

/** Throws `invalid_file` (notAuthenticated) unless `path` carries this point's MAC. */
export async function checkMac(dataDir: string, path: string): Promise<void> {
  const sidecar = `${path}${MAC_SUFFIX}`;
  if (!existsSync(sidecar)) throw refuse('notAuthenticated');
  const stored = readFileSync(sidecar, 'utf8').trim();
  if (!stored.startsWith(PREFIX) || stored.slice(PREFIX.length) !== (await macOfFile(dataDir, path)))
    throw refuse('notAuthenticated');
}
