import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { dataKey, useT } from '../app/useT';
import type { z } from 'zod';
import { formatBytes, formatDateTime } from '#shared/format/vietnamese';
import { backupSettings, type RestoreSource } from '#shared/backups/schemas';
import { api, ApiError } from '../api/client';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { downloadFile } from '../ui/download';
import { fileToBase64 } from './format';

type Message = { tone: 'success' | 'error' | 'info'; text: string } | null;

/** The error's message, plus the precise reason a file was refused when the core gives one. */
function useProblemText() {
  const { t } = useT('backups');
  const errorText = useErrorText();
  return (error: unknown) => {
    const reason = error instanceof ApiError ? Object.values(error.body.fields ?? {})[0] : undefined;
    return reason?.includes(':') ? `${errorText(error)} ${t(dataKey(reason))}` : errorText(error);
  };
}

export function BackupsPage() {
  const { t } = useT('backups');
  const problem = useProblemText();
  const status = useQuery('backups.status', {});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [folder, setFolder] = useState('');
  const [confirm, setConfirm] = useState<{ source: RestoreSource; label: string } | null>(null);
  const [restorePassphrase, setRestorePassphrase] = useState('');

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setMessage({ tone: 'info', text: t('now.working') });
    try {
      const text = await work();
      setMessage(text ? { tone: 'success', text } : null);
    } catch (error) {
      setMessage({ tone: 'error', text: problem(error) });
    } finally {
      setBusy(false);
      status.reload();
    }
  };
  const backUp = (directory?: string) =>
    run(async () => {
      const made = await api.call('backups.create', directory ? { directory } : {});
      return t('now.done', { file: made.path, size: formatBytes(made.bytes) });
    });
  const download = () =>
    run(async () => {
      const file = await api.call('backups.download', {});
      downloadFile(file);
      return t('now.done', { file: file.fileName, size: formatBytes(Math.floor((file.base64.length * 3) / 4)) });
    });
  const restore = (source: RestoreSource, label: string) =>
    run(async () => {
      setConfirm(null);
      const withPassphrase =
        source.kind !== 'stored' && restorePassphrase ? { ...source, passphrase: restorePassphrase } : source;
      setRestorePassphrase('');
      await api.call('backups.restore', { source: withPassphrase });
      return t('restore.staged', { source: label });
    });
  const cancelRestore = () =>
    run(async () => {
      await api.call('backups.cancelRestore', {});
      return t('restore.cancelled');
    });
  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    setConfirm({ source: { kind: 'upload', fileName: file.name, base64: await fileToBase64(file) }, label: file.name });
  };

  const s = status.data;
  return (
    <Page title={t('page.title')}>
      <p>{t('page.intro')}</p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {s?.pendingRestore ? (
        <Notice tone="warning">
          {t('restore.pending', { source: s.pendingRestore.source, at: formatDateTime(s.pendingRestore.stagedAt) })}{' '}
          <Button variant="secondary" onClick={cancelRestore} disabled={busy}>
            {t('restore.cancel')}
          </Button>
        </Notice>
      ) : null}
      {s?.lastRestore ? (
        <Notice tone={s.lastRestore.ok ? 'success' : 'error'}>
          {t(s.lastRestore.ok ? 'restore.lastOk' : 'restore.lastFailed', {
            source: s.lastRestore.source,
            at: formatDateTime(s.lastRestore.at),
          })}
        </Notice>
      ) : null}
      {s?.lastError ? <Notice tone="error">{t('page.lastError', { error: s.lastError })}</Notice> : null}

      <section className="card" aria-labelledby="backups-now">
        <h2 id="backups-now">{t('now.title')}</h2>
        <p>
          <strong>{t('page.folder')}:</strong> <code>{s?.directory ?? ''}</code>
        </p>
        <p>
          <strong>{t('page.lastBackup')}:</strong> {s?.lastBackupAt ? formatDateTime(s.lastBackupAt) : t('page.never')}
        </p>
        <div className="form-actions">
          <Button size="large" onClick={() => backUp()} disabled={busy}>
            {t('now.intoFolder')}
          </Button>
          <Button size="large" variant="secondary" onClick={download} disabled={busy}>
            {t('now.download')}
          </Button>
        </div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (folder.trim()) void backUp(folder.trim());
          }}
        >
          <TextField
            label={t('now.folderPath')}
            hint={t('now.folderHint')}
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            spellCheck={false}
          />
          <div className="form-actions">
            {window.dhs ? (
              <Button variant="ghost" onClick={() => void window.dhs!.chooseFolder().then((p) => p && setFolder(p))}>
                {t('common:actions.chooseFolder')}
              </Button>
            ) : null}
            <Button type="submit" variant="secondary" disabled={busy || !folder.trim()}>
              {t('now.toUsb')}
            </Button>
          </div>
        </form>
      </section>

      <PassphraseForm
        passphraseSet={s?.passphraseSet}
        onSaved={(text) => {
          setMessage({ tone: 'success', text });
          status.reload();
        }}
        onError={(e) => setMessage({ tone: 'error', text: problem(e) })}
      />

      <RetentionForm
        keepDays={s?.keepDays}
        onSaved={(text) => setMessage({ tone: 'success', text })}
        onError={(e) => setMessage({ tone: 'error', text: problem(e) })}
      />

      <section className="card" aria-labelledby="backups-list">
        <h2 id="backups-list">{t('list.title')}</h2>
        {s && s.backups.length === 0 ? <p>{t('list.empty')}</p> : null}
        {s && s.backups.length > 0 ? (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('list.name')}</th>
                <th scope="col">{t('list.kind')}</th>
                <th scope="col">{t('list.at')}</th>
                <th scope="col">{t('list.size')}</th>
                <th scope="col">{t('list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {s.backups.map((b) => (
                <tr key={b.name}>
                  <td>{b.name}</td>
                  <td>{t(`list.kinds.${b.kind}`)}</td>
                  <td>{formatDateTime(b.at)}</td>
                  <td>{formatBytes(b.bytes)}</td>
                  <td>
                    <Button
                      variant="ghost"
                      disabled={busy}
                      onClick={() => setConfirm({ source: { kind: 'stored', name: b.name }, label: b.name })}
                      aria-label={`${t('list.restore')}: ${b.name}`}
                    >
                      {t('list.restore')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section className="card" aria-labelledby="backups-restore">
        <h2 id="backups-restore">{t('restore.title')}</h2>
        <p>{t('restore.intro')}</p>
        <div className="field">
          <label htmlFor="backup-file">{t('restore.fromFile')}</label>
          <input
            id="backup-file"
            type="file"
            accept=".dhsbackup,application/octet-stream"
            disabled={busy}
            onChange={(e) => void pickFile(e.target.files?.[0]).finally(() => (e.target.value = ''))}
          />
        </div>
      </section>

      <Dialog
        title={t('restore.confirmTitle')}
        open={!!confirm}
        onClose={() => setConfirm(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(null)}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              variant="danger"
              disabled={busy}
              onClick={() => confirm && void restore(confirm.source, confirm.label)}
            >
              {t('restore.confirm')}
            </Button>
          </>
        }
      >
        <p>{confirm ? t('restore.confirmText', { source: confirm.label }) : null}</p>
        {confirm && confirm.source.kind !== 'stored' ? (
          <TextField
            label={t('restore.passphrase')}
            type="password"
            autoComplete="off"
            value={restorePassphrase}
            onChange={(e) => setRestorePassphrase(e.target.value)}
          />
        ) : null}
      </Dialog>
    </Page>
  );
}

/** The passphrase USB copies and downloads are sealed with, and what losing it costs. */
function PassphraseForm({
  passphraseSet,
  onSaved,
  onError,
}: {
  passphraseSet: boolean | undefined;
  onSaved: (text: string) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useT('backups');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.call('backups.setPassphrase', { passphrase });
      setPassphrase('');
      onSaved(t('passphrase.saved'));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="backups-passphrase">
      <h2 id="backups-passphrase">{t('passphrase.title')}</h2>
      <p>{t('passphrase.intro')}</p>
      <Notice tone="warning">{t('passphrase.lossWarning')}</Notice>
      <p>
        <strong>{passphraseSet ? t('passphrase.set') : t('passphrase.notSet')}</strong>
      </p>
      <TextField
        label={t('passphrase.label')}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        minLength={12}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      <Button type="submit" disabled={busy || passphrase.length < 12}>
        {t('passphrase.save')}
      </Button>
    </form>
  );
}

type RetentionValues = z.input<typeof backupSettings>;

function RetentionForm({
  keepDays,
  onSaved,
  onError,
}: {
  keepDays: number | undefined;
  onSaved: (text: string) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useT('backups');
  const { register, handleSubmit, reset, formState } = useForm<RetentionValues>({
    resolver: zodResolver(backupSettings),
  });
  useEffect(() => {
    if (keepDays !== undefined) reset({ keepDays });
  }, [keepDays, reset]);
  const save = handleSubmit(async (values) => {
    try {
      await api.call('backups.updateSettings', backupSettings.parse(values));
      onSaved(t('settings.saved'));
    } catch (error) {
      onError(error);
    }
  });
  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="backups-keep">
      <h2 id="backups-keep">{t('settings.title')}</h2>
      <TextField
        label={t('settings.keepDays')}
        hint={t('settings.keepDaysHint')}
        type="number"
        min={1}
        max={365}
        inputMode="numeric"
        error={formState.errors.keepDays?.message}
        {...register('keepDays', { valueAsNumber: true })}
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {t('common:actions.save')}
      </Button>
    </form>
  );
}
