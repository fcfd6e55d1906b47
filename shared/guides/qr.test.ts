import { describe, expect, it } from 'vitest';
import { dataPositions, encodeQr, formatBits, functionPatterns, QR_MASKS, reedSolomon, versionBits } from './qr';

/** Read a symbol back: format bits → mask, data modules → codewords → byte-mode payload. */
function decode(modules: boolean[][]): { text: string; mask: number } {
  const size = modules.length;
  const version = (size - 17) / 4;
  let format = 0;
  const read = (x: number, y: number) => (modules[y]![x] ? 1 : 0);
  for (let i = 14; i >= 9; i--) format = (format << 1) | read(14 - i, 8);
  format = (format << 1) | read(7, 8);
  format = (format << 1) | read(8, 8);
  format = (format << 1) | read(8, 7);
  for (let i = 5; i >= 0; i--) format = (format << 1) | read(8, i);
  const mask = (format ^ 0x5412) >>> 10 & 7;
  expect((format ^ 0x5412) >>> 13).toBe(0); // level M
  const { reserved } = functionPatterns(version);
  const bits: number[] = dataPositions(size, reserved).map(([x, y]) => (modules[y]![x]! !== QR_MASKS[mask]!(x, y) ? 1 : 0));
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(bits.slice(i, i + 8).reduce((a: number, b) => (a << 1) | b, 0));
  // Single-block versions only in this helper: data then EC, checked against Reed–Solomon.
  expect(bits.slice(0, 4).join('')).toBe('0100');
  const count = parseInt(bits.slice(4, 12).join(''), 2);
  const payload = [];
  for (let i = 0; i < count; i++) payload.push(parseInt(bits.slice(12 + i * 8, 20 + i * 8).join(''), 2));
  return { text: new TextDecoder().decode(new Uint8Array(payload)), mask };
}

describe('QR encoder', () => {
  it('matches the standard Reed–Solomon example (HELLO WORLD, 1-M)', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(reedSolomon(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  it('matches the format and version information tables', () => {
    expect(formatBits(0).toString(2).padStart(15, '0')).toBe('101010000010010');
    expect(formatBits(5).toString(2).padStart(15, '0')).toBe('100000011001110');
    expect(formatBits(7).toString(2).padStart(15, '0')).toBe('100101010100000');
    expect(versionBits(7).toString(2).padStart(18, '0')).toBe('000111110010010100');
    expect(versionBits(10).toString(2).padStart(18, '0')).toBe('001010010011010011');
  });

  it('draws finder, timing and dark-module patterns and picks the smallest version', () => {
    const qr = encodeQr('https://dichvucong.gov.vn/');
    expect(qr.version).toBe(2);
    expect(qr.size).toBe(25);
    const m = qr.modules;
    for (const [x, y] of [[0, 0], [qr.size - 7, 0], [0, qr.size - 7]] as const) {
      expect(m[y]![x]).toBe(true);
      expect(m[y + 1]![x + 1]).toBe(false);
      expect(m[y + 3]![x + 3]).toBe(true);
    }
    for (let i = 8; i < qr.size - 8; i++) expect(m[6]![i]).toBe(i % 2 === 0);
    expect(m[qr.size - 8]![8]).toBe(true);
    expect(encodeQr('x'.repeat(200)).version).toBe(10);
    expect(() => encodeQr('x'.repeat(300))).toThrow(RangeError);
  });

  it('round-trips a URL with Vietnamese text through its own modules', () => {
    for (const text of ['https://vneid.gov.vn/', 'Đăng ký khai sinh', 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193']) {
      const qr = encodeQr(text);
      if (qr.version <= 3) expect(decode(qr.modules).text).toBe(text);
      expect(decode(qr.modules).mask).toBe(qr.mask);
    }
  });
});
