import { describe, expect, it } from 'vitest';
import { isTrivialPin } from './pin-rules';
import { pin } from './schemas';

describe('PIN rules', () => {
  it('refuses what an attacker tries first', () => {
    for (const p of [
      '000000',
      '999999',
      '123456',
      '234567',
      '654321',
      '890123',
      '098765',
      '121212',
      '123123',
      '12341234',
      '112233',
      '246810',
      '1234567',
      '87654321',
    ]) {
      expect(isTrivialPin(p), p).toBe(true);
    }
  });
  it('accepts PINs with no such pattern', () => {
    for (const p of ['604172', '385926', '270814', '582039', '13572468', '9071342'])
      expect(isTrivialPin(p), p).toBe(false);
  });
  it('needs six to eight digits', () => {
    expect(pin.safeParse('12345').success).toBe(false);
    expect(pin.safeParse('604172').success).toBe(true);
    expect(pin.safeParse('604172951').success).toBe(false);
    expect(pin.safeParse('60417a').success).toBe(false);
  });
});
