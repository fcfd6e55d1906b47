import { describe, expect, it } from 'vitest';
import { buildGrid, cellKey, nextState } from './grid';

const view = {
  days: [
    {
      day: '2026-04-01',
      working: true,
      needsLanguage: true,
      shifts: [{ shift: 'full' as const, members: [{ memberId: 1, present: true }] }],
      unplannedPresent: [{ memberId: 3 }],
    },
    { day: '2026-04-04', working: false, needsLanguage: false, shifts: [], unplannedPresent: [] },
    {
      day: '2026-04-06',
      working: true,
      needsLanguage: false,
      shifts: [{ shift: 'full' as const, members: [] }],
      unplannedPresent: [],
    },
  ],
  tally: [
    { memberId: 1, fullName: 'A', speaksLocal: false },
    { memberId: 2, fullName: 'B', speaksLocal: true },
    { memberId: 3, fullName: 'C', speaksLocal: false },
  ],
  leave: [{ memberId: 3, from: '2026-04-06', to: '2026-04-10' }],
};

describe('roster grid', () => {
  it('shows shifts, closed days, leave and presence, and counts each day against 1–3', () => {
    const g = buildGrid(view, new Map());
    expect(g.rows[0]!.cells.map((c) => c.state)).toEqual(['full', 'closed', 'none']);
    expect(g.rows[2]!.cells.map((c) => c.state)).toEqual(['none', 'closed', 'leave']);
    expect(g.rows[2]!.cells[0]!.present).toBe(true);
    expect(g.days.map((d) => [d.count, d.state, d.languageGap])).toEqual([
      [1, 'ok', true],
      [0, null, false],
      [0, 'below', false],
    ]);
  });

  it('lays pending edits over what is saved, and counts them', () => {
    const g = buildGrid(
      view,
      new Map([
        [cellKey('2026-04-01', 1), null],
        [cellKey('2026-04-01', 2), 'full'],
        [cellKey('2026-04-06', 1), 'full'],
      ]),
    );
    expect(g.rows[0]!.cells.map((c) => [c.state, c.pending])).toEqual([
      ['none', true],
      ['closed', false],
      ['full', true],
    ]);
    expect(g.days[0]).toMatchObject({ count: 1, languageGap: false });
    expect(g.rows.map((r) => r.total)).toEqual([1, 1, 0]);
    // An edit back to what is saved is no change.
    expect(buildGrid(view, new Map([[cellKey('2026-04-01', 1), 'full']])).rows[0]!.cells[0]!.pending).toBe(false);
  });

  it("cycles a cell through the point's shifts, and never a closed day or a day of leave", () => {
    expect(nextState('none', ['full'])).toBe('full');
    expect(nextState('full', ['full'])).toBeNull();
    expect(nextState('none', ['morning', 'afternoon'])).toBe('morning');
    expect(nextState('morning', ['morning', 'afternoon'])).toBe('afternoon');
    expect(nextState('afternoon', ['morning', 'afternoon'])).toBeNull();
    expect(nextState('closed', ['full'])).toBeUndefined();
    expect(nextState('leave', ['full'])).toBeUndefined();
  });
});
