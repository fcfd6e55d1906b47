import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../app/useT';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';

/**
 * In the Electron kiosk window, Ctrl+Shift+Q asks for the admin PIN; only then may the window
 * close. Nothing is shown to citizens until a staff member presses the chord.
 */
export function KioskExitGuard() {
  const { t } = useT('settings');
  const bridge = window.dhs;
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [refused, setRefused] = useState(false);
  useEffect(() => (bridge?.role === 'kiosk' ? bridge.onKioskExitRequested(() => setOpen(true)) : undefined), []);
  if (bridge?.role !== 'kiosk') return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const left = await bridge.leaveKiosk(pin);
    setPin('');
    setRefused(!left);
  };
  return (
    <Dialog
      title={t('kioskExit.title')}
      open={open}
      onClose={() => {
        setOpen(false);
        setRefused(false);
      }}
    >
      <form onSubmit={submit}>
        <TextField
          label={t('kioskExit.pin')}
          type="password"
          inputMode="numeric"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          autoFocus
        />
        {refused ? <Notice tone="error">{t('errors:wrong_pin', { remaining: '…' })}</Notice> : null}
        <div className="dialog-footer">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit">{t('kioskExit.submit')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
