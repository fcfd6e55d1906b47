import { describe, expect, it } from 'vitest';
import { seededRandom } from '#shared/random/seeded';
import { addDays, vnDay, vnDayOfInstant } from './vietnam';

/** What addDays always meant: through a Date at midnight UTC. */
const byDate = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('addDays', () => {
  it('agrees with Date on every day from 1999 to 2101, moved by -800 to 800 days', () => {
    const random = seededRandom(7);
    const start = Date.parse('1999-01-01T00:00:00.000Z');
    const mismatches: string[] = [];
    for (let i = 0; i < 37_500; i++) {
      const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      for (const n of [0, 1, -1, 2, 7, -14, 28, 365, -366, Math.floor(random() * 1601) - 800]) {
        if (addDays(day, n) !== byDate(day, n)) mismatches.push(`${day}${n >= 0 ? '+' : ''}${n}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('crosses leap days and centuries as the calendar does', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('treats a day not in the calendar as Date does', () => {
    for (const day of ['2026-02-29', '2026-02-30', '2026-04-31', '2024-02-30'])
      expect(addDays(day, 1), day).toBe(byDate(day, 1));
    for (const day of ['2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', 'not a day'])
      expect(() => addDays(day, 1), day).toThrow(RangeError);
  });
});

describe('vnDayOfInstant', () => {
  it('agrees with vnDay of the Date for every hour of two years, and for other forms of text', () => {
    const start = Date.parse('2025-12-30T00:00:00.000Z');
    const mismatches: string[] = [];
    for (let h = 0; h < 2 * 366 * 24; h++) {
      const at = new Date(start + h * 3_600_000 + (h % 60) * 61_000);
      const iso = at.toISOString();
      for (const text of [iso, iso.slice(0, 19) + 'Z', iso.slice(0, 16) + 'Z'])
        if (vnDayOfInstant(text) !== vnDay(at)) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
    // Not the stores' form: read through Date.
    expect(vnDayOfInstant('2026-12-01T23:30:00+07:00')).toBe('2026-12-01');
    expect(vnDayOfInstant('2026-12-31T17:00:00.000Z')).toBe('2027-01-01');
  });
});
