import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract';
import { formatDate } from '../../shared/format/vietnamese';
import { vnDay, vnWeekday } from '../../shared/time/vietnam';
import { useQuery } from '../app/useQuery';
import { AdminDocument } from '../ui/AdminDocument';
import { Button } from '../ui/Button';

/** The month on A4 in the administrative layout, always in Vietnamese, signed by the team leader. */
export function RosterPrint({ view, maker, onBack }: { view: Output<'roster.month'>; maker: string; onBack: () => void }) {
  const { t, i18n } = useTranslation('team');
  const vi = i18n.getFixedT('vi', 'team');
  const settings = useQuery('settings.get', {});
  const commune = settings.data?.communeName ?? '';
  const place = commune.replace(/^(xã|phường|thị trấn)\s+/i, '');
  const [y, m] = view.month.split('-');
  const rows = view.days.filter((d) => d.working || d.why !== 'weekend');
  // One full-day shift: the shift column says nothing, leave the room to the names.
  const showShift = view.days.some((d) => d.shifts.some((s) => s.shift !== 'full'));
  const total = view.days.reduce((n, d) => n + d.shifts.reduce((k, s) => k + s.count, 0), 0);
  return (
    <div className="roster-doc">
      <div className="print-toolbar">
        <Button variant="secondary" onClick={onBack}>{t('roster.printBack')}</Button>
        <Button onClick={() => window.print()}>{t('common:actions.print')}</Button>
      </div>
      <AdminDocument
        issuerParent={`UBND ${commune}`}
        issuer={vi('roster.printIssuer')}
        place={place}
        day={vnDay(new Date())}
        title={vi('roster.printTitle')}
        subtitle={vi('roster.printSubtitle', { m: Number(m), y })}
        signers={[{ title: vi('roster.printMaker'), name: maker }, { title: vi('roster.printLeader'), name: view.leaderName ?? '' }]}
      >
        <table className="roster-print">
          <thead>
            <tr>
              <th scope="col">{vi('roster.day')}</th><th scope="col">{vi('roster.weekday')}</th>
              {showShift ? <th scope="col">{vi('roster.shift')}</th> : null}<th scope="col">{vi('roster.onDuty')}</th><th scope="col">{vi('roster.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((d) => {
              const date = formatDate(d.day);
              const weekday = vi(`weekdays.${vnWeekday(d.day)}`);
              if (!d.working) {
                const why = d.why === 'holiday' && d.holiday ? vi(`holidays.${d.holiday}`) : d.reason || vi('roster.closedDay');
                return [<tr key={d.day}><td>{date}</td><td>{weekday}</td><td className="closed" colSpan={showShift ? 3 : 2}>{vi('roster.closed')}: {why}</td></tr>];
              }
              return d.shifts.map((s) => (
                <tr key={`${d.day}-${s.shift}`}>
                  <td>{date}</td><td>{weekday}</td>{showShift ? <td>{vi(`shifts.${s.shift}`)}</td> : null}
                  <td>{s.members.map((x) => x.fullName).join(', ')}</td>
                  <td>{s.state !== 'ok' ? vi(`roster.${s.state}`) : ''}{d.needsLanguage && !d.hasSpeaker ? vi('roster.languageMissing') : ''}</td>
                </tr>
              ));
            })}
          </tbody>
        </table>
        <p>{vi('roster.printTotal', { count: total })}</p>
      </AdminDocument>
    </div>
  );
}
