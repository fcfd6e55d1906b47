import { useEffect, useState, type ComponentType } from 'react';
import { dataKey, useT } from '../app/useT';
import type { HubOutput } from '#shared/province/contract';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { hubCall } from './client';
import { FilesPage } from './FilesPage';
import { FirstAdminPage } from './FirstAdminPage';
import { LocksPage } from './LocksPage';
import { OverviewPage } from './OverviewPage';
import { PilotPage } from './PilotPage';
import { RankingPage } from './RankingPage';
import { ReportPage } from './ReportPage';
import { SealedPage } from './SealedPage';
import { SignInPage } from './SignInPage';
import { UnitPage } from './UnitPage';

export interface ScreenProps {
  period: string;
  setPeriod: (period: string) => void;
  today: string;
  /** The rest of the route after the screen's own path (a unit's name). */
  rest: string;
}

interface Screen {
  path: string;
  labelKey: string;
  component: ComponentType<ScreenProps>;
  admin?: boolean;
  menu?: boolean;
}

const SCREENS: Screen[] = [
  { path: '/', labelKey: 'app.nav.overview', component: OverviewPage },
  { path: '/ranking', labelKey: 'app.nav.ranking', component: RankingPage },
  { path: '/pilot', labelKey: 'app.nav.pilot', component: PilotPage },
  { path: '/report', labelKey: 'app.nav.report', component: ReportPage },
  { path: '/files', labelKey: 'app.nav.files', component: FilesPage, admin: true },
  { path: '/sealed', labelKey: 'app.nav.sealed', component: SealedPage, admin: true },
  { path: '/locks', labelKey: 'app.nav.locks', component: LocksPage, admin: true },
  { path: '/unit', labelKey: 'app.nav.overview', component: UnitPage, menu: false },
];

function useHashRoute(): string {
  const [route, setRoute] = useState(() => location.hash.replace(/^#/, '') || '/');
  useEffect(() => {
    const onHash = () => setRoute(location.hash.replace(/^#/, '') || '/');
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/** The hub's web app: sign-in, then the menu on the left and the screen on the right (the point's staff layout). */
export function HubApp() {
  const { t } = useT('province');
  const route = useHashRoute();
  const [session, setSession] = useState<HubOutput<'hub.session'> | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const refresh = () =>
    void hubCall('hub.session', {}).then(setSession, () =>
      setSession({ account: null, today: new Date().toISOString().slice(0, 10), firstAdmin: null }),
    );
  useEffect(refresh, []);
  useEffect(() => {
    const title = document.querySelector('h1')?.textContent;
    if (title) document.title = `${title} – ${t('app.title')}`;
  });
  if (!session)
    return (
      <p className="centered" role="status">
        {t('app.loading')}
      </p>
    );
  if (!session.account && session.firstAdmin)
    return <FirstAdminPage codeRequired={session.firstAdmin.codeRequired} onSignedIn={refresh} />;
  if (!session.account) return <SignInPage onSignedIn={refresh} />;

  const admin = session.account.role === 'province_admin';
  const allowed = SCREENS.filter((s) => admin || !s.admin);
  const path = `/${route.split('/')[1] ?? ''}`;
  const screen = allowed.find((s) => s.path === path) ?? allowed[0]!;
  const rest = decodeURIComponent(route.split('/').slice(2).join('/'));
  const Component = screen.component;
  const signOut = () => void hubCall('hub.signOut', {}).finally(refresh);
  return (
    <div className="staff hub">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <nav className="staff-nav" aria-label={t('app.navLabel')}>
        <div className="brand">
          {t('app.title')}
          <small>{t('app.subtitle')}</small>
        </div>
        {allowed
          .filter((s) => s.menu !== false)
          .map((s) => (
            <a key={s.path} href={`#${s.path}`} aria-current={s.path === screen.path ? 'page' : undefined}>
              {t(dataKey(`province:${s.labelKey}`))}
            </a>
          ))}
        <div className="who">
          <div>{t('app.signedInAs', { name: session.account.name, role: t(`app.role.${session.account.role}`) })}</div>
          <LanguageSwitch />
          <button type="button" className="btn" onClick={signOut}>
            {t('app.signOut')}
          </button>
        </div>
      </nav>
      <main id="main" className="staff-main" tabIndex={-1}>
        <Component
          period={period ?? session.today.slice(0, 7)}
          setPeriod={setPeriod}
          today={session.today}
          rest={rest}
        />
      </main>
    </div>
  );
}
