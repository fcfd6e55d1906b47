import { lazy, Suspense, useId } from 'react';
import { dataKey, useT } from '../app/useT';
import { NAME_MAX, normalizeName } from '#shared/queue/vietnamese-typing';
import { useCitizenTexts } from '../community/CitizenTexts';
import { Say } from '../community/Say';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { QueueIcon } from './icons';
import { KioskScreen } from './Kiosk';

// Fetched when a citizen chooses to leave a name, not with the kiosk: most never do.
const NameKeyboard = lazy(() => import('./NameKeyboard').then((m) => ({ default: m.NameKeyboard })));

export interface Contact {
  name: string;
  phone: string;
}

/** The plain consent sentence first; only "I agree" goes on to the name (Decree 13/2023). */
export function ConsentScreen({ onYes, onNo }: { onYes: () => void; onNo: () => void }) {
  const { say } = useCitizenTexts();
  const offer = say('queue:kiosk.contactOffer');
  const sentence = say('queue:kiosk.consentSentence');
  const yes = say('queue:kiosk.consentYes');
  const no = say('queue:kiosk.consentNo');
  return (
    <KioskScreen
      heading={offer}
      icon={<QueueIcon name="contact" size={56} />}
      listen={[offer, sentence, yes, no]}
      actions={
        <>
          <Button variant="secondary" size="huge" onClick={onNo}>
            <Say said={no} />
          </Button>
          <Button size="huge" onClick={onYes}>
            <Say said={yes} />
          </Button>
        </>
      }
    >
      <p className="kiosk-consent">
        <Say said={sentence} />
      </p>
    </KioskScreen>
  );
}

function Problem({ text }: { text: string | undefined }) {
  const { t } = useT('queue');
  return text ? (
    <p className="field-error kiosk-problem" role="alert">
      {t(dataKey(text))}
    </p>
  ) : null;
}

/** The name, typed on the kiosk's own keys (no keyboard needed). */
export function NameScreen({
  value,
  problem,
  onChange,
  onBack,
  onNext,
}: {
  value: string;
  problem: string | undefined;
  onChange: (name: string) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { say } = useCitizenTexts();
  const id = useId();
  const label = say('queue:kiosk.name');
  return (
    <KioskScreen
      heading={label}
      icon={<QueueIcon name="contact" size={56} />}
      actions={
        <>
          <Button variant="secondary" size="huge" onClick={onBack}>
            <Say said={say('queue:kiosk.back')} />
          </Button>
          <Button size="huge" onClick={onNext}>
            <Say said={say('queue:kiosk.next')} />
          </Button>
        </>
      }
    >
      <label className="visually-hidden" htmlFor={`${id}-name`}>
        {label.vietnamese}
      </label>
      {/* inputMode none: the touch screen's own keyboard stays hidden; a real keyboard still types (staff testing). */}
      <input
        id={`${id}-name`}
        className="kiosk-input"
        inputMode="none"
        autoComplete="off"
        maxLength={NAME_MAX}
        value={value}
        aria-invalid={!!problem}
        onChange={(e) => onChange(normalizeName(e.target.value))}
      />
      <Problem text={problem} />
      <Suspense fallback={null}>
        <NameKeyboard value={value} controls={`${id}-name`} onChange={onChange} />
      </Suspense>
    </KioskScreen>
  );
}

/** A phone's keypad: 1 2 3 / 4 5 6 / 7 8 9 / clear 0 delete. */
const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'erase'] as const;
const PHONE_MAX = 11;

export function PhoneScreen({
  value,
  problem,
  busy,
  failed,
  onChange,
  onBack,
  onTake,
}: {
  value: string;
  problem: string | undefined;
  busy: boolean;
  failed: boolean;
  onChange: (phone: string) => void;
  onBack: () => void;
  onTake: () => void;
}) {
  const { t } = useT('queue');
  const { say } = useCitizenTexts();
  const id = useId();
  const label = say('queue:kiosk.phone');
  const press = (key: (typeof KEYPAD)[number]) => {
    if (key === 'clear') onChange('');
    else if (key === 'erase') onChange(value.slice(0, -1));
    else onChange((value + key).slice(0, PHONE_MAX));
  };
  return (
    <KioskScreen
      heading={label}
      icon={<QueueIcon name="contact" size={56} />}
      actions={
        <>
          <Button variant="secondary" size="huge" onClick={onBack}>
            <Say said={say('queue:kiosk.back')} />
          </Button>
          <Button size="huge" className="kiosk-take" disabled={busy} onClick={onTake}>
            <Say said={say('queue:kiosk.takeTicket')} />
          </Button>
        </>
      }
    >
      <div className="kiosk-phone">
        <div className="kiosk-phone-field">
          <label className="visually-hidden" htmlFor={`${id}-phone`}>
            {label.vietnamese}
          </label>
          <input
            id={`${id}-phone`}
            className="kiosk-input"
            inputMode="none"
            autoComplete="off"
            maxLength={PHONE_MAX}
            value={value}
            aria-invalid={!!problem}
            onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, PHONE_MAX))}
          />
          <Problem text={problem} />
          {failed ? (
            <Notice tone="error">
              <Say said={say('queue:kiosk.error')} />
            </Notice>
          ) : null}
        </div>
        <div className="kiosk-keypad" role="group" aria-label={t('kiosk.phone')}>
          {KEYPAD.map((k) => (
            <button
              key={k}
              type="button"
              aria-controls={`${id}-phone`}
              className={`btn btn-secondary kiosk-key${k === 'clear' ? ' kiosk-key-word' : ''}`}
              aria-label={k === 'erase' ? t('kiosk.erase') : k === 'clear' ? t('kiosk.keyboard.clear') : undefined}
              onClick={() => press(k)}
            >
              {k === 'erase' ? '⌫' : k === 'clear' ? t('kiosk.keyboard.clear') : k}
            </button>
          ))}
        </div>
      </div>
    </KioskScreen>
  );
}
