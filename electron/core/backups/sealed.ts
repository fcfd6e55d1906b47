import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCallback } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { refuse } from './check';
import { z } from 'zod';
import { parseJson } from '../json';

const scrypt = promisify(scryptCallback) as (
  secret: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;

/**
 * Backups that leave the PC (a USB stick, a download) are sealed with a key made from the
 * admin's passphrase: AES-256-GCM in 1 MiB chunks, each chunk's number and "last" flag in its
 * authenticated data (after the STREAM construction, Hoang–Reyhanitabar–Rogaway–Vizár 2015), so
 * a changed, reordered, cut or extended file is refused. A file opens with the passphrase alone,
 * on any PC: the point's signing key travels inside it, so a new PC can take over the point.
 *
 *   "DHSBACKUP1" | u32 header length | header JSON | chunks: u32 length | ciphertext | 16-byte tag
 *   plaintext  = u32 length | JSON { signingKey } | the SQLite file
 */
export const SEALED_MAGIC = Buffer.from('DHSBACKUP1', 'latin1');
export const SEALED_EXTENSION = '.dhsbackup';
const CHUNK = 1 << 20;
const TAG = 16;
/** scrypt for the passphrase: ~0.4 s, once when it is set and once per restore. */
export const PASSPHRASE_KDF = { N: 1 << 17, r: 8, p: 1 };
let kdf = PASSPHRASE_KDF;

/** For the core tests only (`electron/core/testing.ts`), like the PIN hash: a cheap scrypt. */
export function setSealKdfForTests(params: typeof PASSPHRASE_KDF): void {
  kdf = params;
}
const MAX_MEMORY = 256 * 1024 * 1024;

export interface SealKey {
  salt: string;
  N: number;
  r: number;
  p: number;
  key: Buffer;
}

/** A sealed file's header: read from a file that may be a stranger's, so checked before use. */
const header = z.object({
  v: z.literal(1),
  kdf: z.object({
    salt: z.string(),
    N: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
  }),
  nonce: z.string(),
  chunk: z.number().int(),
  createdAt: z.string(),
});
type Header = z.output<typeof header>;
/** What travels sealed before the database: the point's signing key, for a new PC. */
const secretsPart = z.object({ signingKey: z.string().nullable() });

export async function deriveSealKey(
  passphrase: string,
  params: Omit<SealKey, 'key'> = { salt: randomBytes(16).toString('base64'), ...kdf },
): Promise<SealKey> {
  // A file's own parameters are bounded: a crafted header cannot make us spend a gigabyte.
  if (params.N > 1 << 20 || params.r > 16 || params.p > 4) throw refuse('notAuthenticated');
  const key = await scrypt(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: MAX_MEMORY,
  });
  return { ...params, key };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function chunkParams(header: Buffer, nonce: Buffer, index: number, last: boolean) {
  const iv = Buffer.concat([nonce, u32(index)]);
  const aad = Buffer.concat([createHash('sha256').update(header).digest(), u32(index), Buffer.from([last ? 1 : 0])]);
  return { iv, aad };
}

/** Seal the SQLite file `source` (with the point's secrets) into `target`. */
export async function sealBackup(
  source: string,
  target: string,
  key: SealKey,
  secrets: { signingKey: string | null },
  now: Date,
): Promise<void> {
  const nonce = randomBytes(8);
  const header = Buffer.from(
    JSON.stringify({
      v: 1,
      kdf: { salt: key.salt, N: key.N, r: key.r, p: key.p },
      nonce: nonce.toString('base64'),
      chunk: CHUNK,
      createdAt: now.toISOString(),
    } satisfies Header),
  );
  const prefix = Buffer.from(JSON.stringify(secrets));
  const input = await open(source, 'r');
  const output = await open(target, 'w', 0o600);
  try {
    await output.write(Buffer.concat([SEALED_MAGIC, u32(header.length), header]));
    let pending = Buffer.concat([u32(prefix.length), prefix]);
    const buffer = Buffer.alloc(CHUNK);
    let eof = false;
    for (let index = 0; ; index++) {
      while (pending.length < CHUNK && !eof) {
        const { bytesRead } = await input.read(buffer, 0, CHUNK - pending.length, null);
        if (bytesRead === 0) eof = true;
        else pending = Buffer.concat([pending, buffer.subarray(0, bytesRead)]);
      }
      const plain = pending.subarray(0, CHUNK);
      pending = pending.subarray(plain.length);
      const last = eof && pending.length === 0;
      const { iv, aad } = chunkParams(header, nonce, index, last);
      const cipher = createCipheriv('aes-256-gcm', key.key, iv).setAAD(aad);
      await output.write(Buffer.concat([u32(plain.length), cipher.update(plain), cipher.final(), cipher.getAuthTag()]));
      if (last) break;
    }
    await output.sync();
  } finally {
    await input.close();
    await output.close();
  }
}

async function readExactly(file: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw refuse('truncated');
  return buffer;
}

/** Is this file one of our sealed backups (by its first bytes)? */
export async function isSealed(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(SEALED_MAGIC.length);
    await file.read(head, 0, head.length, 0);
    return head.equals(SEALED_MAGIC);
  } finally {
    await file.close();
  }
}

