import { useRef, useState, type KeyboardEvent } from 'react';
import { dataKey, useT } from '../app/useT';
import type { Output } from '#shared/contract';
import { formatDate, formatMonth } from '#shared/format/vietnamese';
import { shiftsOf, type Shift } from '#shared/team/generate';
import { buildGrid, nextState, type CellState, type GridCell } from '#shared/team/grid';
import { vnWeekday } from '#shared/time/vietnam';

type View = Output<'roster.month'>;
type Day = View['days'][number];

interface Props {
  view: View;
  pending: ReadonlyMap<string, Shift | null>;
  /** Leaders edit; members and the printed page only read. */
  editable: boolean;
  /** On paper: marks and legend in glyphs the document font has. */
  printed?: boolean;
  onChange?: (day: string, memberId: number, shift: Shift | null) => void;
  onEditDay?: (day: Day) => void;
}

const MARK: Record<CellState, string> = {
  full: 'full',
  morning: 'morning',
  afternoon: 'afternoon',
  leave: 'leave',
  none: '',
  closed: '',
};

/**
 * The month at a glance: a row per member, a column per day. A leader moves with the arrow keys
 * (Home/End, Page Up/Down for the first/last member) and presses Space or Enter, or clicks, to
 * cycle a cell through the point's shifts; the day headers open the day's settings.
 */
export function RosterGrid({ view, pending, editable, printed, onChange, onEditDay }: Props) {
  const { t } = useT('team');
  const grid = buildGrid(view, pending);
  const modeShifts = shiftsOf(view.settings.shiftMode);
  const [focus, setFocus] = useState({
    row: 0,
    col: Math.max(
      0,
      view.days.findIndex((d) => d.working),
    ),
  });
  const table = useRef<HTMLTableElement>(null);
  const dayLabel = (day: string) => `${t(dataKey(`weekdays.${vnWeekday(day)}`))} ${formatDate(day)}`;

  const move = (row: number, col: number) => {
    const r = Math.min(Math.max(row, 0), grid.rows.length - 1);
    const c = Math.min(Math.max(col, 0), view.days.length - 1);
    setFocus({ row: r, col: c });
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${r}-${c}"]`)?.focus();
  };
  const activate = (cell: GridCell) => {
    const next = nextState(cell.state, modeShifts);
    if (next !== undefined) onChange?.(cell.day, cell.memberId, next);
  };
  const onKey = (event: KeyboardEvent, row: number, col: number) => {
    const keys: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      Home: [row, 0],
      End: [row, view.days.length - 1],
      PageUp: [0, col],
      PageDown: [grid.rows.length - 1, col],
    };
    const to = keys[event.key];
    if (!to) return;
    event.preventDefault();
    move(to[0], to[1]);
  };

  const mark = (key: string) =>
    t(dataKey(`grid.mark.${printed && (key === 'full' || key === 'languageOk') ? `${key}Print` : key}`));
  const cellText = (c: GridCell) => (MARK[c.state] ? mark(MARK[c.state]) : c.present ? mark('presentOnly') : '');
  const cellLabel = (name: string, c: GridCell) =>
    [
      t('grid.cell', {
        name,
        weekday: t(dataKey(`weekdays.${vnWeekday(c.day)}`)),
        date: formatDate(c.day),
        state: t(`grid.state.${c.state}`),
      }),
      c.present ? t('grid.present') : null,
      c.pending ? t('grid.pending') : null,
    ]
      .filter(Boolean)
      .join(', ');

  return (
    <div className="roster-grid-wrap">
      <table ref={table} className={`roster-grid ${editable ? 'editable' : ''} ${printed ? 'admin-doc-keep-end' : ''}`}>
        <caption className="visually-hidden">{t('grid.caption', { month: formatMonth(view.month) })}</caption>
        <thead>
          <tr>
            <th scope="col" className="roster-grid-name">
              {t('grid.member')}
            </th>
            {view.days.map((d) => {
              const note =
                !d.working && d.why === 'holiday' && d.holiday
                  ? t(`holidays.${d.holiday}`)
                  : !d.working && d.why === 'closed'
                    ? d.reason || t('roster.closedDay')
                    : '';
              const head = (
                <>
                  <span className="roster-grid-daynum">{Number(d.day.slice(8))}</span>
                  <span className="roster-grid-weekday">{t(dataKey(`weekdaysShort.${vnWeekday(d.day)}`))}</span>
                </>
              );
              return (
                <th
                  key={d.day}
                  scope="col"
                  className={`${d.working ? '' : 'closed'} ${d.needsLanguage ? 'language' : ''}`}
                  title={note ? `${dayLabel(d.day)}: ${note}` : dayLabel(d.day)}
                >
                  {editable && onEditDay ? (
                    <button type="button" className="roster-grid-day" onClick={() => onEditDay(d)}>
                      {head}
                      <span className="visually-hidden">
                        {' '}
                        {t('roster.dayEdit', { date: formatDate(d.day) })}
                        {note ? ` (${note})` : ''}
                      </span>
                    </button>
                  ) : (
                    head
                  )}
                </th>
              );
            })}
            <th scope="col" className="roster-grid-total">
              {t('grid.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((r, ri) => (
            <tr key={r.memberId}>
              <th scope="row" className="roster-grid-name">
                {r.fullName}
                {r.speaksLocal ? <span aria-hidden="true"> *</span> : null}
              </th>
              {r.cells.map((c, ci) => {
                const classes = `cell-${c.state} ${c.present ? 'present' : ''} ${c.pending ? 'pending' : ''}`;
                if (!editable)
                  return (
                    <td key={c.day} className={classes}>
                      {cellText(c)}
                    </td>
                  );
                const fixed = c.state === 'closed' || c.state === 'leave';
                return (
                  <td key={c.day} className={classes}>
                    <button
                      type="button"
                      data-cell={`${ri}-${ci}`}
                      tabIndex={focus.row === ri && focus.col === ci ? 0 : -1}
                      aria-disabled={fixed || undefined}
                      onClick={() => {
                        setFocus({ row: ri, col: ci });
                        activate(c);
                      }}
                      onKeyDown={(e) => onKey(e, ri, ci)}
                    >
                      <span aria-hidden="true">{cellText(c)}</span>
                      <span className="visually-hidden">{cellLabel(r.fullName, c)}</span>
                    </button>
                  </td>
                );
              })}
              <td className="roster-grid-total">{r.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="roster-grid-name">
              {t('grid.perDay')}
            </th>
            {grid.days.map((d) => (
              <td
                key={d.day}
                className={d.state ? `count-${d.state}` : 'closed'}
                title={d.state ? t(`roster.${d.state}`) : undefined}
              >
                {d.working ? d.count : ''}
              </td>
            ))}
            <td className="roster-grid-total">{grid.rows.reduce((n, r) => n + r.total, 0)}</td>
          </tr>
          {view.days.some((d) => d.needsLanguage) ? (
            <tr>
              <th scope="row" className="roster-grid-name">
                {t('grid.language')}
              </th>
              {grid.days.map((d, i) => (
                <td key={d.day} className={d.languageGap ? 'count-below' : ''}>
                  {view.days[i]!.needsLanguage ? (d.languageGap ? '!' : mark('languageOk')) : ''}
                </td>
              ))}
              <td />
            </tr>
          ) : null}
        </tfoot>
      </table>
      <p className="roster-grid-legend">
        {t(printed ? 'grid.legendPrint' : 'grid.legend')}
        {grid.rows.some((r) => r.speaksLocal) ? ` · * ${t('roster.speaksLocal')}` : ''}
      </p>
    </div>
  );
}
