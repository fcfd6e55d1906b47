import { useState, type FormEvent } from 'react';
import { dataKey, useT } from '../app/useT';
import { formatDate } from '#shared/format/vietnamese';
import type { HubOutput } from '#shared/province/contract';
import { TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { HubError, hubCall } from './client';
import { useErrorText } from './common';

/** Opening sealed personal data: the key file and its passphrase, a reason, and a log row for every version opened. */
export function SealedPage() {
  const { t } = useT('province');
  const text = useErrorText();
  const [opened, setOpened] = useState<HubOutput<'hub.openSealed'>['opened'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const key = form.get('key') as File | null;
    setProblem(null);
    setOpened(null);
    if (!key || key.size > 16_000) return setProblem(t('problems.sealKey'));
    try {
      const result = await hubCall('hub.openSealed', {
        unit: String(form.get('unit')),
        ref: String(form.get('ref')),
        reason: String(form.get('reason')),
        sealKeyPem: await key.text(),
        passphrase: String(form.get('passphrase')),
      });
      setOpened(result.opened);
    } catch (caught) {
      setProblem(
        caught instanceof HubError
          ? `${text(caught.body)} ${Object.values(caught.body.fields ?? {})
              .map((k) => t(dataKey(k)))
              .join(' ')}`
          : String(caught),
      );
    }
  };
  return (
    <Page title={t('sealed.title')}>
      <p>{t('sealed.intro')}</p>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <form className="card" onSubmit={(e) => void submit(e)} autoComplete="off">
        <div className="field-row">
          <TextField label={t('sealed.unit')} name="unit" required maxLength={80} />
          <TextField label={t('sealed.ref')} name="ref" required maxLength={80} />
        </div>
        <TextField label={t('sealed.reason')} name="reason" required minLength={10} maxLength={500} />
        <div className="field">
          <label htmlFor="seal-key">{t('sealed.key')}</label>
          <input id="seal-key" name="key" type="file" accept=".pem" required />
        </div>
        <TextField
          label={t('sealed.passphrase')}
          name="passphrase"
          type="password"
          required
          minLength={12}
          maxLength={200}
        />
        <button type="submit" className="btn btn-danger btn-normal">
          {t('sealed.submit')}
        </button>
      </form>
      {opened ? (
        <section className="card" aria-live="polite">
          <h2>{t('sealed.result', { count: opened.length })}</h2>
          {opened.map((o) => (
            <div key={o.version}>
              <h3>{t('sealed.version', { version: o.version, day: formatDate(o.day) })}</h3>
              <pre>{JSON.stringify(o.personal, null, 2)}</pre>
            </div>
          ))}
        </section>
      ) : null}
    </Page>
  );
}
