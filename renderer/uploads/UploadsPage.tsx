import { useState, type ChangeEvent } from 'react';
import { dataKey, useT } from '../app/useT';
import { formatDate, formatDateRange, formatDateTime } from '#shared/format/vietnamese';
import type { BatchView } from '#shared/uploads/contract';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { downloadFile } from '../ui/download';
import { ProvinceSettings } from './ProvinceSettings';
import { ProvinceWarning } from './ProvinceWarning';
import './uploads.css';

export function UploadsPage() {
  const { t } = useT('uploads');
  const errorText = useErrorText();
  const status = useQuery('uploads.status', { limit: 60 }, { refreshOn: ['uploads.changed', 'settings.changed'] });
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [folder, setFolder] = useState('');
  const bridge = window.dhs;

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ tone: 'success', text: await work() });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
      status.reload();
    }
  };
  const cut = () =>
    act(async () => {
      const { batches } = await api.call('uploads.cutNow', {});
      return batches.length ? t('actions.cutDone', { count: batches.length }) : t('actions.nothingToCut');
    });
  const download = (seq: number | null) =>
    act(async () => {
      downloadFile(await api.call('uploads.download', { seq }));
      return t('actions.downloadHint');
    });
  const saveFolder = () =>
    act(async () => {
      const { files } = await api.call('uploads.saveToFolder', { directory: folder });
      return files.length ? t('actions.saved', { count: files.length }) : t('actions.savedNone');
    });
  const send = () =>
    act(async () => {
      const result = await api.call('uploads.send', {});
      if (result.failed) throw new Error(t('actions.sendFailed', { reason: errorWords(result.failed.error) }));
      return result.skipped ? t('actions.sendSkipped') : t('actions.sendDone', { count: result.acknowledged.length });
    });
  const receipts = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    if (files.length === 0) return;
    void act(async () => {
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      const result = await api.call('uploads.importReceipts', { files: read });
      return t('actions.receiptsDone', { ok: result.acknowledged.length, bad: result.rejected.length });
    });
  };
  const errorWords = (code: string, detail: string | null = null) => {
    const [head, ...rest] = code.split(':');
    return t(dataKey(`errors.${head}`), { detail: detail ?? rest.join(':') });
  };

  const s = status.data;
  return (
    <Page title={t('nav')}>
      <p>{t('intro')}</p>
      <ProvinceWarning link={false} />
      {status.error ? <Notice tone="error">{errorText(status.error)}</Notice> : null}
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {s ? (
        <>
          <section className="card" aria-labelledby="uploads-summary">
            <h2 id="uploads-summary">{t('summary.title')}</h2>
            <ul className="uploads-counts">
              <li>
                <strong>{s.waitingChanges}</strong> {t('summary.waitingChanges')}
              </li>
              <li>
                <strong>{s.dueDays.length}</strong> {t('summary.dueDays')}
              </li>
              <li>
                <strong>{s.counts.waiting}</strong> {t('summary.waiting')}
              </li>
              <li>
                <strong>{s.counts.saved}</strong> {t('summary.saved')}
              </li>
              <li className={s.counts.failed ? 'uploads-bad' : ''}>
                <strong>{s.counts.failed}</strong> {t('summary.failed')}
              </li>
              <li>
                <strong>{s.counts.acknowledged}</strong> {t('summary.acknowledged')}
              </li>
            </ul>
            <p>
              {s.lastAcknowledgedAt
                ? t('summary.lastAck', { at: formatDateTime(s.lastAcknowledgedAt) })
                : t('summary.never')}
            </p>
            {s.dueDays.length ? (
              <p>{t('summary.dueList', { days: s.dueDays.slice(0, 10).map(formatDate).join(', ') })}</p>
            ) : null}
          </section>
          <section className="card" aria-labelledby="uploads-actions">
            <h2 id="uploads-actions">{t('actions.title')}</h2>
            <div className="uploads-actions">
              <Button onClick={() => void cut()} disabled={busy}>
                {t('actions.cut')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => void download(null)}
                disabled={busy || s.counts.waiting + s.counts.saved + s.counts.failed === 0}
              >
                {t('actions.download')}
              </Button>
              <Button variant="secondary" onClick={() => void send()} disabled={busy || !s.ready.provinceUrl}>
                {t('actions.send')}
              </Button>
            </div>
            <p className="field-hint">{t('actions.downloadHint')}</p>
            {bridge ? (
              <div className="uploads-folder">
                <TextField
                  label={t('actions.folder')}
                  hint={t('actions.folderHint')}
                  value={folder}
                  onChange={(e) => setFolder(e.target.value)}
                />
                <Button variant="ghost" onClick={() => void bridge.chooseFolder().then((p) => p && setFolder(p))}>
                  {t('common:actions.chooseFolder')}
                </Button>
                <Button variant="secondary" onClick={() => void saveFolder()} disabled={busy || !folder.trim()}>
                  {t('actions.saveFolder')}
                </Button>
              </div>
            ) : null}
            <label className="uploads-receipts">
              <span>{t('actions.receipts')}</span>
              <input
                type="file"
                multiple
                accept=".json,application/json"
                onChange={receipts}
                aria-describedby="receipts-hint"
              />
            </label>
            <p id="receipts-hint" className="field-hint">
              {t('actions.receiptsHint')}
            </p>
          </section>
          <BatchTable batches={s.batches} onDownload={(seq) => void download(seq)} errorWords={errorWords} />
          <ProvinceSettings status={s} />
        </>
      ) : null}
    </Page>
  );
}

function BatchTable({
  batches,
  onDownload,
  errorWords,
}: {
  batches: BatchView[];
  onDownload: (seq: number) => void;
  errorWords: (code: string, detail: string | null) => string;
}) {
  const { t } = useT('uploads');
  const days = (b: BatchView) => {
    const span = b.periodFrom ? formatDateRange(b.periodFrom, b.periodTo!) : t('list.noDays');
    return b.closesDays.length
      ? `${span} (${t('list.closes', { days: b.closesDays.map(formatDate).join(', ') })})`
      : span;
  };
  return (
    <section className="card" aria-labelledby="uploads-list">
      <h2 id="uploads-list">{t('list.title')}</h2>
      {batches.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.seq')}</th>
              <th scope="col">{t('list.kind')}</th>
              <th scope="col">{t('list.days')}</th>
              <th scope="col">{t('list.records')}</th>
              <th scope="col">{t('list.state')}</th>
              <th scope="col">{t('list.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.seq}>
                <td>{b.seq}</td>
                <td>{t(`list.kinds.${b.kind}`)}</td>
                <td>{days(b)}</td>
                <td>{b.records}</td>
                <td>
                  <span className={`uploads-state uploads-state-${b.state}`}>{t(`states.${b.state}`)}</span>
                </td>
                <td>
                  {b.state === 'acknowledged' && b.acknowledgedAt
                    ? t('detail.acknowledged', { at: formatDateTime(b.acknowledgedAt) })
                    : null}
                  {b.state === 'saved' && b.savedAt ? t('detail.saved', { at: formatDateTime(b.savedAt) }) : null}
                  {b.state === 'failed' && b.error ? (
                    <>
                      {errorWords(b.error, b.errorDetail)}
                      {b.nextAttemptAt && b.error !== 'refused' ? (
                        <> {t('detail.retry', { at: formatDateTime(b.nextAttemptAt), attempts: b.attempts })}</>
                      ) : null}
                    </>
                  ) : null}{' '}
                  <Button variant="ghost" onClick={() => onDownload(b.seq)}>
                    {t('list.download', { seq: b.seq })}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
