import type { ReactNode } from 'react';
import { dataKey, useT } from '../app/useT';
import type { Output } from '#shared/contract';
import { formatDate } from '#shared/format/vietnamese';
import { vnWeekday } from '#shared/time/vietnam';
import { useCitizenTexts } from '../community/CitizenTexts';
import { Say } from '../community/Say';
import { QueueIcon } from './icons';
import { KioskScreen } from './Kiosk';

/** Outside opening hours: when the point opens again, its hours, and no number (staff can still issue one). */
export function KioskClosed({ info, languages }: { info: Output<'queue.kiosk'>; languages: ReactNode }) {
  const { t } = useT('queue');
  const { say } = useCitizenTexts();
  const opening = info.opening.open ? null : info.opening.opensAt;
  const title = say('queue:kiosk.closedTitle');
  const ask = say('queue:kiosk.closedAsk');
  // Always the full day and date, even for later today: plain and never wrong whatever this screen's clock says.
  const when = opening
    ? t('kiosk.closedOpens', {
        time: opening.time,
        weekday: t(dataKey(`team:weekdays.${vnWeekday(opening.day)}`)),
        date: formatDate(opening.day),
      })
    : t('kiosk.closedUnknown');
  return (
    <>
      {languages}
      <KioskScreen heading={title} icon={<QueueIcon name="clock" size={72} />} listen={[title, ask]}>
        <div className="kiosk-closed">
          <p className="kiosk-closed-when" role="status">
            {when}
          </p>
          {info.hours ? (
            <p className="kiosk-closed-hours">
              {t('kiosk.closedHours', {
                open: info.hours.openTime,
                close: info.hours.closeTime,
                days: t(info.hours.saturdayOpen ? 'kiosk.monSat' : 'kiosk.monFri'),
              })}
            </p>
          ) : null}
          <p className="kiosk-closed-ask">
            <Say said={ask} />
          </p>
        </div>
      </KioskScreen>
    </>
  );
}
