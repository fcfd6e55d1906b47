import { useState, type FormEvent } from 'react';
import { useT } from '../app/useT';
import { TextField } from '../ui/Field';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Notice } from '../ui/Notice';
import { HubError, hubCall } from './client';
import { useErrorText } from './common';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useT('province');
  const text = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    try {
      await hubCall('hub.signIn', {
        name: String(form.get('name') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      onSignedIn();
    } catch (caught) {
      setError(caught instanceof HubError ? text(caught.body) : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="centered hub-signin">
      <div className="panel">
        <div className="panel-header">
          <div>
            <p className="hub-brand">{t('app.title')}</p>
            <h1>{t('signIn.title')}</h1>
          </div>
          <LanguageSwitch />
        </div>
        <p>{t('signIn.intro')}</p>
        {error ? <Notice tone="error">{error}</Notice> : null}
        <form onSubmit={(e) => void submit(e)}>
          <TextField label={t('signIn.name')} name="name" autoComplete="username" required maxLength={80} />
          <TextField
            label={t('signIn.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-large" disabled={busy}>
              {t('signIn.submit')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
