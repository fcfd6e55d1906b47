import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useT } from './useT';
import { Board } from '../queue/Board';
import { Kiosk } from '../queue/Kiosk';
import { KioskExitGuard } from '../settings/KioskExitGuard';
import { GuideReader } from '../guides/GuideReader';
import { navigate, useHashRoute } from './router';
import { SessionProvider } from './session';
import { useQuery } from './useQuery';
import { CitizenFrame } from '../ui/Page';

// Staff screens and the wizard load only on staff PCs: the kiosk and the board start faster.
const StaffShell = lazy(() => import('./StaffShell').then((m) => ({ default: m.StaffShell })));
const SetupWizard = lazy(() => import('../settings/SetupWizard').then((m) => ({ default: m.SetupWizard })));

/** Screens that need no sign-in, by their first path segment. The queue adds kiosk and board. */
export const PUBLIC_SCREENS: Record<string, ComponentType> = {
  kiosk: Kiosk,
  board: Board,
  guides: GuideReader,
};

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
  if (!status.data) return <p className="centered" role="status">{status.error ? t('offline') : t('loading')}</p>;
  const segment = route.split('/')[1] ?? '';
  if (!status.data.configured) {
    // A citizen screen started before setup says so; it never offers the wizard, or whoever
    // reached an auto-started kiosk first would choose the admin PIN.
    if (PUBLIC_SCREENS[segment] || window.dhs?.role === 'kiosk' || window.dhs?.role === 'board') return <NotSetUp />;
    return (
      <Suspense fallback={<p className="centered" role="status">{t('loading')}</p>}>
        <SetupWizard codeRequired={status.data.setupCodeRequired} onDone={() => { setNotice(t('settings:wizard.done')); status.reload(); navigate('/staff'); }} />
      </Suspense>
    );
  }
  // The Electron kiosk window shows only citizen screens, whatever its address says.
  const publicScreen = PUBLIC_SCREENS[segment] ?? (window.dhs?.role === 'kiosk' ? PUBLIC_SCREENS.kiosk : undefined);
  if (publicScreen) {
    const Screen = publicScreen;
    return (
      <>
        <Screen />
        <KioskExitGuard />
      </>
    );
  }
  return (
    <SessionProvider>
      <Suspense fallback={<p className="centered" role="status">{t('loading')}</p>}>
        <StaffShell route={route} {...(notice ? { notice } : {})} />
      </Suspense>
    </SessionProvider>
  );
}
