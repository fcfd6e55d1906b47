import { readBounded } from '../core/security/bounded-read';
import { z } from 'zod';
import { PROVINCE_CODE } from '../../shared/uploads/batch';
import { formatProvinceKey } from '../../shared/uploads/provinceKey';
import { fingerprint, generateEncryptionKey, generateSigningKey } from '../core/uploads/crypto';

/** The province's secret file: keep it off the network, with a backup in a safe. */
const secretSchema = z.object({
  kind: z.literal('dhs-province-secret/1'),
  encryptPrivatePem: z.string(),
  encryptPublic: z.string(),
  signPrivatePem: z.string(),
  signPublic: z.string(),
});
export type ProvinceSecret = z.output<typeof secretSchema>;

export function generateProvinceKeys(): { secret: ProvinceSecret; publicText: string; fingerprint: string } {
  const enc = generateEncryptionKey();
  const sig = generateSigningKey();
  const secret: ProvinceSecret = {
    kind: 'dhs-province-secret/1', encryptPrivatePem: enc.privatePem, encryptPublic: enc.publicRaw,
    signPrivatePem: sig.privatePem, signPublic: sig.publicRaw,
  };
  return {
    secret,
    publicText: formatProvinceKey({ province: PROVINCE_CODE, encrypt: enc.publicRaw, sign: sig.publicRaw }),
    fingerprint: fingerprint(enc.publicRaw, sig.publicRaw),
  };
}

export function readProvinceSecret(path: string): ProvinceSecret {
  // A key file is a few hundred bytes: anything large is not one (and is not read).
  const read = readBounded(path, 64 * 1024);
  if (!read.ok) throw new Error(`${path}: ${read.reason}; not a province key file`);
  return secretSchema.parse(JSON.parse(read.bytes.toString('utf8')));
}

export const secretFingerprint = (s: ProvinceSecret) => fingerprint(s.encryptPublic, s.signPublic);
