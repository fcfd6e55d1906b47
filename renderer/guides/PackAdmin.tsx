import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { dataKey, useT } from '../app/useT';
import { PACK_FILE_EXTENSION, PACK_LIMITS } from '#shared/guides/pack-format';
import { trustedKeyInput, type TrustedKeyInput } from '#shared/guides/schemas';
import { api, ApiError } from '../api/client';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { FieldShell, TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { bytesToBase64 as toBase64 } from '../ui/download';
import './guides.css';

/** Admin: the pack in use, import of a signed pack, the province keys it trusts. */
export function PackAdmin() {
  const { t } = useT('guides');
  const status = useQuery('guides.status', {}, { refreshOn: ['guides.changed'] });
  const s = status.data;
  return (
    <Page title={t('packs.title')}>
      {s ? (
        <section className="card" aria-labelledby="pack-active">
          <h2 id="pack-active">{t('packs.active')}</h2>
          <dl className="guide-facts">
            <div>
              <dt>{t('packs.versionLabel')}</dt>
              <dd data-testid="active-version">{s.active.version}</dd>
            </div>
            <div>
              <dt>{t('packs.issued')}</dt>
              <dd>{s.active.issued}</dd>
            </div>
            <div>
              <dt>{t('packs.issuer')}</dt>
              <dd>{s.active.issuer}</dd>
            </div>
            <div>
              <dt>{t('packs.guideCount')}</dt>
              <dd>{s.active.guideCount}</dd>
            </div>
            <div>
              <dt>{t('packs.sourceLabel')}</dt>
              <dd>{t(`packs.source.${s.active.source}`)}</dd>
            </div>
          </dl>
        </section>
      ) : null}
      <ImportForm activeVersion={s?.active.version ?? 0} />
      <KeysSection keys={s?.keys ?? []} />
      {s?.installed.length ? (
        <section className="card">
          <h2>{t('packs.history')}</h2>
          <table className="guide-table">
            <thead>
              <tr>
                <th scope="col">{t('packs.versionLabel')}</th>
                <th scope="col">{t('packs.issued')}</th>
                <th scope="col">{t('packs.issuer')}</th>
                <th scope="col">{t('packs.keyId')}</th>
                <th scope="col">{t('packs.addedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {s.installed.map((p) => (
                <tr key={p.version}>
                  <td>
                    {p.version}
                    {p.active ? ' ✓' : ''}
                  </td>
                  <td>{p.issued}</td>
                  <td>{p.issuer}</td>
                  <td>
                    <code>{p.keyId}</code>
                  </td>
                  <td>{p.installedAt.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Page>
  );
}

function ImportForm({ activeVersion }: { activeVersion: number }) {
  const { t } = useT('guides');
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; lines: string[] } | null>(null);
  const submit = async () => {
    if (!file) return;
    const maxMb = Math.round(PACK_LIMITS.fileBytes / 1024 / 1024);
    if (file.size > PACK_LIMITS.fileBytes) {
      setResult({
        tone: 'error',
        lines: [t('packs.fileTooLarge', { max: maxMb }), t('packs.oldStays', { version: activeVersion })],
      });
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const done = await api.call('guides.importPack', {
        fileName: file.name,
        base64: toBase64(await file.arrayBuffer()),
      });
      setResult({ tone: 'success', lines: [t('packs.imported', { version: done.version, count: done.guideCount })] });
    } catch (e) {
      const reason = e instanceof ApiError ? e.body.params?.reason : undefined;
      const detail = e instanceof ApiError ? e.body.params?.detail : undefined;
      setResult({
        tone: 'error',
        lines: [
          reason ? t('packs.refused', { reason: t(dataKey(`refused.${reason}`)) }) : errorText(e),
          ...(detail ? [String(detail)] : []),
          t('packs.oldStays', { version: activeVersion }),
        ],
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="pack-import">
      <h2 id="pack-import">{t('packs.importTitle')}</h2>
      <p>{t('packs.importHint')}</p>
      {result ? (
        <Notice tone={result.tone}>
          {result.lines.map((line, i) => (
            <p key={i} className={i ? 'guide-muted' : ''}>
              {line}
            </p>
          ))}
        </Notice>
      ) : null}
      <FieldShell label={t('packs.file')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            type="file"
            accept={`${PACK_FILE_EXTENSION},application/json`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </FieldShell>
      <Button disabled={!file || busy} onClick={() => void submit()}>
        {busy ? t('packs.importing') : t('packs.import')}
      </Button>
    </section>
  );
}

function KeysSection({ keys }: { keys: { keyId: string; label: string; addedAt: string }[] }) {
  const { t } = useT('guides');
  const errorText = useErrorText();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const form = useForm<TrustedKeyInput>({
    resolver: zodResolver(trustedKeyInput),
    defaultValues: { label: '', publicKeyPem: '' },
  });
  const onSubmit = form.handleSubmit(async (input) => {
    try {
      const { keyId } = await api.call('guides.addKey', input);
      setNotice({ tone: 'success', text: t('packs.keyAdded', { keyId }) });
      form.reset();
    } catch (e) {
      const field = e instanceof ApiError ? e.body.fields?.publicKeyPem : undefined;
      if (field) form.setError('publicKeyPem', { message: field });
      else setNotice({ tone: 'error', text: errorText(e) });
    }
  });
  const remove = (keyId: string) =>
    api.call('guides.removeKey', { keyId }).catch((e: unknown) => setNotice({ tone: 'error', text: errorText(e) }));
  return (
    <section className="card" aria-labelledby="pack-keys">
      <h2 id="pack-keys">{t('packs.keysTitle')}</h2>
      <p>{t('packs.keysHint')}</p>
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {keys.length ? (
        <table className="guide-table">
          <thead>
            <tr>
              <th scope="col">{t('packs.keyName')}</th>
              <th scope="col">{t('packs.keyId')}</th>
              <th scope="col">{t('packs.addedAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('packs.removeKey')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.keyId}>
                <td>{k.label}</td>
                <td>
                  <code>{k.keyId}</code>
                </td>
                <td>{k.addedAt.slice(0, 10)}</td>
                <td>
                  <Button variant="ghost" onClick={() => void remove(k.keyId)}>
                    {t('packs.removeKey')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Notice tone="warning">{t('packs.noKeys')}</Notice>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label={t('packs.keyLabel')}
          error={form.formState.errors.label?.message}
          {...form.register('label')}
        />
        <FieldShell label={t('packs.keyPem')} error={form.formState.errors.publicKeyPem?.message}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={5}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className="guide-pem"
              {...form.register('publicKeyPem')}
            />
          )}
        </FieldShell>
        <FieldShell label={t('packs.keyFile')}>
          {({ id }) => (
            <input
              id={id}
              type="file"
              accept=".pem,.pub,text/plain"
              onChange={(e) =>
                void e.target.files?.[0]?.text().then((text) => form.setValue('publicKeyPem', text.trim()))
              }
            />
          )}
        </FieldShell>
        <Button type="submit">{t('packs.addKey')}</Button>
      </form>
    </section>
  );
}
