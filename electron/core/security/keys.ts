import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/open';
import { z } from 'zod';
import { parseJson } from '../json';

/**
 * What the shell can offer to protect secrets at rest: Electron's `safeStorage` (DPAPI on
 * Windows, the keychain or the desktop's keyring elsewhere). The core never imports electron;
 * the shell hands this in. Server mode has none: secrets are then files only this user can read.
 */
export interface SecretWrapper {
  kind: 'safeStorage';
  wrap(plain: Buffer): Buffer;
  unwrap(sealed: Buffer): Buffer;
}

export const KEYS_DIR = 'keys';
const LOCAL_KEY = 'point.key';

const keyFile = z.object({ v: z.literal(1), protection: z.enum(['safeStorage', 'file']), data: z.string() });
type KeyFile = z.output<typeof keyFile>;

export class KeysUnavailableError extends Error {
  constructor(file: string) {
    super(
      `${file} is sealed by the desktop app's system key store; start the desktop app (not server mode) on this PC`,
    );
    this.name = 'KeysUnavailableError';
  }
}

/** Files only the app's user can read: 0700 folders and 0600 files (POSIX; Windows uses ACLs). */
export function privateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(path, 0o700);
}

export function privateFile(path: string): void {
  if (process.platform !== 'win32' && existsSync(path)) chmodSync(path, 0o600);
}

/** Write a small file whole or not at all, readable only by this user. */
export function writePrivateFile(path: string, data: string | Buffer): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, data, { mode: 0o600 });
  renameSync(partial, path);
}

/**
 * The point's own secrets, in `<data>/keys`: a random local key (MACs of backups and of the
 * erasure list, the first-run setup code, tags for peers in the log) and the batch signing key.
 * Kept out of the database, so a copied database or backup holds neither.
 */
export class PointKeys {
  readonly dir: string;
  readonly #localKey: Buffer;
  readonly #cache = new Map<string, Buffer>();

  constructor(
    dataDir: string,
    readonly wrapper: SecretWrapper | null,
  ) {
    this.dir = join(dataDir, KEYS_DIR);
    privateDir(this.dir);
    let key = this.read(LOCAL_KEY);
    if (key?.length !== 32) {
      key = randomBytes(32);
      this.write(LOCAL_KEY, key);
    }
    this.#localKey = key;
  }

  get protection(): KeyFile['protection'] {
    return this.wrapper ? 'safeStorage' : 'file';
  }

  /** HMAC-SHA256 with the local key, hex. */
  mac(...parts: (string | Buffer)[]): string {
    const h = createHmac('sha256', this.#localKey);
    for (const part of parts) h.update(part);
    return h.digest('hex');
  }

  /** A short stable name for something that must not be written in clear (a LAN address). */
  tag(text: string): string {
    return this.mac('tag:', text).slice(0, 8);
  }

  /** The one-time code a first-run setup from another device must type (printed on the console). */
  setupCode(): string {
    const n = BigInt(`0x${this.mac('setup-code').slice(0, 15)}`) % 100_000_000n;
    return n.toString().padStart(8, '0');
  }

  read(name: string): Buffer | null {
    const cached = this.#cache.get(name);
    if (cached) return cached;
    const path = join(this.dir, name);
    if (!existsSync(path)) return null;
    privateFile(path);
    const file = parseJson(keyFile, readFileSync(path, 'utf8'));
    const data = Buffer.from(file.data, 'base64');
    if (file.protection === 'file') {
      // Made in server mode: sealed now that the desktop app can.
      if (this.wrapper) this.write(name, data);
      this.#cache.set(name, data);
      return data;
    }
    if (!this.wrapper) throw new KeysUnavailableError(path);
    const plain = this.wrapper.unwrap(data);
    this.#cache.set(name, plain);
    return plain;
  }

  write(name: string, data: Buffer): void {
    const file: KeyFile = this.wrapper
      ? { v: 1, protection: 'safeStorage', data: this.wrapper.wrap(data).toString('base64') }
      : { v: 1, protection: 'file', data: data.toString('base64') };
    writePrivateFile(join(this.dir, name), JSON.stringify(file));
    this.#cache.set(name, data);
  }
}

const opened = new Map<string, PointKeys>();

/** Open (once per data folder) the point's keys; `openApp` calls it with the shell's wrapper. */
export function openPointKeys(dataDir: string, wrapper: SecretWrapper | null = null): PointKeys {
  const keys = new PointKeys(dataDir, wrapper);
  opened.set(dataDir, keys);
  return keys;
}

export function pointKeys(dataDir: string): PointKeys {
  return opened.get(dataDir) ?? openPointKeys(dataDir);
}

/** The keys of the data folder a database lives in (services that are handed only `db`). */
export async function pointKeysOf(db: Db): Promise<PointKeys> {
  const rows = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  return pointKeys(dirname(rows.rows[0]!.file));
}
