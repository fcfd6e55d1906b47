import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeQr, QR_MAX_VERSION, qrSvgPath, type QrCode } from './qr';

/** The symbol as a phone's camera would see it: 4 px per module, a 4-module white quiet zone. */
function pixels(qr: QrCode, scale = 4): { data: Uint8ClampedArray; width: number } {
  const width = (qr.size + 8) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  qr.modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const at = (((y + 4) * scale + dy) * width + (x + 4) * scale + dx) * 4;
          data.fill(0, at, at + 3);
        }
      }
    });
  });
  return { data, width };
}

/** Read it back with jsQR, a decoder written independently of the encoder. */
function read(qr: QrCode): { text: string; version: number } | null {
  const { data, width } = pixels(qr);
  const found = jsQR(data, width, width, { inversionAttempts: 'dontInvert' });
  return found && { text: found.data, version: found.version };
}

/** Vietnamese text of exactly `bytes` UTF-8 bytes (letters with marks take two or three). */
function textOfBytes(bytes: number): string {
  const phrase = [...'Đăng ký khai sinh cho trẻ em tại xã '];
  const size = (s: string) => new TextEncoder().encode(s).length;
  let text = '';
  for (let i = 0; size(text) < bytes; i++) {
    const next = phrase[i % phrase.length]!;
    text += size(text + next) <= bytes ? next : '.';
  }
  return text;
}

/** Bytes each version holds in byte mode at level M (ISO/IEC 18004 table 7). */
const CAPACITY = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

describe('QR codes on the handouts', () => {
  for (const [index, bytes] of CAPACITY.entries()) {
    const version = index + 1;
    it(`version ${version}: the fullest text it holds is read back whole by an independent decoder`, () => {
      const text = textOfBytes(bytes);
      const qr = encodeQr(text);
      expect(qr.version).toBe(version);
      expect(qr.size).toBe(17 + 4 * version);
      expect(read(qr)).toEqual({ text, version });
      // One byte more no longer fits this version.
      if (version < QR_MAX_VERSION) expect(encodeQr(`${text}.`).version).toBe(version + 1);
      else expect(() => encodeQr(`${text}.`)).toThrow(RangeError);
    });
  }

  it('reads back the links the guides print, Vietnamese included', () => {
    for (const text of [
      'https://vneid.gov.vn/',
      'Đăng ký khai sinh',
      'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193',
    ]) {
      expect(read(encodeQr(text))?.text).toBe(text);
    }
  });

  it('refuses a text too long to print readably', () => {
    expect(() => encodeQr('x'.repeat(214))).toThrow(RangeError);
  });

  it('draws one square per dark module inside the quiet zone', () => {
    const qr = encodeQr('https://vneid.gov.vn/');
    const dark = qr.modules.flat().filter(Boolean).length;
    const path = qrSvgPath(qr);
    expect(path.match(/M/g)).toHaveLength(dark);
    // The top-left finder's corner module sits at (4, 4), after the quiet zone.
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true);
  });
});
