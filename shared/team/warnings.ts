import type { SUB_GROUPS } from './schemas';

/**
 * Where the team departs from the decision (seed §III.2–§III.4). These are warnings, never
 * blocks: a commune may be short of people for a while and must still be able to work.
 */
export const TEAM_SIZE = { min: 15, max: 20 } as const;
export const DEPUTIES = 2;
/** §III.4: political-system group 5–7; citizens and businesses 13–15; each village 2–4. */
export const SUB_GROUP_SIZES: Record<(typeof SUB_GROUPS)[number], { min: number; max: number }> = {
  political_system: { min: 5, max: 7 },
  citizens_business: { min: 13, max: 15 },
  village_standing: { min: 2, max: 4 },
};

export interface TeamMemberFacts {
  position: 'leader' | 'deputy' | 'member' | null;
  subGroup: string | null;
  village: string | null;
  languages: readonly string[];
  active: boolean;
}

export type TeamWarning =
  | { code: 'team_size'; count: number; min: number; max: number }
  | { code: 'leaders'; count: number }
  | { code: 'deputies'; count: number }
  | {
      code: 'sub_group_size';
      group: (typeof SUB_GROUPS)[number];
      count: number;
      min: number;
      max: number;
      village?: string;
    }
  | { code: 'language_missing'; language: string };

/** Team warnings for the active members of the team (accounts outside the team are ignored). */
export function teamWarnings(all: readonly TeamMemberFacts[], localLanguages: readonly string[]): TeamWarning[] {
  const team = all.filter((m) => m.active && m.position !== null);
  const warnings: TeamWarning[] = [];
  if (team.length < TEAM_SIZE.min || team.length > TEAM_SIZE.max)
    warnings.push({ code: 'team_size', count: team.length, ...TEAM_SIZE });
  const leaders = team.filter((m) => m.position === 'leader').length;
  if (leaders !== 1) warnings.push({ code: 'leaders', count: leaders });
  const deputies = team.filter((m) => m.position === 'deputy').length;
  if (deputies !== DEPUTIES) warnings.push({ code: 'deputies', count: deputies });

  const outside = (count: number, size: { min: number; max: number }) => count < size.min || count > size.max;
  const political = team.filter((m) => m.subGroup === 'political_system').length;
  if (outside(political, SUB_GROUP_SIZES.political_system)) {
    warnings.push({
      code: 'sub_group_size',
      group: 'political_system',
      count: political,
      ...SUB_GROUP_SIZES.political_system,
    });
  }
  // §III.4.2: the citizens group is "the remaining members", led by the team leader.
  const citizens = team.filter((m) => m.subGroup !== 'political_system' || m.position === 'leader').length;
  if (outside(citizens, SUB_GROUP_SIZES.citizens_business)) {
    warnings.push({
      code: 'sub_group_size',
      group: 'citizens_business',
      count: citizens,
      ...SUB_GROUP_SIZES.citizens_business,
    });
  }
  const byVillage = new Map<string, number>();
  for (const m of team)
    if (m.subGroup === 'village_standing') byVillage.set(m.village ?? '', (byVillage.get(m.village ?? '') ?? 0) + 1);
  for (const [village, count] of [...byVillage].sort(([a], [b]) => a.localeCompare(b, 'vi'))) {
    if (outside(count, SUB_GROUP_SIZES.village_standing)) {
      warnings.push({
        code: 'sub_group_size',
        group: 'village_standing',
        count,
        ...SUB_GROUP_SIZES.village_standing,
        village,
      });
    }
  }
  for (const language of localLanguages) {
    if (!team.some((m) => m.languages.includes(language))) warnings.push({ code: 'language_missing', language });
  }
  return warnings;
}
