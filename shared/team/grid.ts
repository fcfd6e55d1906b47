import type { Shift } from './generate';

/**
 * The month grid of the roster, one row a member and one column a day, worked out from the
 * month view and the leader's pending edits. Pure, so the screen and the printed page show the
 * same thing and a test can check it.
 */
export type CellState = 'closed' | 'leave' | 'none' | Shift;

interface DayIn {
  day: string;
  working: boolean;
  needsLanguage: boolean;
  shifts: { shift: Shift; members: { memberId: number; present: boolean }[] }[];
  unplannedPresent: { memberId: number }[];
}
interface ViewIn {
  days: DayIn[];
  tally: { memberId: number; fullName: string; speaksLocal: boolean }[];
  leave: { memberId: number; from: string; to: string }[];
}

export interface GridCell {
  day: string;
  memberId: number;
  state: CellState;
  /** The shift planned now, before pending edits. */
  saved: Shift | null;
  present: boolean;
  pending: boolean;
}

export interface Grid {
  rows: { memberId: number; fullName: string; speaksLocal: boolean; total: number; cells: GridCell[] }[];
  /** Per day: how many are on duty, and whether 1–3 is met (for working days). */
  days: {
    day: string;
    working: boolean;
    count: number;
    state: 'below' | 'ok' | 'above' | null;
    languageGap: boolean;
  }[];
}

export const cellKey = (day: string, memberId: number) => `${day}|${memberId}`;

export function buildGrid(view: ViewIn, pending: ReadonlyMap<string, Shift | null>): Grid {
  const rows = view.tally.map((m) => {
    const cells = view.days.map((d): GridCell => {
      const saved = d.shifts.find((s) => s.members.some((x) => x.memberId === m.memberId))?.shift ?? null;
      const key = cellKey(d.day, m.memberId);
      const isPending = pending.has(key) && pending.get(key) !== saved;
      const shift = isPending ? pending.get(key)! : saved;
      const onLeave = view.leave.some((l) => l.memberId === m.memberId && l.from <= d.day && d.day <= l.to);
      const present =
        d.shifts.some((s) => s.members.some((x) => x.memberId === m.memberId && x.present)) ||
        d.unplannedPresent.some((p) => p.memberId === m.memberId);
      const state: CellState = shift ?? (!d.working ? 'closed' : onLeave ? 'leave' : 'none');
      return { day: d.day, memberId: m.memberId, state, saved, present, pending: isPending };
    });
    return {
      memberId: m.memberId,
      fullName: m.fullName,
      speaksLocal: m.speaksLocal,
      total: cells.filter((c) => isShift(c.state)).length,
      cells,
    };
  });
  const days = view.days.map((d, i) => {
    const on = rows.filter((r) => isShift(r.cells[i]!.state));
    const count = on.length;
    const hasSpeaker = on.some((r) => r.speaksLocal);
    return {
      day: d.day,
      working: d.working,
      count,
      state: d.working ? ((count < 1 ? 'below' : count > 3 ? 'above' : 'ok') as 'below' | 'ok' | 'above') : null,
      languageGap: d.working && d.needsLanguage && !hasSpeaker,
    };
  });
  return { rows, days };
}

export function isShift(state: CellState): state is Shift {
  return state === 'full' || state === 'morning' || state === 'afternoon';
}

/** What a click or the space bar does to a cell: none → each shift of the point's mode → none. */
export function nextState(current: CellState, modeShifts: readonly Shift[]): Shift | null | undefined {
  if (current === 'closed' || current === 'leave') return undefined;
  if (current === 'none') return modeShifts[0] ?? null;
  const i = modeShifts.indexOf(current);
  return i >= 0 && i + 1 < modeShifts.length ? modeShifts[i + 1]! : null;
}
