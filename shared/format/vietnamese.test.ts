import { describe, expect, it } from 'vitest';
import {
  dateLineParts,
  formatBytes,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDayMonth,
  formatMonth,
  formatNumber,
  formatPercent,
  formatTime,
  parseDate,
  parseTime,
} from './vietnamese';

describe('Vietnamese formats', () => {
  it('writes a calendar day dd/mm/yyyy as it is, whatever the zone', () => {
    expect(formatDate('2026-01-12')).toBe('12/01/2026');
    expect(formatDayMonth('2026-01-12')).toBe('12/01');
    expect(formatMonth('2026-03')).toBe('03/2026');
    expect(formatDate('not a day')).toBe('');
  });

  it('places a moment in Vietnam (UTC+7) on a 24-hour clock', () => {
    // 15:55 UTC is 22:55 in Vietnam: the bug where the checklist said "15:55:00".
    expect(formatTime('2026-01-12T15:55:00.000Z')).toBe('22:55');
    expect(formatTime('2026-01-12T15:55:07.000Z', { seconds: true })).toBe('22:55:07');
    expect(formatTime(new Date('2026-01-12T05:03:00Z'))).toBe('12:03');
    // 20:00 UTC on the 12th is already the 13th in Vietnam.
    expect(formatDate('2026-01-12T20:00:00Z')).toBe('13/01/2026');
    expect(formatDateTime('2026-01-12T20:00:00Z')).toBe('13/01/2026 03:00');
    expect(formatDateTime(Date.UTC(2026, 0, 12, 3, 53))).toBe('12/01/2026 10:53');
    expect(formatTime('garbage')).toBe('');
  });

  it('groups thousands with "." and writes decimals with ","', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(12.5, 1)).toBe('12,5');
    expect(formatNumber(12.04, 1)).toBe('12');
    expect(formatNumber(-1234.56, 2)).toBe('-1.234,56');
    expect(formatNumber(-0.01, 1)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatPercent(83.33)).toBe('83,3%');
    expect(formatBytes(3 * 2 ** 20 + 2 ** 19)).toBe('3,5 MB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatDateRange('2026-03-01', '2026-03-31')).toBe('01/03/2026 – 31/03/2026');
    expect(formatDateRange('2026-03-01', '2026-03-01')).toBe('01/03/2026');
  });

  it('writes the date line as Decree 30/2020 asks (leading zero for days < 10 and months 1–2)', () => {
    expect(dateLineParts('2026-03-05')).toEqual({ d: '05', m: '3', y: '2026' });
    expect(dateLineParts('2026-01-15')).toEqual({ d: '15', m: '01', y: '2026' });
    expect(dateLineParts('2026-12-25')).toEqual({ d: '25', m: '12', y: '2026' });
  });

  it('reads dates and times as people type them, and refuses days that do not exist', () => {
    expect(parseDate('5/3/2026')).toBe('2026-03-05');
    expect(parseDate('05-03-2026')).toBe('2026-03-05');
    expect(parseDate('05032026')).toBe('2026-03-05');
    expect(parseDate('31/02/2026')).toBeNull();
    expect(parseDate('2026-03-05')).toBeNull();
    expect(parseTime('7:30')).toBe('07:30');
    expect(parseTime('7h30')).toBe('07:30');
    expect(parseTime('0730')).toBe('07:30');
    expect(parseTime('17')).toBe('17:00');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('10:53 PM')).toBeNull();
  });
});