/**
 * Open a sealed backup into `target` (the SQLite file). `keyFor` gives the key for the file's
 * salt: the point's stored key if it is the same passphrase, or one made from the passphrase
 * typed now. Any change to the file, or a wrong passphrase, is refused as `notAuthenticated`.
 */
export async function openSealedBackup(
  path: string,
  target: string,
  keyFor: (kdf: Header['kdf']) => Promise<SealKey>,
): Promise<{ signingKey: string | null }> {
  const file = await open(path, 'r');
  const output = await open(target, 'w', 0o600);
  try {
    const size = (await file.stat()).size;
    const magic = await readExactly(file, SEALED_MAGIC.length, 0);
    if (!magic.equals(SEALED_MAGIC)) throw refuse('notAuthenticated');
    const headerLength = (await readExactly(file, 4, SEALED_MAGIC.length)).readUInt32BE();
    if (headerLength > 4096) throw refuse('notAuthenticated');
    const headerBytes = await readExactly(file, headerLength, SEALED_MAGIC.length + 4);
    let parsed: Header;
    try {
      parsed = parseJson(header, headerBytes.toString('utf8'));
    } catch {
      throw refuse('notAuthenticated');
    }
    if (parsed.chunk !== CHUNK) throw refuse('notAuthenticated');
    const key = await keyFor(parsed.kdf);
    const nonce = Buffer.from(parsed.nonce, 'base64');
    let position = SEALED_MAGIC.length + 4 + headerLength;
    let index = 0;
    let prefix: Buffer | null = Buffer.alloc(0);
    let secrets: { signingKey: string | null } | null = null;
    for (;;) {
      if (position + 4 > size) throw refuse('truncated');
      const length = (await readExactly(file, 4, position)).readUInt32BE();
      if (length > CHUNK) throw refuse('notAuthenticated');
      const sealed = await readExactly(file, length + TAG, position + 4);
      position += 4 + length + TAG;
      const last = position === size;
      const { iv, aad } = chunkParams(headerBytes, nonce, index++, last);
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.key, iv).setAAD(aad).setAuthTag(sealed.subarray(length));
        plain = Buffer.concat([decipher.update(sealed.subarray(0, length)), decipher.final()]);
      } catch {
        throw refuse('notAuthenticated');
      }
      if (prefix) {
        prefix = Buffer.concat([prefix, plain]);
        if (prefix.length >= 4 && prefix.length >= 4 + prefix.readUInt32BE()) {
          const n = prefix.readUInt32BE();
          secrets = parseJson(secretsPart, prefix.subarray(4, 4 + n).toString('utf8'));
          await output.write(prefix.subarray(4 + n));
          prefix = null;
        }
      } else {
        await output.write(plain);
      }
      if (last) break;
    }
    if (!secrets) throw refuse('truncated');
    await output.sync();
    return secrets;
  } finally {
    await file.close();
    await output.close();
  }
}
