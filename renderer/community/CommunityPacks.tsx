import { useState } from 'react';
import { dataKey, useT } from '../app/useT';
import { COMMUNITY_PACK_EXTENSION } from '#shared/community/pack-format';
import { api, ApiError } from '../api/client';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { bytesToBase64, downloadFile } from '../ui/download';
import { Notice } from '../ui/Notice';

/** Out to the province (a file to carry), and back from it (a pack it signed, admin only). */
export function CommunityPacks({ admin }: { admin: boolean }) {
  const { t } = useT('community');
  const errorText = useErrorText();
  const packs = useQuery('community.packs', {}, { refreshOn: ['community.changed'] });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [file, setFile] = useState<File | null>(null);

  const exportFile = async () => {
    try {
      downloadFile(await api.call('community.exportSubmission', {}));
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    }
  };
  const importFile = async () => {
    if (!file) return;
    try {
      const result = await api.call('community.importPack', {
        fileName: file.name,
        base64: bytesToBase64(await file.arrayBuffer()),
      });
      setMessage({ tone: 'success', text: t('workbench.imported', result) });
    } catch (error) {
      const reason = error instanceof ApiError ? error.body.params?.reason : undefined;
      setMessage({
        tone: 'error',
        text: reason ? t('workbench.refused', { reason: t(dataKey(`guides:refused.${reason}`)) }) : errorText(error),
      });
    }
  };

  return (
    <div className="community-two">
      <section className="card" aria-labelledby="community-export">
        <h2 id="community-export">{t('workbench.exportTitle')}</h2>
        <p>{t('workbench.exportHint')}</p>
        <Button variant="secondary" onClick={() => void exportFile()}>
          {t('workbench.export')}
        </Button>
      </section>
      <section className="card" aria-labelledby="community-import">
        <h2 id="community-import">{t('workbench.importTitle')}</h2>
        <p>{t('workbench.importHint')}</p>
        {admin ? (
          <div className="page-actions">
            <label className="btn btn-secondary">
              {t('workbench.importFile')}
              <input
                type="file"
                className="visually-hidden"
                accept={COMMUNITY_PACK_EXTENSION}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </label>
            <Button disabled={!file} onClick={() => void importFile()}>
              {t('workbench.install')}
            </Button>
          </div>
        ) : (
          <p className="field-hint">{t('workbench.adminImports')}</p>
        )}
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        <h3>{t('workbench.packs')}</h3>
        {packs.data?.packs.length ? (
          <ul>
            {packs.data.packs.map((p) => (
              <li key={p.version}>{t('workbench.packLine', { ...p, at: p.installedAt.slice(0, 10) })}</li>
            ))}
          </ul>
        ) : (
          <p>{t('workbench.noPacks')}</p>
        )}
      </section>
    </div>
  );
}
