import { useState, type ChangeEvent } from 'react';
import { useT } from '../app/useT';
import type { UploadsStatus } from '#shared/uploads/contract';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { useSession } from '../app/session';
import { Button } from '../ui/Button';
import { FieldShell, TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';

/** The province's key and address: shown to officials, changed by the admin only. */
export function ProvinceSettings({ status }: { status: UploadsStatus }) {
  const { t } = useT('uploads');
  const errorText = useErrorText();
  const { me } = useSession();
  const isAdmin = me?.role === 'admin';
  const [keyText, setKeyText] = useState('');
  const [url, setUrl] = useState(status.provinceUrl ?? '');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<Record<string, string>>({});

  const save = async (input: { keyText?: string; url?: string }, done: (fp: string | null) => string) => {
    setFieldError({});
    try {
      const result = await api.call('uploads.setProvince', input);
      setMessage({ tone: 'success', text: done(result.provinceFingerprint) });
      setKeyText('');
    } catch (error) {
      const fields = (error as { body?: { fields?: Record<string, string> } }).body?.fields ?? {};
      setFieldError(fields);
      setMessage({ tone: 'error', text: errorText(error) });
    }
  };
  const rotate = async () => {
    try {
      const result = await api.call('uploads.rotateKey', {});
      setMessage({ tone: 'success', text: t('keys.rotated', { fp: result.fingerprint, seq: result.seq }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    }
  };
  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setKeyText(await file.text());
  };

  return (
    <section className="card" aria-labelledby="province-keys">
      <h2 id="province-keys">{t('keys.title')}</h2>
      <dl className="uploads-facts">
        <dt>{t('keys.pointKey')}</dt>
        <dd>
          <code>{status.pointFingerprint}</code>
        </dd>
        <dt>{t('keys.provinceKey')}</dt>
        <dd>{status.provinceFingerprint ? <code>{status.provinceFingerprint}</code> : t('keys.none')}</dd>
        <dt>{t('keys.url')}</dt>
        <dd>{status.provinceUrl ?? t('keys.none')}</dd>
      </dl>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {isAdmin ? (
        <>
          <div className="uploads-keyform">
            <FieldShell label={t('keys.keyText')} hint={t('keys.keyHint')} error={fieldError.keyText}>
              {({ id, describedBy, invalid }) => (
                <textarea
                  id={id}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  rows={5}
                  value={keyText}
                  onChange={(e) => setKeyText(e.target.value)}
                />
              )}
            </FieldShell>
            <FieldShell label={t('keys.keyFile')}>
              {({ id }) => <input id={id} type="file" accept=".txt,text/plain" onChange={(e) => void readFile(e)} />}
            </FieldShell>
            <Button
              onClick={() => void save({ keyText }, (fp) => t('keys.keySaved', { fp }))}
              disabled={!keyText.trim()}
            >
              {t('keys.saveKey')}
            </Button>
          </div>
          <TextField
            label={t('keys.url')}
            hint={t('keys.urlHint')}
            value={url}
            error={fieldError.url}
            onChange={(e) => setUrl(e.target.value)}
            inputMode="url"
          />
          <Button variant="secondary" onClick={() => void save({ url }, () => t('keys.urlSaved'))}>
            {t('keys.saveUrl')}
          </Button>
          <div className="uploads-rotate">
            <h3>{t('keys.rotate')}</h3>
            <p id="rotate-hint">{t('keys.rotateHint')}</p>
            <Button variant="secondary" aria-describedby="rotate-hint" onClick={() => void rotate()}>
              {t('keys.rotate')}
            </Button>
          </div>
        </>
      ) : (
        <p>{t('keys.adminOnly')}</p>
      )}
    </section>
  );
}
