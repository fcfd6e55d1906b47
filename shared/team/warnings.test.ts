import { describe, expect, it } from 'vitest';
import { teamWarnings, type TeamMemberFacts } from './warnings';

const m = (over: Partial<TeamMemberFacts> = {}): TeamMemberFacts => ({
  position: 'member',
  subGroup: 'citizens_business',
  village: null,
  languages: ['vi'],
  active: true,
  ...over,
});
/** A team exactly as the decision describes it: 1 leader, 2 deputies, 5 political, 2 per village. */
function goodTeam(): TeamMemberFacts[] {
  return [
    m({ position: 'leader', languages: ['vi', 'jrai'] }),
    m({ position: 'deputy', subGroup: 'political_system' }),
    m({ position: 'deputy' }),
    ...Array.from({ length: 4 }, () => m({ subGroup: 'political_system' })),
    m({ subGroup: 'village_standing', village: 'Thôn 1' }),
    m({ subGroup: 'village_standing', village: 'Thôn 1' }),
    ...Array.from({ length: 9 }, () => m()),
  ];
}

describe('teamWarnings', () => {
  it('a team as the decision describes gives no warning', () => {
    expect(goodTeam()).toHaveLength(18);
    expect(teamWarnings(goodTeam(), ['jrai'])).toEqual([]);
  });

  it('counts only active team members for the size', () => {
    const team = goodTeam()
      .slice(0, 14)
      .concat([m({ active: false }), m({ position: null })]);
    expect(teamWarnings(team, [])).toContainEqual({ code: 'team_size', count: 14, min: 15, max: 20 });
    expect(teamWarnings([...goodTeam(), m(), m(), m()], []).find((w) => w.code === 'team_size')).toMatchObject({
      count: 21,
    });
  });

  it('warns when there is not exactly one leader and two deputies', () => {
    const team = goodTeam().map((x) => (x.position === 'deputy' ? { ...x, position: 'member' as const } : x));
    expect(teamWarnings(team, [])).toContainEqual({ code: 'deputies', count: 0 });
    expect(teamWarnings([...goodTeam(), m({ position: 'leader' })], [])).toContainEqual({ code: 'leaders', count: 2 });
  });

  it('warns on a sub-group outside its size, per village for the standing groups', () => {
    const team = [...goodTeam(), m({ subGroup: 'village_standing', village: 'Làng Bông' })];
    expect(teamWarnings(team, [])).toContainEqual({
      code: 'sub_group_size',
      group: 'village_standing',
      count: 1,
      min: 2,
      max: 4,
      village: 'Làng Bông',
    });
    const fewPolitical = goodTeam().map((x) =>
      x.subGroup === 'political_system' ? { ...x, subGroup: 'citizens_business' } : x,
    );
    expect(teamWarnings(fewPolitical, []).map((w) => w.code === 'sub_group_size' && w.group)).toContain(
      'political_system',
    );
  });

  it('warns for each local minority language nobody in the team speaks', () => {
    expect(teamWarnings(goodTeam(), ['jrai', 'bahnar'])).toEqual([{ code: 'language_missing', language: 'bahnar' }]);
    const inactiveSpeaker = goodTeam().map((x) => (x.position === 'leader' ? { ...x, active: false } : x));
    expect(teamWarnings(inactiveSpeaker, ['jrai'])).toContainEqual({ code: 'language_missing', language: 'jrai' });
  });
});
