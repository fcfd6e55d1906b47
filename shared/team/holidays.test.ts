import { describe, expect, it } from 'vitest';
import { defaultHolidays, LUNAR_HOLIDAYS, monthCalendar } from './holidays';
import { lunarToSolar } from './lunar';

describe('holidays', () => {
  it('the lunar algorithm gives dates Vietnam actually kept', () => {
    expect(lunarToSolar(1, 1, 2024)).toBe('2024-02-10');
    expect(lunarToSolar(1, 1, 2025)).toBe('2025-01-29');
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
  });

  it('the shipped table matches the Vietnamese lunar calendar for every year it covers', () => {
    for (const [year, h] of Object.entries(LUNAR_HOLIDAYS)) {
      expect(h.tet, `Tết ${year}`).toBe(lunarToSolar(1, 1, Number(year)));
      expect(h.hungKings, `Hùng Kings ${year}`).toBe(lunarToSolar(10, 3, Number(year)));
    }
  });

  it('2026: five Tết days around 17/2, the Hùng Kings on 26/4 (Sunday) with a day in lieu, fixed days', () => {
    const list = defaultHolidays(2026);
    const days = (key: string) => list.filter((h) => h.key === key).map((h) => h.day);
    expect(days('tet')).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(days('hung_kings')).toEqual(['2026-04-26']);
    expect(days('new_year')).toEqual(['2026-01-01']);
    expect(days('national_day')).toEqual(['2026-09-01', '2026-09-02']);
    // 26/4/2026 is a Sunday; 27/4 is the next working day.
    expect(days('in_lieu')).toContain('2026-04-27');
    expect(list.find((h) => h.key === 'tet')!.confirm).toBe(true);
  });

  it('a year outside the table gets only the fixed solar holidays', () => {
    const keys = new Set(defaultHolidays(2031).map((h) => h.key));
    expect(keys.has('tet')).toBe(false);
    expect(keys.has('new_year')).toBe(true);
  });

  it('the month calendar: weekends, holidays, Saturdays when open, and overrides both ways', () => {
    const may = monthCalendar('2026-05', false, []);
    expect(may.find((d) => d.day === '2026-05-01')).toMatchObject({
      working: false,
      why: 'holiday',
      holiday: 'labour',
    });
    expect(may.find((d) => d.day === '2026-05-02')).toMatchObject({ working: false, why: 'weekend' });
    expect(monthCalendar('2026-05', true, []).find((d) => d.day === '2026-05-02')!.working).toBe(true);
    const edited = monthCalendar('2026-05', false, [
      { day: '2026-05-01', kind: 'open', reason: null },
      { day: '2026-05-04', kind: 'closed', reason: 'Bầu cử' },
    ]);
    expect(edited.find((d) => d.day === '2026-05-01')!.working).toBe(true);
    expect(edited.find((d) => d.day === '2026-05-04')).toMatchObject({
      working: false,
      why: 'closed',
      reason: 'Bầu cử',
    });
    expect(may.filter((d) => d.working)).toHaveLength(20);
  });
});
