import { useEffect, useRef } from 'react';
import { useT } from '../app/useT';
import { useCitizenTexts } from '../community/CitizenTexts';
import { Say } from '../community/Say';
import { QueueIcon } from './icons';
import { useIdle } from './useIdle';

const WARN_SECONDS = 10;

/**
 * Counts down while nobody touches the screen; in the last seconds a large question covers it
 * with one big button "I am still using it" (any touch also counts), then the kiosk starts over.
 */
export function KioskIdle({
  seconds,
  active,
  resetKey,
  onIdle,
}: {
  seconds: number;
  active: boolean;
  resetKey: string;
  onIdle: () => void;
}) {
  const { t } = useT('queue');
  const { say } = useCitizenTexts();
  const left = useIdle(seconds, () => active && onIdle(), resetKey);
  const button = useRef<HTMLButtonElement>(null);
  const warning = active && left <= WARN_SECONDS;
  useEffect(() => {
    if (warning) button.current?.focus();
  }, [warning]);
  if (!warning) return null;
  return (
    <div
      className="kiosk-idle"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="kiosk-idle-question"
      aria-describedby="kiosk-idle-left"
    >
      <div className="kiosk-idle-card">
        <QueueIcon name="hand" size={96} />
        <p id="kiosk-idle-question" className="kiosk-idle-question">
          <Say said={say('queue:kiosk.idleQuestion')} />
        </p>
        {/* The touch itself resets the countdown (useIdle listens to every pointerdown). */}
        <button ref={button} type="button" className="btn btn-primary btn-huge kiosk-idle-button">
          <Say said={say('queue:kiosk.stillHere')} />
        </button>
        <p id="kiosk-idle-left" className="kiosk-idle-left">
          {t('kiosk.idleWarning', { seconds: left })}
        </p>
      </div>
    </div>
  );
}
