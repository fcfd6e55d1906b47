import { useState, type FormEvent } from 'react';
import { useT } from '../app/useT';
import { useErrorText } from '../app/errors';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Notice } from '../ui/Notice';

/** Pick your name, type your PIN. */
export function SignIn({ notice }: { notice?: string }) {
  const { t } = useT('settings');
  const errorText = useErrorText();
  const { signIn } = useSession();
  const options = useQuery('access.signInOptions', {}, { refreshOn: ['team.changed'] });
  const [memberId, setMemberId] = useState<number | null>(null);
  const [accountNumber, setAccountNumber] = useState('');
  // A LAN device is not shown the team's names: the member types their account number instead.
  const namesShown = options.data?.namesShown !== false;
  const [pin, setPin] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const who = namesShown ? memberId : Number(accountNumber) || null;
    if (who === null) return setFailure(t(namesShown ? 'signIn.pickName' : 'signIn.typeNumber'));
    setBusy(true);
    setFailure(null);
    try {
      await signIn(who, pin);
    } catch (error) {
      setFailure(errorText(error));
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="centered">
      <main id="main" className="panel">
        <div className="panel-header">
          <div>
            <p className="field-hint">{t('common:appName')}</p>
            <h1>{t('signIn.title')}</h1>
          </div>
          <LanguageSwitch />
        </div>
        {notice ? <Notice tone="success">{notice}</Notice> : null}
        <form onSubmit={submit} noValidate>
          {namesShown ? (
            <fieldset className="field">
              <legend>{t('signIn.who')}</legend>
              {options.data?.members.length === 0 ? <p>{t('signIn.noAccounts')}</p> : null}
              <div className="name-list">
                {options.data?.members.map((m) => (
                  <Button
                    key={m.id}
                    variant={memberId === m.id ? 'primary' : 'secondary'}
                    aria-pressed={memberId === m.id}
                    onClick={() => setMemberId(m.id)}
                  >
                    {m.fullName} <small>· {t(`common:roles.${m.role}`)}</small>
                  </Button>
                ))}
              </div>
            </fieldset>
          ) : (
            <TextField
              label={t('signIn.accountNumber')}
              hint={t('signIn.accountNumberHint')}
              inputMode="numeric"
              autoComplete="username"
              value={accountNumber}
              onChange={(e) => setAccountNumber(e.target.value.replace(/\D/g, ''))}
              maxLength={6}
            />
          )}
          <TextField
            label={t('signIn.pin')}
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            maxLength={8}
          />
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          <div className="form-actions">
            <a className="btn btn-ghost" href="#/kiosk">
              {t('home.openCitizen')}
            </a>
            <Button type="submit" size="large" disabled={busy || !pin}>
              {t('signIn.submit')}
            </Button>
          </div>
        </form>
      </main>
    </div>
  );
}
