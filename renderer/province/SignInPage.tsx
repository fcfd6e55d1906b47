import { useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../app/useT';
import { TextField } from '../ui/Field';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Notice } from '../ui/Notice';
import { HubError, hubCall } from './client';
import { useErrorText } from './common';

/** The frame of the pages before sign-in: the hub's name, a title, the language switch. */
export function SignedOutFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useT('province');
  return (
    <main id="main" className="centered hub-signin">
      <div className="panel">
        <div className="panel-header">
          <div>
            <p className="hub-brand">{t('app.title')}</p>
            <h1>{title}</h1>
          </div>
          <LanguageSwitch />
        </div>
        {children}
      </div>
    </main>
  );
}

/** A form's submit with the server's refusal kept for the page: its message and its fields' problems. */
export function useSubmit(work: (form: FormData) => Promise<void>) {
  const text = useErrorText();
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    try {
      setError(null);
      await work(form);
    } catch (caught) {
      setError(
        caught instanceof HubError
          ? { message: text(caught.body), fields: caught.body.fields ?? {} }
          : { message: String(caught), fields: {} },
      );
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, onSubmit: (e: FormEvent<HTMLFormElement>) => void submit(e) };
}

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useT('province');
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    await hubCall('hub.signIn', { name: String(form.get('name') ?? ''), password: String(form.get('password') ?? '') });
    onSignedIn();
  });
  return (
    <SignedOutFrame title={t('signIn.title')}>
      <p>{t('signIn.intro')}</p>
      {error ? <Notice tone="error">{error.message}</Notice> : null}
      <form onSubmit={onSubmit}>
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
    </SignedOutFrame>
  );
}
