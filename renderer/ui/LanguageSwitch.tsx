import { useT } from '../app/useT';
import { UI_LANGUAGES } from '#shared/i18n/languages';

/** Language buttons, each labelled in its own language so anyone can find theirs. */
export function LanguageSwitch({ size = 'normal' }: { size?: 'normal' | 'huge' }) {
  const { t, i18n } = useT('common');
  return (
    <div className={`language-switch language-switch-${size}`} role="group" aria-label={t('common:languagePicker')}>
      {UI_LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={`btn btn-${i18n.language === lng ? 'primary' : 'secondary'} btn-${size === 'huge' ? 'large' : 'normal'}`}
          aria-pressed={i18n.language === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {t(`common:language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
