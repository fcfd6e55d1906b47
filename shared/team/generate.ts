import { seededRandom as random } from '../random/seeded';

/**
 * The fair roster generator: pure and deterministic (same input and seed, same month), so a
 * leader can regenerate and get the month they saw, and tests can prove the fairness rules.
 *
 * Rules, in order of precedence:
 *  1. nobody is put on a day they marked as leave/unavailable, nor twice on one day;
 *  2. on a day that asks for it, the first place goes to a speaker of a local minority language;
 *  3. otherwise the place goes to whoever has the fewest shifts so far (fixed ones included),
 *     then to whoever has waited longest since their last shift, then by a seeded shuffle.
 * So members who are always available end the month at most one shift apart; a member is
 * further ahead only because of rule 2, and further behind only because of leave (rule 1).
 */
export const SHIFTS = ['full', 'morning', 'afternoon'] as const;
export type Shift = (typeof SHIFTS)[number];
export const SHIFT_MODES = ['full', 'halves'] as const;
export type ShiftMode = (typeof SHIFT_MODES)[number];

export function shiftsOf(mode: ShiftMode): Shift[] {
  return mode === 'full' ? ['full'] : ['morning', 'afternoon'];
}

export interface Assignment {
  day: string;
  shift: Shift;
  memberId: number;
}

export interface GenerateInput {
  /** Working days to fill, each with whether a minority-language speaker is wanted. */
  days: readonly { day: string; needsLanguage: boolean }[];
  shifts: readonly Shift[];
  /** Members wanted on each shift (the decision: 1–3 a day). */
  perShift: number;
  members: readonly { id: number; languages: readonly string[] }[];
  unavailable: readonly { memberId: number; from: string; to: string }[];
  /** Minority languages of the commune (settings.localLanguages). */
  localLanguages: readonly string[];
  /** Shifts already done or kept (past days); they count towards the balance. */
  fixed?: readonly Assignment[];
  seed: number;
}

export interface MemberTally {
  memberId: number;
  shifts: number;
  /** Days of the filled range the member was unavailable: a reason to have fewer shifts. */
  unavailableDays: number;
  /** Places given because the member speaks a local language: a reason to have more. */
  languagePicks: number;
}

export interface GenerateResult {
  assignments: Assignment[];
  /** Shifts left short because too few members were available. */
  gaps: { day: string; shift: Shift; missing: number }[];
  /** Days that asked for a minority-language speaker and could not get one. */
  languageGaps: string[];
  tally: MemberTally[];
}

export function generateRoster(input: GenerateInput): GenerateResult {
  const rand = random(input.seed);
  const order = new Map(
    [...input.members]
      .map((m) => ({ id: m.id, r: rand() }))
      .sort((a, b) => a.r - b.r)
      .map((m, i) => [m.id, i]),
  );
  const speaks = new Set(
    input.members.filter((m) => m.languages.some((l) => input.localLanguages.includes(l))).map((m) => m.id),
  );
  const tally = new Map<number, MemberTally>(
    input.members.map((m) => [m.id, { memberId: m.id, shifts: 0, unavailableDays: 0, languagePicks: 0 }]),
  );
  const last = new Map<number, string>();
  for (const f of input.fixed ?? []) {
    const t = tally.get(f.memberId);
    if (!t) continue;
    t.shifts++;
    if ((last.get(f.memberId) ?? '') < f.day) last.set(f.memberId, f.day);
  }
  const away = (memberId: number, day: string) =>
    input.unavailable.some((u) => u.memberId === memberId && u.from <= day && day <= u.to);
  const better = (a: number, b: number) => {
    const ta = tally.get(a)!.shifts;
    const tb = tally.get(b)!.shifts;
    if (ta !== tb) return ta - tb;
    const la = last.get(a) ?? '';
    const lb = last.get(b) ?? '';
    if (la !== lb) return la < lb ? -1 : 1;
    return order.get(a)! - order.get(b)!;
  };

  const result: GenerateResult = { assignments: [], gaps: [], languageGaps: [], tally: [] };
  for (const { day, needsLanguage } of input.days) {
    const available = input.members.map((m) => m.id).filter((id) => !away(id, day));
    for (const id of input.members.map((m) => m.id)) if (!available.includes(id)) tally.get(id)!.unavailableDays++;
    const onDay = new Set<number>();
    let speakerPlaced = !needsLanguage;
    for (const shift of input.shifts) {
      for (let slot = 0; slot < input.perShift; slot++) {
        const free = available.filter((id) => !onDay.has(id));
        const pool = !speakerPlaced && free.some((id) => speaks.has(id)) ? free.filter((id) => speaks.has(id)) : free;
        const pick = pool.sort(better)[0];
        if (pick === undefined) {
          result.gaps.push({ day, shift, missing: input.perShift - slot });
          break;
        }
        if (!speakerPlaced && speaks.has(pick)) {
          speakerPlaced = true;
          // Only a forced pick (the fairest choice was someone else) is a reason to be ahead.
          if (free.sort(better)[0] !== pick) tally.get(pick)!.languagePicks++;
        }
        onDay.add(pick);
        tally.get(pick)!.shifts++;
        last.set(pick, day);
        result.assignments.push({ day, shift, memberId: pick });
      }
    }
    if (!speakerPlaced) result.languageGaps.push(day);
  }
  result.tally = [...tally.values()];
  return result;
}
