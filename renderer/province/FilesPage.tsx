import { useState, type FormEvent } from 'react';
import { dataKey, useT } from '../app/useT';
import { formatDate, formatTime } from '#shared/format/vietnamese';
import { UPLOAD_FILES_MAX, type HubOutput } from '#shared/province/contract';
import { MAX_BATCH_BYTES } from '#shared/uploads/batch';
import { bytesToBase64 } from '../ui/download';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { HubError, hubCall, useHub } from './client';
import { Loading, useErrorText } from './common';

const MB = MAX_BATCH_BYTES / 1024 / 1024;

/** Files from a USB stick (checked like a point's POST) and the quarantine with its reasons. */
export function FilesPage() {
  const { t } = useT('province');
  const text = useErrorText();
  const quarantine = useHub('hub.quarantine', {}, { live: true });
  const [outcomes, setOutcomes] = useState<HubOutput<'hub.upload'>['outcomes'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('files') as HTMLInputElement;
    const chosen = [...(input.files ?? [])];
    setProblem(null);
    if (chosen.length > UPLOAD_FILES_MAX) return setProblem(t('files.upload.tooMany', { files: UPLOAD_FILES_MAX }));
    // The size is checked before a byte is read.
    const large = chosen.find((f) => f.size > MAX_BATCH_BYTES);
    if (large) return setProblem(t('files.upload.tooLarge', { name: large.name, mb: MB }));
    setBusy(true);
    try {
      // One file a call: each is checked and stored on its own, and a large one never rides with others.
      const all: HubOutput<'hub.upload'>['outcomes'] = [];
      for (const f of chosen)
        all.push(
          ...(await hubCall('hub.upload', { files: [{ name: f.name, base64: bytesToBase64(await f.arrayBuffer()) }] }))
            .outcomes,
        );
      setOutcomes(all);
    } catch (caught) {
      setProblem(caught instanceof HubError ? text(caught.body) : String(caught));
    } finally {
      setBusy(false);
    }
  };
  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
      quarantine.reload();
    } catch (caught) {
      setProblem(caught instanceof HubError ? text(caught.body) : String(caught));
    }
  };
  const fingerprints = [
    ...new Set(
      quarantine.data?.files.filter((f) => f.reason === 'unknown_key' && f.fingerprint).map((f) => f.fingerprint!) ??
        [],
    ),
  ];

  return (
    <Page title={t('files.title')}>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <section className="card" aria-labelledby="upload-title">
        <h2 id="upload-title">{t('files.upload.title')}</h2>
        <p>{t('files.upload.intro', { mb: MB, files: UPLOAD_FILES_MAX })}</p>
        <form onSubmit={(e) => void upload(e)}>
          <div className="field">
            <label htmlFor="batch-files">{t('files.upload.choose')}</label>
            <input id="batch-files" name="files" type="file" multiple accept=".json,application/json" required />
          </div>
          <button type="submit" className="btn btn-primary btn-normal" disabled={busy}>
            {t('files.upload.submit')}
          </button>
        </form>
        {outcomes ? (
          <table className="data hub-outcomes">
            <caption>{t('files.upload.result')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('files.quarantine.file')}</th>
                <th scope="col">{t('files.upload.result')}</th>
                <th scope="col">{t('files.quarantine.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((o, i) => (
                <tr key={`${o.label}:${i}`}>
                  <td>{o.label}</td>
                  <td>{t(dataKey(`province:files.upload.status.${o.status}`))}</td>
                  <td>{o.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section className="card" aria-labelledby="quarantine-title">
        <h2 id="quarantine-title">{t('files.quarantine.title')}</h2>
        <p>{t('files.quarantine.intro')}</p>
        {!quarantine.data ? (
          <Loading error={quarantine.error} retry={quarantine.reload} />
        ) : quarantine.data.files.length === 0 ? (
          <p>{t('files.quarantine.none')}</p>
        ) : (
          <>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('files.quarantine.at')}</th>
                  <th scope="col">{t('files.quarantine.reason')}</th>
                  <th scope="col">{t('files.quarantine.commune')}</th>
                  <th scope="col">{t('files.quarantine.fingerprint')}</th>
                  <th scope="col">{t('files.quarantine.seq')}</th>
                  <th scope="col">{t('files.quarantine.file')}</th>
                </tr>
              </thead>
              <tbody>
                {quarantine.data.files.map((f) => (
                  <tr key={f.id}>
                    <td>
                      {formatDate(f.at)} {formatTime(f.at)}
                    </td>
                    <td>{t(`files.quarantine.reasons.${f.reason}`)}</td>
                    <td>{f.communeName ?? ''}</td>
                    <td>
                      <code>{f.fingerprint ?? ''}</code>
                    </td>
                    <td className="num">{f.seq ?? ''}</td>
                    <td>{f.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {fingerprints.map((fp) => (
              <div key={fp} className="hub-key-actions">
                <code>{fp}</code>
                <button
                  type="button"
                  className="btn btn-secondary btn-normal"
                  onClick={() =>
                    void act(() => hubCall('hub.release', { fingerprint: fp }).then((r) => setOutcomes(r.outcomes)))
                  }
                >
                  {t('files.quarantine.release')}
                </button>
                <button
                  type="button"
                  className="btn btn-danger btn-normal"
                  onClick={() => {
                    const reason = window.prompt(t('files.quarantine.dropReason'));
                    if (reason)
                      void act(() =>
                        hubCall('hub.drop', { fingerprint: fp, reason }).then((r) =>
                          setProblem(t('files.quarantine.dropped', { count: r.dropped })),
                        ),
                      );
                  }}
                >
                  {t('files.quarantine.drop')}
                </button>
              </div>
            ))}
          </>
        )}
      </section>
    </Page>
  );
}
