import { addDays, vnWeekday } from '../time/vietnam';

/**
 * Vietnam's public holidays (Labour Code 2019, art. 112) as the roster's default closed days.
 * The lunar ones move every year, so they come from a table for the plan's years, checked in
 * tests against the Vietnamese lunar calendar (UTC+7). Anything the government sets year by
 * year (the Tết days around New Year's Day, the day next to 2/9, days in lieu) is marked
 * `confirm`: the roster screen asks the leader to check it, and every default is editable.
 */
export const HOLIDAY_KEYS = [
  'new_year',
  'tet',
  'hung_kings',
  'reunification',
  'labour',
  'national_day',
  'in_lieu',
] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

export interface Holiday {
  day: string;
  key: HolidayKey;
  /** Set yearly by the government: check against its announcement. */
  confirm: boolean;
}

/** Lunar New Year's Day (mùng 1 Tết) and the Hùng Kings' day (10/3 lunar), solar dates. */
export const LUNAR_HOLIDAYS: Readonly<Record<number, { tet: string; hungKings: string }>> = {
  2026: { tet: '2026-02-17', hungKings: '2026-04-26' },
  2027: { tet: '2027-02-06', hungKings: '2027-04-16' },
  2028: { tet: '2028-01-26', hungKings: '2028-04-04' },
  2029: { tet: '2029-02-13', hungKings: '2029-04-23' },
  // 2030: Vietnam's Tết falls a day before China's (the new moon is before midnight at UTC+7).
  2030: { tet: '2030-02-02', hungKings: '2030-04-12' },
};

/** Whether the shipped table covers the lunar holidays of `year`. */
export function hasLunarTable(year: number): boolean {
  return year in LUNAR_HOLIDAYS;
}

const isWeekend = (day: string) => [0, 6].includes(vnWeekday(day));

/** The default public holidays of a year, sorted by day. */
export function defaultHolidays(year: number): Holiday[] {
  const y = String(year);
  const list: Holiday[] = [
    { day: `${y}-01-01`, key: 'new_year', confirm: false },
    { day: `${y}-04-30`, key: 'reunification', confirm: false },
    { day: `${y}-05-01`, key: 'labour', confirm: false },
    { day: `${y}-09-02`, key: 'national_day', confirm: false },
    // The second National Day holiday is 1/9 or 3/9 as the government decides each year.
    { day: `${y}-09-01`, key: 'national_day', confirm: true },
  ];
  const lunar = LUNAR_HOLIDAYS[year];
  if (lunar) {
    // Five Tết days: by default the last day of the old year and the first four of the new.
    for (let i = -1; i <= 3; i++) list.push({ day: addDays(lunar.tet, i), key: 'tet', confirm: true });
    list.push({ day: lunar.hungKings, key: 'hung_kings', confirm: false });
  }
  // A holiday on a weekly rest day gives a day in lieu on the next working day (art. 112.3).
  const taken = new Set(list.map((h) => h.day));
  for (const h of [...list].sort((a, b) => a.day.localeCompare(b.day))) {
    if (h.key === 'tet' || !isWeekend(h.day)) continue;
    let next = addDays(h.day, 1);
    while (isWeekend(next) || taken.has(next)) next = addDays(next, 1);
    taken.add(next);
    list.push({ day: next, key: 'in_lieu', confirm: true });
  }
  return list.filter((h) => h.day.startsWith(y)).sort((a, b) => a.day.localeCompare(b.day));
}

/** Every day of a 'YYYY-MM' month. */
export function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (let day = `${month}-01`; day.startsWith(month); day = addDays(day, 1)) days.push(day);
  return days;
}

export interface ClosedDayOverride {
  day: string;
  /** 'closed': the point is closed that day; 'open': open although a default holiday says not. */
  kind: 'closed' | 'open';
  reason: string | null;
}

export type DayStatus =
  | { day: string; working: true }
  | {
      day: string;
      working: false;
      why: 'weekend' | 'holiday' | 'closed';
      holiday?: HolidayKey;
      reason?: string | null;
    };

/** The default holidays of a year by day, worked out once per year (they are the same every time). */
const holidaysByYear = new Map<number, ReadonlyMap<string, HolidayKey>>();
function holidaysOf(year: number): ReadonlyMap<string, HolidayKey> {
  let map = holidaysByYear.get(year);
  if (!map) holidaysByYear.set(year, (map = new Map(defaultHolidays(year).map((h) => [h.day, h.key]))));
  return map;
}

/** Whether the point is open on one day, from the weekly pattern, holidays and that day's override. */
export function dayStatus(day: string, saturdayOpen: boolean, override: ClosedDayOverride | undefined): DayStatus {
  if (override?.kind === 'closed') return { day, working: false, why: 'closed', reason: override.reason };
  if (override?.kind === 'open') return { day, working: true };
  const weekday = vnWeekday(day);
  if (weekday === 0 || (weekday === 6 && !saturdayOpen)) return { day, working: false, why: 'weekend' };
  const holiday = holidaysOf(Number(day.slice(0, 4))).get(day);
  if (holiday) return { day, working: false, why: 'holiday', holiday };
  return { day, working: true };
}

/** Which days of the month the point is open, from the weekly pattern, holidays and overrides. */
export function monthCalendar(
  month: string,
  saturdayOpen: boolean,
  overrides: readonly ClosedDayOverride[],
): DayStatus[] {
  const byDay = new Map(overrides.map((o) => [o.day, o]));
  return daysOfMonth(month).map((day) => dayStatus(day, saturdayOpen, byDay.get(day)));
}
