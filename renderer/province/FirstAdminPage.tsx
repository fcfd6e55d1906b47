import { useT } from '../app/useT';
import { MIN_PASSWORD_LENGTH } from '#shared/province/accounts';
import { TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { hubCall } from './client';
import { SignedOutFrame, useSubmit } from './SignInPage';

/**
 * While the hub has no admin: make the first one. On the hub's own machine that is enough; from
 * elsewhere the one-time code printed by `province serve` is asked for too.
 */
export function FirstAdminPage({ codeRequired, onSignedIn }: { codeRequired: boolean; onSignedIn: () => void }) {
  const { t } = useT('province');
  const { error, setError, busy, onSubmit } = useSubmit(async (form) => {
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('repeat') ?? ''))
      return setError({ message: t('firstAdmin.mismatch'), fields: { repeat: 'province:firstAdmin.mismatch' } });
    await hubCall('hub.createFirstAdmin', {
      name: String(form.get('name') ?? ''),
      password,
      ...(codeRequired ? { code: String(form.get('code') ?? '') } : {}),
    });
    onSignedIn();
  });
  const field = (name: string) => error?.fields[name];
  return (
    <SignedOutFrame title={t('firstAdmin.title')}>
      <p>{t('firstAdmin.intro')}</p>
      {codeRequired ? <p>{t('firstAdmin.codeIntro')}</p> : null}
      {error ? <Notice tone="error">{error.message}</Notice> : null}
      <form onSubmit={onSubmit} noValidate>
        {codeRequired ? (
          <TextField
            label={t('firstAdmin.code')}
            hint={t('firstAdmin.codeHint')}
            error={field('code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maxLength={12}
          />
        ) : null}
        <TextField
          label={t('firstAdmin.name')}
          error={field('name')}
          name="name"
          autoComplete="username"
          required
          maxLength={80}
        />
        <TextField
          label={t('firstAdmin.password')}
          hint={t('firstAdmin.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={field('password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          maxLength={200}
        />
        <TextField
          label={t('firstAdmin.repeat')}
          error={field('repeat')}
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          maxLength={200}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-large" disabled={busy}>
            {t('firstAdmin.submit')}
          </button>
        </div>
      </form>
    </SignedOutFrame>
  );
}
