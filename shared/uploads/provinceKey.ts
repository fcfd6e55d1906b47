/**
 * The province's public key file, as `npm run province -- keygen` writes it and an admin imports
 * it on the point: plain text so it can be read aloud, mailed or carried on a USB stick.
 *
 *   DHS-PROVINCE-KEY/1
 *   province: 52
 *   encrypt: <X25519 public key, base64>   (records are sealed to it)
 *   sign: <Ed25519 public key, base64>     (receipts are signed with its pair)
 */
export const PROVINCE_KEY_HEADER = 'DHS-PROVINCE-KEY/1';

export interface ProvincePublicKey {
  province: string;
  encrypt: string;
  sign: string;
}

export function formatProvinceKey(key: ProvincePublicKey): string {
  return `${PROVINCE_KEY_HEADER}\nprovince: ${key.province}\nencrypt: ${key.encrypt}\nsign: ${key.sign}\n`;
}

/** Null when the text is not a province key file (the caller says so to the admin). */
export function parseProvinceKey(text: string): ProvincePublicKey | null {
  const lines = text.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines[0] !== PROVINCE_KEY_HEADER) return null;
  const fields = Object.fromEntries(lines.slice(1).map((l) => {
    const at = l.indexOf(':');
    return [l.slice(0, at).trim(), l.slice(at + 1).trim()];
  }));
  const b64 = /^[A-Za-z0-9+/]{43}=$/;
  if (!fields.province || !b64.test(fields.encrypt ?? '') || !b64.test(fields.sign ?? '')) return null;
  return { province: fields.province, encrypt: fields.encrypt!, sign: fields.sign! };
}
