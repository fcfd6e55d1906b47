import { useT } from '../app/useT';
import './guides.css';

/** On the kiosk's start screen: read the guides without taking a number. */
export function KioskGuidesLink() {
  const { t } = useT('queue');
  return (
    <a className="kiosk-guides-link" href="#/guides">
      <strong>{t('kiosk.guidesLink')}</strong>
      <span>{t('kiosk.guidesLinkHint')}</span>
    </a>
  );
}
