import { generateRoster, type GenerateInput } from '#shared/team/generate';
import { monthCalendar } from '#shared/team/holidays';
import { openTestApp, signInAs, testClock } from '#core/testing';

/**
 * Generating a month's roster for a team of 20 (the decision's largest team): the pure
 * generator alone, in two-shift mode with 3 a shift (the heaviest case), and some leave.
 */
export async function benchTeam(): Promise<Record<string, number>> {
  const days = monthCalendar('2026-06', true, [])
    .filter((d) => d.working)
    .map((d, i) => ({ day: d.day, needsLanguage: i % 3 === 0 }));
  const members = Array.from({ length: 20 }, (_, i) => ({
    id: i + 1,
    languages: i % 5 === 0 ? ['vi', 'jrai'] : ['vi'],
  }));
  const unavailable = [
    { memberId: 3, from: '2026-06-08', to: '2026-06-19' },
    { memberId: 11, from: '2026-06-22', to: '2026-06-30' },
  ];
  const input = (seed: number, halves: boolean): GenerateInput => ({
    days,
    members,
    unavailable,
    localLanguages: ['jrai'],
    seed,
    shifts: halves ? ['morning', 'afternoon'] : ['full'],
    perShift: halves ? 3 : 2,
  });
  const time = (halves: boolean, runs: number) => {
    for (let i = 0; i < 20; i++) generateRoster(input(i, halves)); // warm-up
    const start = performance.now();
    for (let i = 0; i < runs; i++) generateRoster(input(i, halves));
    return (performance.now() - start) / runs;
  };
  const full = time(false, 200);
  const halves = time(true, 200);
  return {
    roster_generate_month_20_members_through_core_ms: Number((await throughCore()).toFixed(1)),
    roster_generate_month_20_members_ms: Number(full.toFixed(3)),
    roster_generate_month_20_members_two_shifts_3_each_ms: Number(halves.toFixed(3)),
  };
}

/** The whole road a leader's click takes: gate, transaction, calendar, generator, 40-odd inserts. */
async function throughCore(): Promise<number> {
  const clock = testClock('2026-06-01T01:00:00Z');
  const app = await openTestApp({ now: clock.now });
  try {
    const leader = await signInAs(app, 'team_leader', { position: 'leader' });
    for (let i = 1; i < 20; i++) await signInAs(app, 'duty_member', { fullName: `Thành viên ${i}` });
    const runs = 5;
    const start = performance.now();
    for (let i = 0; i < runs; i++) await app.invoke('roster.generate', { month: '2026-06', seed: i }, leader);
    return (performance.now() - start) / runs;
  } finally {
    await app.cleanup();
  }
}
