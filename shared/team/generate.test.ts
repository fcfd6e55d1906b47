import { describe, expect, it } from 'vitest';
import { generateRoster, type GenerateInput } from './generate';
import { monthCalendar } from './holidays';

const workingDays = monthCalendar('2026-06', false, [])
  .filter((d) => d.working)
  .map((d) => d.day);
const members = (n: number, speakers: number[] = []) =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, languages: speakers.includes(i + 1) ? ['vi', 'jrai'] : ['vi'] }));
const base = (over: Partial<GenerateInput> = {}): GenerateInput => ({
  days: workingDays.map((day) => ({ day, needsLanguage: false })),
  shifts: ['full'],
  perShift: 2,
  members: members(17),
  unavailable: [],
  localLanguages: ['jrai'],
  seed: 1,
  ...over,
});
const counts = (r: ReturnType<typeof generateRoster>) => new Map(r.tally.map((t) => [t.memberId, t.shifts]));
const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

describe('generateRoster', () => {
  it('fills every shift with the number asked and nobody twice a day', () => {
    const r = generateRoster(base({ shifts: ['morning', 'afternoon'] }));
    expect(r.gaps).toEqual([]);
    expect(r.assignments).toHaveLength(workingDays.length * 4);
    for (const day of workingDays) {
      const ids = r.assignments.filter((a) => a.day === day).map((a) => a.memberId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(generateRoster(base())).toEqual(generateRoster(base()));
    expect(generateRoster(base({ seed: 2 })).assignments).not.toEqual(generateRoster(base()).assignments);
  });

  it('keeps always-available members within one shift of each other, for many seeds and sizes', () => {
    for (const n of [3, 15, 17, 20]) {
      for (let seed = 1; seed <= 20; seed++) {
        const r = generateRoster(base({ members: members(n), seed, perShift: 1 + (seed % 3) }));
        expect(spread([...counts(r).values()]), `n=${n} seed=${seed}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('never plans a member on leave, and gives them fewer shifts only for that reason', () => {
    const unavailable = [{ memberId: 3, from: '2026-06-01', to: '2026-06-14' }];
    const r = generateRoster(base({ unavailable }));
    const onLeave = r.assignments.filter((a) => a.memberId === 3 && a.day <= '2026-06-14');
    expect(onLeave).toEqual([]);
    expect(r.tally.find((t) => t.memberId === 3)!.unavailableDays).toBe(10);
    const others = [...counts(r)].filter(([id]) => id !== 3).map(([, c]) => c);
    expect(spread(others)).toBeLessThanOrEqual(1);
  });

  it('puts a minority-language speaker on each day that asks, and only speakers get ahead', () => {
    const days = workingDays.map((day, i) => ({ day, needsLanguage: i % 2 === 0 }));
    const r = generateRoster(base({ days, members: members(17, [5, 9]) }));
    for (const d of days.filter((x) => x.needsLanguage)) {
      const ids = r.assignments.filter((a) => a.day === d.day).map((a) => a.memberId);
      expect(
        ids.some((id) => id === 5 || id === 9),
        d.day,
      ).toBe(true);
    }
    expect(r.languageGaps).toEqual([]);
    const c = counts(r);
    const nonSpeakers = [...c].filter(([id]) => id !== 5 && id !== 9).map(([, n]) => n);
    expect(spread(nonSpeakers)).toBeLessThanOrEqual(1);
    for (const t of r.tally) {
      if (t.shifts > Math.min(...nonSpeakers) + 1) expect(t.languagePicks, `member ${t.memberId}`).toBeGreaterThan(0);
    }
  });

  it('reports short shifts and language gaps instead of inventing people', () => {
    const r = generateRoster(
      base({
        members: members(2),
        perShift: 3,
        days: [{ day: '2026-06-01', needsLanguage: true }],
      }),
    );
    expect(r.gaps).toEqual([{ day: '2026-06-01', shift: 'full', missing: 1 }]);
    expect(r.languageGaps).toEqual(['2026-06-01']);
  });

  it('counts fixed (past) shifts towards the balance', () => {
    const fixed = [
      { day: '2026-05-29', shift: 'full' as const, memberId: 1 },
      { day: '2026-05-28', shift: 'full' as const, memberId: 1 },
    ];
    const r = generateRoster(base({ members: members(3), perShift: 1, days: base().days.slice(0, 4), fixed }));
    expect(r.assignments.filter((a) => a.memberId === 1)).toHaveLength(0);
  });
});
