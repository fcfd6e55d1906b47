import { isOneOf } from '#shared/contract/one-of';
import { dataKey, useT } from '../app/useT';
import { formatDate } from '#shared/format/vietnamese';
import { useSession } from '../app/session';
import { STAFF_ROUTES } from '../app/routes';
import { useQuery } from '../app/useQuery';
import { RosterNotices } from '../team/RosterNotices';
import { TodayNotice } from '../team/TodayNotice';
import { AccountNotices } from '../settings/AccountNotices';
import { AutoCloseNotice } from '../logbook/AutoCloseNotice';
import { ProvinceWarning } from '../uploads/ProvinceWarning';
import { Page } from '../ui/Page';
import { WaitingSummary } from '../queue/WaitingSummary';
import { ALLOW } from '#shared/contract/roles';

export function StaffHome() {
  const { t } = useT('settings');
  const { me } = useSession();
  const settings = useQuery('settings.get', {}, { refreshOn: ['settings.changed'] });
  const team = useQuery('team.list', {}, { refreshOn: ['team.changed'] });
  const role = me?.role ?? 'citizen';
  const tiles = STAFF_ROUTES.filter((r) => r.menuOrder !== undefined && r.path !== '/staff' && r.roles.includes(role));
  const activeMembers = team.data?.filter((m) => m.active && m.position !== null).length ?? 0;
  return (
    <Page title={t('home.greeting', { name: me?.member?.fullName ?? '' })}>
      <p>
        {t('home.today', { date: formatDate(new Date()) })}
        {settings.data ? ` · ${settings.data.pointName} · ${settings.data.communeName}` : ''}
      </p>
      <WaitingSummary />
      <AccountNotices />
      <RosterNotices />
      <TodayNotice />
      <AutoCloseNotice />
      {isOneOf(ALLOW.officials, role) ? <ProvinceWarning /> : null}
      <p>{t('home.teamCount', { count: activeMembers })}</p>
      <h2>{t('home.sections')}</h2>
      <div className="cards">
        <a
          className="tile"
          href="#/kiosk"
          onClick={(event) => {
            // In Electron the citizen screen opens locked in a window of its own.
            if (window.dhs) {
              event.preventDefault();
              void window.dhs.openWindow('kiosk');
            }
          }}
        >
          <strong>{t('home.openCitizen')}</strong>
        </a>
        {tiles.map((r) => (
          <a key={r.path} className="tile" href={`#${r.path}`}>
            <strong>{t(dataKey(r.labelKey))}</strong>
          </a>
        ))}
      </div>
    </Page>
  );
}
