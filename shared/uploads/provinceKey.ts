/**
 * The province's public key file, as `npm run province -- keygen` writes it and an admin imports
 * it on the point: plain text so it can be read aloud, mailed or carried on a USB stick.
 *
 *   DHS-PROVINCE-KEY/2
 *   province: 52
 *   encrypt: <X25519, base64>   the receiving key: coded categories are sealed to it, opened on arrival
 *   seal: <X25519, base64>      the personal-data key: opened only on request, its private half offline
 *   sign: <Ed25519, base64>     receipts are signed with its pair
 *
 * A `DHS-PROVINCE-KEY/1` file has no `seal` line: a point holding one seals personal data to
 * the receiving key as well (docs/dhs-batch-2.md, "Key files").
 */
export const PROVINCE_KEY_HEADERS = ['DHS-PROVINCE-KEY/1', 'DHS-PROVINCE-KEY/2'] as const;

export interface ProvincePublicKey {
  province: string;
  encrypt: string;
  /** Null for a /1 key file. */
  seal: string | null;
  sign: string;
}

export function formatProvinceKey(key: ProvincePublicKey): string {
  return key.seal === null
    ? `DHS-PROVINCE-KEY/1\nprovince: ${key.province}\nencrypt: ${key.encrypt}\nsign: ${key.sign}\n`
    : `DHS-PROVINCE-KEY/2\nprovince: ${key.province}\nencrypt: ${key.encrypt}\nseal: ${key.seal}\nsign: ${key.sign}\n`;
}

/** The raw keys a fingerprint is taken over, in order: /1 encrypt|sign, /2 encrypt|seal|sign. */
export const provinceKeyParts = (key: ProvincePublicKey): string[] =>
  key.seal === null ? [key.encrypt, key.sign] : [key.encrypt, key.seal, key.sign];

/** Null when the text is not a province key file (the caller says so to the admin). */
export function parseProvinceKey(text: string): ProvincePublicKey | null {
  const lines = text
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const version = PROVINCE_KEY_HEADERS.indexOf(lines[0] as (typeof PROVINCE_KEY_HEADERS)[number]);
  if (version < 0) return null;
  const fields = Object.fromEntries(
    lines.slice(1).map((l) => {
      const at = l.indexOf(':');
      return [l.slice(0, at).trim(), l.slice(at + 1).trim()];
    }),
  );
  const b64 = /^[A-Za-z0-9+/]{43}=$/;
  if (!fields.province || !b64.test(fields.encrypt ?? '') || !b64.test(fields.sign ?? '')) return null;
  if (version === 1 && !b64.test(fields.seal ?? '')) return null;
  return {
    province: fields.province,
    encrypt: fields.encrypt!,
    seal: version === 1 ? fields.seal! : null,
    sign: fields.sign!,
  };
}
