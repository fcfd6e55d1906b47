import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useT } from '../app/useT';
import type { Output } from '#shared/contract';
import { vnDay } from '#shared/time/vietnam';
import { useQuery } from '../app/useQuery';
import { AdminDocument } from '../ui/AdminDocument';
import { Button } from '../ui/Button';
import { RosterGrid } from './RosterGrid';

const NO_EDITS = new Map();

/** The month grid on A4 across, in the administrative layout, always in Vietnamese, signed by the team leader. */
export function RosterPrint({
  view,
  maker,
  onBack,
}: {
  view: Output<'roster.month'>;
  maker: string;
  onBack: () => void;
}) {
  const { t, i18n } = useT('team');
  const vi = i18n.getFixedT('vi', 'team');
  // The grid inside prints in Vietnamese whatever language the screen is in.
  const viI18n = useMemo(() => i18n.cloneInstance({ lng: 'vi' }), [i18n]);
  const settings = useQuery('settings.get', {});
  const commune = settings.data?.communeName ?? '';
  const place = commune.replace(/^(xã|phường|thị trấn)\s+/i, '');
  const [y, m] = view.month.split('-');
  const total = view.days.reduce((n, d) => n + d.shifts.reduce((k, s) => k + s.count, 0), 0);
  return (
    <div className="roster-doc">
      <div className="print-toolbar">
        <Button variant="secondary" onClick={onBack}>
          {t('roster.printBack')}
        </Button>
        {/* Electron: its print dialog, A4 across; a browser (server mode): the browser's print, same page. */}
        <Button
          onClick={() =>
            window.dhs ? void window.dhs.print({ kind: 'a4', silent: false, landscape: true }) : window.print()
          }
        >
          {t('common:actions.print')}
        </Button>
      </div>
      <AdminDocument
        issuerParent={`UBND ${commune}`}
        issuer={vi('roster.printIssuer')}
        place={place}
        day={vnDay(new Date())}
        landscape
        title={vi('roster.printTitle')}
        subtitle={vi('roster.printSubtitle', { m: Number(m), y })}
        signers={[
          { title: vi('roster.printMaker'), name: maker },
          { title: vi('roster.printLeader'), name: view.leaderName ?? '' },
        ]}
      >
        <I18nextProvider i18n={viI18n}>
          <RosterGrid view={view} pending={NO_EDITS} editable={false} printed />
        </I18nextProvider>
        <p className="roster-total">{vi('roster.printTotal', { count: total })}</p>
      </AdminDocument>
    </div>
  );
}
