import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract';
import { formatDate, formatDayMonth } from '../../shared/format/vietnamese';
import { vnWeekday } from '../../shared/time/vietnam';
import { Button } from '../ui/Button';

type View = Output<'roster.month'>;
type Day = View['days'][number];
export type Place = { shiftId: number; fullName: string; day: string };

interface Props {
  view: View;
  editable: boolean;
  members: { id: number; fullName: string }[];
  picked: Place | null;
  swapping: boolean;
  onPick: (place: Place) => void;
  onRemove: (place: Place) => void;
  onAdd: (day: string, shift: string, memberId: number) => void;
  onEditDay: (day: Day) => void;
}

function DayNote({ d }: { d: Day }) {
  const { t } = useTranslation('team');
  if (!d.working) {
    const label = d.why === 'holiday' && d.holiday ? t(`holidays.${d.holiday}`) : d.why === 'closed' ? d.reason || t('roster.closedDay') : t('roster.weekend');
    return <>{label}{d.confirm ? <span className="tag tag-above" title={t('roster.confirmHoliday')}> ?</span> : null}</>;
  }
  return (
    <>
      {d.needsLanguage ? <span className={`tag ${d.hasSpeaker ? 'tag-info' : 'tag-below'}`}>{d.hasSpeaker ? t('roster.languageNeeded') : t('roster.languageMissing')}</span> : null}
      {d.unplannedPresent.length ? <div>{t('roster.unplanned', { names: d.unplannedPresent.map((p) => p.fullName).join(', ') })}</div> : null}
    </>
  );
}

function AddMember({ d, shift, members, onAdd }: { d: Day; shift: string; members: Props['members']; onAdd: Props['onAdd'] }) {
  const { t } = useTranslation('team');
  const [memberId, setMemberId] = useState('');
  const taken = new Set(d.shifts.flatMap((s) => s.members.map((m) => m.memberId)));
  const label = t('roster.addFor', { date: formatDate(d.day) });
  return (
    <div className="add-row">
      <select aria-label={label} value={memberId} onChange={(e) => setMemberId(e.target.value)}>
        <option value="">{t('roster.add')}</option>
        {members.filter((m) => !taken.has(m.id)).map((m) => <option key={m.id} value={m.id}>{m.fullName}</option>)}
      </select>
      <Button variant="secondary" disabled={!memberId} onClick={() => { onAdd(d.day, shift, Number(memberId)); setMemberId(''); }}>{t('common:actions.add')}</Button>
    </div>
  );
}

/** One row a day: shifts with the members planned (green when they signed in), coverage, notes. */
export function RosterTable({ view, editable, members, picked, swapping, onPick, onRemove, onAdd, onEditDay }: Props) {
  const { t } = useTranslation('team');
  return (
    <table className="data roster-table">
      <thead>
        <tr>
          <th scope="col">{t('roster.day')}</th>
          <th scope="col">{t('roster.onDuty')}</th>
          <th scope="col">{t('roster.notes')}</th>
        </tr>
      </thead>
      <tbody>
        {view.days.map((d) => (
          <tr key={d.day} className={d.working ? '' : 'closed'} data-day={d.day}>
            <td className="day">
              {t(`weekdaysShort.${vnWeekday(d.day)}`)} {formatDayMonth(d.day)}
              {editable ? (
                <div><Button variant="ghost" onClick={() => onEditDay(d)} aria-label={t('roster.dayEdit', { date: formatDate(d.day) })}>✎</Button></div>
              ) : null}
            </td>
            <td>
              {d.shifts.map((s) => (
                <div key={s.shift}>
                  {d.shifts.length > 1 || s.shift !== 'full' ? <strong>{t(`shifts.${s.shift}`)}: </strong> : null}
                  <span className={`tag tag-${s.state}`}>{t(`roster.${s.state}`)}</span>
                  <ul className="chips">
                    {s.members.map((m) => {
                      const place = { shiftId: m.shiftId, fullName: m.fullName, day: d.day };
                      const date = formatDate(d.day);
                      return (
                        <li key={m.shiftId} className={`chip ${m.present ? 'present' : ''} ${picked?.shiftId === m.shiftId ? 'picked' : ''}`}>
                          <span>{m.fullName}<span className="visually-hidden"> ({m.present ? t('roster.presentMark') : t('roster.absentMark')})</span></span>
                          {editable && swapping ? (
                            <Button variant="ghost" aria-pressed={picked?.shiftId === m.shiftId} onClick={() => onPick(place)} aria-label={t('roster.swapWith', { name: m.fullName, date })}>⇄</Button>
                          ) : null}
                          {editable && !swapping ? (
                            <Button variant="ghost" onClick={() => onRemove(place)} aria-label={t('roster.remove', { name: m.fullName, date })}>×</Button>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                  {editable && d.working && !swapping ? <AddMember d={d} shift={s.shift} members={members} onAdd={onAdd} /> : null}
                </div>
              ))}
            </td>
            <td><DayNote d={d} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
