import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract';
import { parseProvinceKey, provinceKeyParts } from '../../../shared/uploads/provinceKey';
import type { Db } from '../db/open';
import { fingerprint, generateSigningKey, isValidRawKey } from '../crypto/signing';
import type { UploadIdentityTable } from './schema';

/**
 * The point's identity towards the province. Made on first use (setup never has to wait for
 * it); the province enrols the point by its key's fingerprint. The key changes only by rotation,
 * announced in a batch signed by the key it replaces (`cutBatch` with `rotateKey`).
 */
export async function ensureIdentity(db: Db, now: Date): Promise<UploadIdentityTable> {
  const existing = await db.selectFrom('upload_identity').selectAll().where('id', '=', 1).executeTakeFirst();
  if (existing) return existing;
  const key = generateSigningKey();
  const row: UploadIdentityTable = {
    id: 1, point_id: randomUUID(), sign_private_pem: key.privatePem, sign_public: key.publicRaw,
    fingerprint: fingerprint(key.publicRaw), created_at: now.toISOString(),
    province_encrypt_key: null, province_sign_key: null, province_fingerprint: null, province_url: null, province_set_at: null,
    province_seal_key: null,
  };
  await db.insertInto('upload_identity').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
  return db.selectFrom('upload_identity').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Import the province's key file text (/1 or /2); refused (nothing changed) unless every key is valid. */
export async function setProvinceKey(db: Db, text: string, now: Date): Promise<string> {
  const key = parseProvinceKey(text);
  const valid = key && key.province === '52' && isValidRawKey('X25519', key.encrypt) && isValidRawKey('Ed25519', key.sign)
    && (key.seal === null || (isValidRawKey('X25519', key.seal) && key.seal !== key.encrypt));
  if (!key || !valid) throw new AppError('invalid_input', {}, { keyText: 'uploads:problems.keyText' });
  await ensureIdentity(db, now);
  const fp = fingerprint(...provinceKeyParts(key));
  await db.updateTable('upload_identity').set({
    province_encrypt_key: key.encrypt, province_seal_key: key.seal, province_sign_key: key.sign, province_fingerprint: fp, province_set_at: now.toISOString(),
  }).where('id', '=', 1).execute();
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
  await db.updateTable('upload_identity').set({ province_url: url || null }).where('id', '=', 1).execute();
}
