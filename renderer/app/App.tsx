import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useT } from './useT';
import { KioskExitGuard } from '../settings/KioskExitGuard';
import { loadReaderTexts, loadStaffTexts } from './i18n';
import { navigate, useHashRoute } from './router';
import { SessionProvider } from './session';
import { useQuery } from './useQuery';
import { CitizenFrame } from '../ui/Page';

// Each screen loads only where it is shown: a kiosk never fetches the board, the guide reader
// (until a citizen opens it) or any staff screen and its texts, so it starts sooner on a slow LAN.
const StaffShell = lazy(() =>
  Promise.all([import('./StaffShell'), loadStaffTexts()]).then(([m]) => ({ default: m.StaffShell })),
);
const SetupWizard = lazy(() =>
  Promise.all([import('../settings/SetupWizard'), loadStaffTexts()]).then(([m]) => ({ default: m.SetupWizard })),
);

/** Screens that need no sign-in, by their first path segment. */
export const PUBLIC_SCREENS: Record<string, ComponentType> = {
  kiosk: lazy(() => import('../queue/Kiosk').then((m) => ({ default: m.Kiosk }))),
  board: lazy(() => import('../queue/Board').then((m) => ({ default: m.Board }))),
  guides: lazy(() =>
    Promise.all([import('../guides/GuideReader'), loadReaderTexts()]).then(([m]) => ({ default: m.GuideReader })),
  ),
};

/** While a screen's code arrives. */
function Loading() {
  const { t } = useT('common');
  return (
    <p className="centered" role="status">
      {t('loading')}
    </p>
  );
}

/** What a kiosk or board shows until the point is set up on its own PC. */
function NotSetUp() {
  const { t } = useT('settings');
  return (
    <CitizenFrame>
      <h1>{t('notSetUp.title')}</h1>
      <p>{t('notSetUp.body')}</p>
    </CitizenFrame>
  );
}

export function App() {
  const { t } = useT('common');
  const route = useHashRoute();
  const status = useQuery('setup.status', {}, { refreshOn: ['settings.changed'] });
  const [notice, setNotice] = useState<string>();
  if (!status.data)
    return (
      <p className="centered" role="status">
        {status.error ? t('offline') : t('loading')}
      </p>
    );
  const segment = route.split('/')[1] ?? '';
  if (!status.data.configured) {
    // A citizen screen started before setup says so; it never offers the wizard, or whoever
    // reached an auto-started kiosk first would choose the admin PIN.
    if (PUBLIC_SCREENS[segment] || window.dhs?.role === 'kiosk' || window.dhs?.role === 'board') return <NotSetUp />;
    return (
      <Suspense fallback={<Loading />}>
        <SetupWizard
          codeRequired={status.data.setupCodeRequired}
          onDone={() => {
            setNotice(t('settings:wizard.done'));
            status.reload();
            navigate('/staff');
          }}
        />
      </Suspense>
    );
  }
  // The Electron kiosk window shows only citizen screens, whatever its address says.
  const publicScreen = PUBLIC_SCREENS[segment] ?? (window.dhs?.role === 'kiosk' ? PUBLIC_SCREENS.kiosk : undefined);
  if (publicScreen) {
    const Screen = publicScreen;
    return (
      <>
        <Suspense fallback={<Loading />}>
          <Screen />
        </Suspense>
        <KioskExitGuard />
      </>
    );
  }
  return (
    <SessionProvider>
      <Suspense fallback={<Loading />}>
        <StaffShell route={route} {...(notice ? { notice } : {})} />
      </Suspense>
    </SessionProvider>
  );
}
