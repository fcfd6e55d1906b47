import { useTranslation } from 'react-i18next';
import './guides.css';

/** On the kiosk's start screen: read the guides without taking a number. */
export function KioskGuidesLink() {
  const { t } = useTranslation('queue');
  return (
    <a className="kiosk-guides-link" href="#/guides">
      <strong>{t('kiosk.guidesLink')}</strong>
      <span>{t('kiosk.guidesLinkHint')}</span>
    </a>
  );
}
