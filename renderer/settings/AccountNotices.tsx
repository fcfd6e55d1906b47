import { useState, type FormEvent } from 'react';
import { useT } from '../app/useT';
import { formatDate, formatTime } from '#shared/format/vietnamese';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';

/** The signed-in member's own PIN, when today's rules refuse it: change it before anything else. */
function ChangePinNotice() {
  const { t } = useT('settings');
  const errorText = useErrorText();
  const { refresh } = useSession();
  const [currentPin, setCurrentPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await api.call('access.changePin', { currentPin, newPin });
      await refresh();
    } catch (error) {
      setFailure(errorText(error));
    }
  };
  return (
    <Notice tone="warning">
      <p>{t('account.weakPin')}</p>
      <form onSubmit={submit} className="field-row">
        <TextField
          label={t('account.currentPin')}
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          value={currentPin}
          maxLength={8}
          onChange={(e) => setCurrentPin(e.target.value)}
        />
        <TextField
          label={t('account.newPin')}
          hint={t('problems.pin')}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={newPin}
          maxLength={8}
          onChange={(e) => setNewPin(e.target.value)}
        />
        <Button type="submit" disabled={!currentPin || !newPin}>
          {t('account.changePin')}
        </Button>
      </form>
      {failure ? <p role="alert">{failure}</p> : null}
    </Notice>
  );
}

/** The admin hears about lockouts: who is locked now, from where, and a way to lift it. */
function LockNotice() {
  const { t } = useT('settings');
  const locks = useQuery('access.locks', {}, { refreshOn: ['team.changed'] });
  if (!locks.data || (!locks.data.locked.length && !locks.data.locksThisWeek)) return null;
  return (
    <Notice tone={locks.data.locked.length ? 'warning' : 'info'}>
      <p>{t('account.locksThisWeek', { count: locks.data.locksThisWeek })}</p>
      {locks.data.locked.length ? (
        <ul>
          {locks.data.locked.map((l) => {
            return (
              <li key={`${l.memberId}-${l.scope}`}>
                {t(`account.locked.${l.scope}`, {
                  name: l.fullName,
                  time: formatTime(l.until),
                  date: formatDate(l.until),
                })}{' '}
                <Button
                  variant="secondary"
                  onClick={() => void api.call('access.unlock', { memberId: l.memberId }).then(locks.reload)}
                >
                  {t('account.unlock', { name: l.fullName })}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Notice>
  );
}

/** On the staff home: the member's account number (for LAN sign-in), a weak PIN, lockouts. */
export function AccountNotices() {
  const { t } = useT('settings');
  const { me } = useSession();
  if (!me?.member) return null;
  return (
    <>
      {me.pinChangeRequired ? <ChangePinNotice /> : null}
      {me.role === 'admin' ? <LockNotice /> : null}
      <p className="field-hint">{t('account.number', { number: me.member.id })}</p>
    </>
  );
}
