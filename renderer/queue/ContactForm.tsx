import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { NAME_MAX, normalizeName } from '../../shared/queue/vietnamese-typing';
import { QueueIcon } from './icons';
import { NameKeyboard } from './NameKeyboard';

export interface Contact {
  name: string;
  phone: string;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/**
 * Name and phone, offered and never pushed: the plain consent sentence comes first, and only
 * "I agree" opens the fields. The name and the phone have their own on-screen keys: no keyboard is needed.
 */
export function ContactForm({ value, onChange, problems }: {
  value: Contact | null; onChange: (c: Contact | null) => void; problems: Record<string, string>;
}) {
  const { t } = useTranslation('queue');
  const [asking, setAsking] = useState(false);
  const id = useId();
  if (!value && !asking) {
    return (
      <div className="kiosk-contact">
        <Button variant="secondary" size="large" icon={<QueueIcon name="contact" size={36} />} onClick={() => setAsking(true)}>
          {t('kiosk.contactOffer')}
        </Button>
      </div>
    );
  }
  if (!value) {
    return (
      <div className="kiosk-contact kiosk-consent" role="group" aria-labelledby={`${id}-consent`}>
        <p id={`${id}-consent`}>{t('kiosk.consentSentence')}</p>
        <div className="kiosk-actions">
          <Button size="large" onClick={() => onChange({ name: '', phone: '' })}>{t('kiosk.consentYes')}</Button>
          <Button variant="secondary" size="large" onClick={() => setAsking(false)}>{t('kiosk.consentNo')}</Button>
        </div>
      </div>
    );
  }
  const problem = (field: string) => (problems[field] ? <p className="field-error" role="alert">{t(problems[field]!)}</p> : null);
  return (
    <div className="kiosk-contact">
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('kiosk.name')}</label>
        {/* inputMode none: the touch screen's own keyboard stays hidden; a real keyboard still types (staff testing). */}
        <input id={`${id}-name`} className="kiosk-input" inputMode="none" autoComplete="off" maxLength={NAME_MAX} value={value.name}
          aria-invalid={!!problems.name} onChange={(e) => onChange({ ...value, name: normalizeName(e.target.value) })} />
        {problem('name')}
        <NameKeyboard value={value.name} controls={`${id}-name`} onChange={(name) => onChange({ ...value, name })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-phone`}>{t('kiosk.phone')}</label>
        <input id={`${id}-phone`} className="kiosk-input" inputMode="numeric" autoComplete="off" maxLength={11} value={value.phone}
          aria-invalid={!!problems.phone} onChange={(e) => onChange({ ...value, phone: e.target.value.replace(/\D/g, '') })} />
        {problem('phone')}
        <div className="kiosk-keypad" role="group" aria-label={t('kiosk.phone')}>
          {KEYS.map((k) => (
            <button key={k} type="button" className="btn btn-secondary kiosk-key" onClick={() => onChange({ ...value, phone: (value.phone + k).slice(0, 11) })}>{k}</button>
          ))}
          <button type="button" className="btn btn-secondary kiosk-key" aria-label={t('kiosk.erase')} onClick={() => onChange({ ...value, phone: value.phone.slice(0, -1) })}>⌫</button>
        </div>
      </div>
      <Button variant="ghost" size="large" onClick={() => { onChange(null); setAsking(false); }}>{t('kiosk.consentNo')}</Button>
    </div>
  );
}
