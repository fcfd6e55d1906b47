import encodeQR from '@paulmillr/qr';

/**
 * QR codes for the official links printed on guide handouts (ISO/IEC 18004, byte mode, error
 * correction level M) by @paulmillr/qr: pure TypeScript, no dependency, so the printed QR
 * works offline in both shells. Versions 1–10 only (up to 213 bytes): a larger symbol printed
 * 32 mm wide is too dense for an old phone's camera.
 */
export const QR_MAX_VERSION = 10;

export interface QrCode {
  version: number;
  size: number;
  /** modules[y][x]: true = dark. */
  modules: boolean[][];
}

/** Encode text (UTF-8) in the smallest version that holds it, with the best mask. */
export function encodeQr(text: string): QrCode {
  const modules = encodeQR(text, 'raw', { ecc: 'medium', encoding: 'byte', border: 0 });
  const version = (modules.length - 17) / 4;
  if (version > QR_MAX_VERSION)
    throw new RangeError(
      `QR: "${text.slice(0, 40)}…" needs version ${version}; at most ${QR_MAX_VERSION} prints readably`,
    );
  return { version, size: modules.length, modules };
}

/** SVG path of the dark modules (one unit per module, with a 4-module quiet zone). */
export function qrSvgPath(qr: QrCode): string {
  const parts: string[] = [];
  qr.modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x + 4} ${y + 4}h1v1h-1z`);
    });
  });
  return parts.join('');
}
