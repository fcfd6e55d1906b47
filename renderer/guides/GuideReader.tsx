import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '../../shared/guides/schemas';
import { navigate, useHashRoute } from '../app/router';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { CitizenFrame } from '../ui/Page';
import { GuideFacts } from './GuideFacts';
import { GuideSearch } from './GuideSearch';
import { speak, useVietnameseVoice } from './speech';
import { guideStepKey, guideTitleKey } from '../../shared/community/keys';
import { CitizenTextsProvider, useCitizenTexts } from '../community/CitizenTexts';
import { isMinority } from '../community/citizenLanguage';
import { ListenButton, Say } from '../community/Say';
import { parseGuideHash, useLocalized } from './text';
import './guides.css';
import { LocalText } from './LocalText';

/** Public reading mode (#/guides, #/guides/<id>): large type, one step at a time, read aloud. */
export function GuideReader() {
  const { t } = useTranslation('guides');
  const route = useHashRoute();
  const { id } = parseGuideHash(route, '/guides');
  const footer = (
    <>
      <Button variant="secondary" size="large" onClick={() => navigate(id ? '/guides' : '/kiosk')}>{id ? t('reading.allGuides') : t('reading.backToStart')}</Button>
      <span>{t('reading.askStaff')}</span>
      <LanguageSwitch />
    </>
  );
  return (
    <CitizenTextsProvider>
      <CitizenFrame footer={footer}>{id ? <Reader key={id} id={id} /> : <GuideList />}</CitizenFrame>
    </CitizenTextsProvider>
  );
}

function GuideList() {
  const { t } = useTranslation('guides');
  return (
    <>
      <h1>{t('reading.title')}</h1>
      <p className="guide-lead">{t('reading.intro')}</p>
      <GuideSearch large hrefOf={(id) => `#/guides/${id}`} />
    </>
  );
}

function Reader({ id }: { id: string }) {
  const { t } = useTranslation('guides');
  const view = useQuery('guides.get', { id }, { refreshOn: ['guides.changed'] });
  if (!view.data) return <p role="status">{view.error ? view.error.body.message.vi : t('common:loading')}</p>;
  return <Steps view={view.data} />;
}

/** Step 0 is the overview; 1…n the steps; n+1 the end. */
function Steps({ view }: { view: GuideView }) {
  const { t } = useTranslation('guides');
  const l = useLocalized();
  const { guide } = view;
  const [at, setAt] = useState(0);
  const [reading, setReading] = useState(false);
  const voice = useVietnameseVoice();
  const heading = useRef<HTMLHeadingElement>(null);
  const total = guide.steps.length;
  const step = at >= 1 && at <= total ? guide.steps[at - 1]! : null;
  // In Jrai or Bahnar: the team's own words and voice for the title and the steps, where they exist.
  const { sayKey, language } = useCitizenTexts();
  const title = sayKey(guideTitleKey(guide.id), l(guide.title));
  const instruction = step ? sayKey(guideStepKey(guide.id, step.key), l(step.instruction)) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each move to another step.
  useEffect(() => {
    heading.current?.focus();
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    setReading(false);
  }, [at]);

  const spoken = step
    ? [t('reading.stepOf', { n: at, total }), l(step.instruction), l(step.detail), t('reading.screenShows'), l(step.screenShows)].filter(Boolean).join('. ')
    : [l(guide.title), l(guide.summary)].join('. ');
  const readAloud = () => {
    if (!voice) return;
    if (reading) {
      speechSynthesis.cancel();
      setReading(false);
      return;
    }
    setReading(true);
    speak(voice, spoken, () => setReading(false));
  };
  const stepErrors = step ? guide.commonErrors.filter((e) => e.step === step.key) : [];

  return (
    <article className="guide-reader">
      {/* The team's own words where they exist (Jrai, Bahnar), else the guide's text with its true lang. */}
      <p className="guide-kicker">{title.entry ? <Say said={title} /> : <LocalText text={guide.title} />}</p>
      {at === 0 ? (
        <>
          <h1 ref={heading} tabIndex={-1}>{t('reading.overview')}</h1>
          <p className="guide-lead"><LocalText text={guide.summary} /></p>
          <GuideFacts guide={guide} />
        </>
      ) : step ? (
        <>
          <p className="guide-progress" aria-hidden="true">{guide.steps.map((s, i) => <span key={s.key} className={i < at ? 'on' : ''} />)}</p>
          <h1 ref={heading} tabIndex={-1} className="guide-step-title">
            <span className="guide-step-count">{t('reading.stepOf', { n: at, total })}</span>
            {instruction!.entry ? <Say said={instruction!} /> : <LocalText text={step.instruction} />}
          </h1>
          {isMinority(language) ? <ListenButton items={[instruction!]} /> : null}
          <div className="guide-step">
            <figure>
              <img src={view.pictures[step.picture]} alt={l(step.screenShows)} />
            </figure>
            <div>
              {step.detail ? <p><LocalText text={step.detail} /></p> : null}
              <p className="guide-screen-shows"><strong>{t('reading.screenShows')}</strong> <LocalText text={step.screenShows} /></p>
              {step.video && view.videoBase ? (
                <video controls preload="none" src={`${view.videoBase}${step.video}`} aria-label={t('reading.video')}>
                  <track kind="captions" />
                </video>
              ) : null}
              {stepErrors.map((e) => (
                <details key={e.key} className="guide-error">
                  <summary><LocalText text={e.whatHappens} /></summary>
                  <p>{t('facts.whatToDo')} <LocalText text={e.whatToDo} /></p>
                </details>
              ))}
            </div>
          </div>
        </>
      ) : (
        <>
          <h1 ref={heading} tabIndex={-1}>{t('reading.done')}</h1>
          <p className="guide-lead">{t('reading.doneHint')}</p>
        </>
      )}
      <nav className="guide-nav" aria-label={t('reading.title')}>
        <Button variant="secondary" size="huge" disabled={at === 0} onClick={() => setAt(at - 1)}>{t('reading.back')}</Button>
        {voice && at <= total ? <Button variant="ghost" size="huge" onClick={readAloud} aria-pressed={reading}>{reading ? t('reading.stopReading') : t('reading.readAloud')}</Button> : null}
        {at <= total ? (
          <Button size="huge" onClick={() => setAt(at + 1)}>{at === 0 ? t('reading.start') : at === total ? t('reading.finish') : t('reading.next')}</Button>
        ) : (
          <Button size="huge" onClick={() => navigate('/guides')}>{t('reading.allGuides')}</Button>
        )}
      </nav>
    </article>
  );
}
