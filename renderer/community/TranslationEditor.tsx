import { useState } from 'react';
import { dataKey, useT } from '../app/useT';
import type { CommunityEntry, CommunityLanguage, SourceItem } from '#shared/community/schemas';
import { api, ApiError } from '../api/client';
import { useErrorText } from '../app/errors';
import { Button } from '../ui/Button';
import { bytesToBase64 } from '../ui/download';
import { SelectField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { forgetRecordings, play, recordingUrl } from './playback';
import { useRecorder, type Recording } from './useRecorder';

interface Props {
  language: CommunityLanguage;
  languageTag: string;
  item: SourceItem;
  entry: CommunityEntry | null;
  speakers: readonly { id: number; fullName: string }[];
  translatorId: number | null;
  onSaved: () => void;
  onNext: () => void;
}

/** One sentence: the Vietnamese, the member's own words for it, their recording, and a second speaker's check. */
export function TranslationEditor({
  language,
  languageTag,
  item,
  entry,
  speakers,
  translatorId,
  onSaved,
  onNext,
}: Props) {
  const { t } = useT('community');
  const errorText = useErrorText();
  const [text, setText] = useState(entry?.text ?? '');
  const [reviewerId, setReviewerId] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const languageName = t(`common:language.${language}`);
  const ref = { language, key: item.key };

  async function run(action: () => Promise<unknown>, success = t('workbench.saved')) {
    setMessage(null);
    setFieldError(null);
    try {
      await action();
      forgetRecordings();
      setMessage({ tone: 'success', text: success });
      onSaved();
      return true;
    } catch (error) {
      const fields = error instanceof ApiError ? error.body.fields : undefined;
      const first = fields ? Object.values(fields)[0] : undefined;
      if (first) setFieldError(first);
      setMessage({ tone: 'error', text: first ? t(dataKey(first)) : errorText(error) });
      return false;
    }
  }

  const upload = async ({ blob, mime }: Recording) => {
    const base64 = bytesToBase64(await blob.arrayBuffer());
    await run(() => api.call('community.record', { ...ref, mime, base64 }));
  };
  const recorder = useRecorder((r) => void upload(r));
  const listen = async () => {
    const url = await recordingUrl(language, item.key);
    if (url) await play(url);
  };
  const reviewers = speakers.filter((s) => s.id !== entry?.translatorId);

  return (
    <section className="card community-editor" aria-labelledby="community-source">
      <h2 id="community-source">{t('workbench.source')}</h2>
      <p className="community-source" lang="vi">
        {item.source}
      </p>
      <div
        className={`field ${fieldError === 'community:problems.required' || fieldError === 'community:problems.tooLong' ? 'field-invalid' : ''}`}
      >
        <label htmlFor="community-text">{t('workbench.translation', { language: languageName })}</label>
        <textarea
          id="community-text"
          lang={languageTag}
          rows={4}
          maxLength={600}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="page-actions">
        <Button
          disabled={!translatorId || !text.trim()}
          onClick={() => void run(() => api.call('community.save', { ...ref, text, translatorId: translatorId! }))}
        >
          {t('workbench.save')}
        </Button>
        <Button variant="ghost" onClick={onNext}>
          {t('common:actions.next')}
        </Button>
      </div>
      {!translatorId ? <p className="field-hint">{t('workbench.chooseTranslatorFirst')}</p> : null}
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {entry ? (
        <>
          <p className="community-meta">
            {entry.origin === 'pack' && entry.sourceCommune
              ? t('workbench.fromCommune', { commune: entry.sourceCommune })
              : t('workbench.by', { name: entry.translatorName })}
            {' · '}
            {entry.reviewed ? t('workbench.reviewed', { name: entry.reviewerName }) : t('workbench.notReviewed')}
          </p>
          <h3>{t('workbench.recordTitle')}</h3>
          <div className="page-actions">
            {recorder.recording ? (
              <Button variant="danger" onClick={recorder.stop}>
                {t('workbench.stop', { seconds: recorder.seconds })}
              </Button>
            ) : (
              <Button variant="secondary" onClick={() => void recorder.start()}>
                {t('workbench.record')}
              </Button>
            )}
            {entry.audio ? (
              <Button variant="secondary" onClick={() => void listen()}>
                {t('workbench.play')}
              </Button>
            ) : null}
            {entry.audio ? (
              <Button variant="ghost" onClick={() => void run(() => api.call('community.removeRecording', ref))}>
                {t('workbench.removeRecording')}
              </Button>
            ) : null}
          </div>
          {entry.audio ? (
            <p className="community-meta">
              {t('workbench.hasAudio', { kb: Math.max(1, Math.round(entry.audio.bytes / 1024)) })}
            </p>
          ) : null}
          {recorder.error ? (
            <Notice tone="error">{t('workbench.noMicrophone', { reason: recorder.error })}</Notice>
          ) : null}
          <h3>{t('workbench.reviewTitle')}</h3>
          {entry.reviewed ? (
            <Button
              variant="secondary"
              onClick={() => void run(() => api.call('community.review', { ...ref, reviewerId: null }))}
            >
              {t('workbench.clearReview')}
            </Button>
          ) : (
            <div className="community-review">
              <SelectField
                label={t('workbench.reviewer')}
                value={reviewerId ?? ''}
                onChange={(e) => setReviewerId(Number(e.target.value) || null)}
                options={[
                  { value: '', label: t('workbench.chooseTranslator') },
                  ...reviewers.map((s) => ({ value: String(s.id), label: s.fullName })),
                ]}
              />
              <Button
                variant="secondary"
                disabled={!reviewerId}
                onClick={() => void run(() => api.call('community.review', { ...ref, reviewerId }))}
              >
                {t('workbench.markReviewed')}
              </Button>
            </div>
          )}
          <div className="page-actions community-danger">
            <Button variant="ghost" onClick={() => void run(() => api.call('community.remove', ref))}>
              {t('workbench.remove')}
            </Button>
          </div>
        </>
      ) : (
        <p className="field-hint">{t('workbench.recordFirst')}</p>
      )}
    </section>
  );
}
