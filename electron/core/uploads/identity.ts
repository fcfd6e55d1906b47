import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '#shared/contract';
import { parseProvinceKey, provinceKeyParts } from '#shared/uploads/provinceKey';
import type { Db } from '../db/open';
import { pointKeysOf, type PointKeys } from '../security/keys';
import { fingerprint, generateSigningKey, isValidRawKey, publicOfPrivatePem } from '../crypto/signing';
import type { UploadIdentityTable } from './schema';

/** The batch signing key lives in `<data>/keys`, never in the database or its backups. */
export const SIGNING_KEY = 'signing.key';
/** A rotation's new key, written before its batch commits; taken as the key once the database names it. */
export const NEXT_SIGNING_KEY = 'signing.next.key';

/**
 * Move a signing key an older version kept in the database out to the keys folder, and blank
 * the column (secure_delete overwrites it; the WAL is truncated after). Run at every start.
 */
export async function moveSigningKeyOut(db: Db, keys: PointKeys): Promise<void> {
  const row = await db.selectFrom('upload_identity').select('sign_private_pem').where('id', '=', 1).executeTakeFirst();
  if (!row?.sign_private_pem) return;
  if (!keys.read(SIGNING_KEY)) keys.write(SIGNING_KEY, Buffer.from(row.sign_private_pem));
  await db.updateTable('upload_identity').set({ sign_private_pem: '' }).where('id', '=', 1).execute();
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
}

/**
 * The point's identity towards the province. Made on first use (setup never has to wait for
 * it); the province enrols the point by its key's fingerprint. The private key lives in the keys
 * folder (never in the database) and is read into `sign_private_pem` for the one who signs. The
 * key changes only by rotation, announced in a batch signed by the key it replaces (`cutBatch`
 * with `rotateKey`): the new key waits as `NEXT_SIGNING_KEY` until the database names it.
 */
export async function ensureIdentity(db: Db, now: Date): Promise<UploadIdentityTable> {
  const keys = await pointKeysOf(db);
  const existing = await db.selectFrom('upload_identity').selectAll().where('id', '=', 1).executeTakeFirst();
  if (existing) {
    let pem = keys.read(SIGNING_KEY)?.toString('utf8') ?? null;
    if (pem && publicOfPrivatePem(pem) !== existing.sign_public) {
      // A rotation committed: the database names the new key, which waits under its own name.
      const next = keys.read(NEXT_SIGNING_KEY)?.toString('utf8') ?? null;
      if (next && publicOfPrivatePem(next) === existing.sign_public) {
        keys.write(SIGNING_KEY, Buffer.from(next));
        pem = next;
      }
    }
    if (!pem)
      throw new Error(
        `the point's signing key (${SIGNING_KEY}) is missing from the keys folder; restore it from an encrypted backup`,
      );
    return { ...existing, sign_private_pem: pem };
  }
  const key = generateSigningKey();
  keys.write(SIGNING_KEY, Buffer.from(key.privatePem));
  const row: UploadIdentityTable = {
    id: 1,
    point_id: randomUUID(),
    sign_private_pem: '',
    sign_public: key.publicRaw,
    fingerprint: fingerprint(key.publicRaw),
    created_at: now.toISOString(),
    province_encrypt_key: null,
    province_sign_key: null,
    province_fingerprint: null,
    province_url: null,
    province_set_at: null,
    province_seal_key: null,
  };
  await db
    .insertInto('upload_identity')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return ensureIdentity(db, now);
}

/** Import the province's key file text (/1 or /2); refused (nothing changed) unless every key is valid. */
export async function setProvinceKey(db: Db, text: string, now: Date): Promise<string> {
  const key = parseProvinceKey(text);
  const valid =
    key &&
    key.province === '52' &&
    isValidRawKey('X25519', key.encrypt) &&
    isValidRawKey('Ed25519', key.sign) &&
    (key.seal === null || (isValidRawKey('X25519', key.seal) && key.seal !== key.encrypt));
  if (!key || !valid) throw new AppError('invalid_input', {}, { keyText: 'uploads:problems.keyText' });
  await ensureIdentity(db, now);
  const fp = fingerprint(...provinceKeyParts(key));
  await db
    .updateTable('upload_identity')
    .set({
      province_encrypt_key: key.encrypt,
      province_seal_key: key.seal,
      province_sign_key: key.sign,
      province_fingerprint: fp,
      province_set_at: now.toISOString(),
    })
    .where('id', '=', 1)
    .execute();
  return fp;
}

/** The province's receiving address. Plain http only to loopback (tests, a local relay). */
export function checkProvinceUrl(url: string): string | null {
  if (url === '') return null;
  try {
    const parsed = new URL(url);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback)) return null;
  } catch {
    // fall through
  }
  return 'uploads:problems.url';
}

export async function setProvinceUrl(db: Db, url: string, now: Date): Promise<void> {
  const problem = checkProvinceUrl(url);
  if (problem) throw new AppError('invalid_input', {}, { url: problem });
  await ensureIdentity(db, now);
  await db
    .updateTable('upload_identity')
    .set({ province_url: url || null })
    .where('id', '=', 1)
    .execute();
}
