import { useTranslation } from 'react-i18next';
import { useQuery } from '../app/useQuery';
import { CitizenFrame } from '../ui/Page';
import { LanguageSwitch } from '../ui/LanguageSwitch';

/** The citizen screen; the queue domain replaces its body with the check-in kiosk. */
export function CitizenHome() {
  const { t } = useTranslation('settings');
  const status = useQuery('setup.status', {}, { refreshOn: ['settings.changed'] });
  return (
    <CitizenFrame footer={<span>{status.data?.pointName} · {status.data?.communeName}</span>}>
      <LanguageSwitch size="huge" />
      <h1>{t('citizen.welcome')}</h1>
    </CitizenFrame>
  );
}
