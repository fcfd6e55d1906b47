import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Board } from '../queue/Board';
import { Kiosk } from '../queue/Kiosk';
import { KioskExitGuard } from '../settings/KioskExitGuard';
import { SetupWizard } from '../settings/SetupWizard';
import { GuideReader } from '../guides/GuideReader';
import { navigate, useHashRoute } from './router';
import { SessionProvider } from './session';
import { StaffShell } from './StaffShell';
import { useQuery } from './useQuery';

/** Screens that need no sign-in, by their first path segment. The queue adds kiosk and board. */
export const PUBLIC_SCREENS: Record<string, ComponentType> = {
  kiosk: Kiosk,
  board: Board,
  guides: GuideReader,
};

export function App() {
  const { t } = useTranslation();
  const route = useHashRoute();
  const status = useQuery('setup.status', {}, { refreshOn: ['settings.changed'] });
  const [notice, setNotice] = useState<string>();
  if (!status.data) return <p className="centered" role="status">{status.error ? t('offline') : t('loading')}</p>;
  if (!status.data.configured) {
    return <SetupWizard onDone={() => { setNotice(t('settings:wizard.done')); status.reload(); navigate('/staff'); }} />;
  }
  const segment = route.split('/')[1] ?? '';
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
      <StaffShell route={route} {...(notice ? { notice } : {})} />
    </SessionProvider>
  );
}
