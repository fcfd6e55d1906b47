import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { dataKey, useT, type Translate } from '../app/useT';
import type { CommonError, Fact, Guide, GuideStep } from '#shared/guides/pack-schema';
import type { GuideSummary, GuideView } from '#shared/guides/schemas';
import { navigate, useHashRoute } from '../app/router';
import { useQuery } from '../app/useQuery';
import { NameKeyboard } from '../queue/NameKeyboard';
import { useIdle } from '../queue/useIdle';
import { Button } from '../ui/Button';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Notice } from '../ui/Notice';
import { CitizenFrame } from '../ui/Page';
import { useFlow } from './flow';
import { Unconfirmed } from './GuideFacts';
import { guideHandoffHref } from './handoff';
import { LocalText } from './LocalText';
import { QrCode } from './QrCode';
import { speak, useVietnameseVoice } from './speech';
import { parseGuideHash, useLocalized } from './text';
import { guideStepKey, guideTitleKey } from '#shared/community/keys';
import { CitizenTextsProvider, useCitizenTexts } from '../community/CitizenTexts';
import { isMinority } from '../community/citizenLanguage';
import { ListenButton, Say } from '../community/Say';
import '../queue/queue.css';
import './guides.css';

/**
 * Public reading mode (#/guides, #/guides/<id>) for a citizen alone at the kiosk: search with the
 * kiosk's on-screen keyboard, cards with pictures, one page at a time that always fits the screen
 * (long content pages, it never scrolls), "chưa xác nhận" where a fact was not checked, and a way
 * to take a number for help at the end. Back to the kiosk's start after a while without touches.
 */
export function GuideReader() {
  const { t } = useT('guides');
  const route = useHashRoute();
  const { id } = parseGuideHash(route, '/guides');
  const footer = (
    <>
      <Button variant="secondary" size="huge" onClick={() => navigate(id ? '/guides' : '/kiosk')}>
        {id ? t('reading.allGuides') : t('reading.backToStart')}
      </Button>
      <span className="guide-footer-help">{t('reading.askStaff')}</span>
      <LanguageSwitch size="huge" />
    </>
  );
  return (
    <CitizenTextsProvider>
      <CitizenFrame footer={footer}>
        <div className="guide-fit">
          <IdleReturn route={route} />
          {id ? <Reader key={id} id={id} /> : <GuideList />}
        </div>
      </CitizenFrame>
    </CitizenTextsProvider>
  );
}

/** Like the kiosk: after the kiosk's idle time without a touch, back to its start screen in Vietnamese. */
function IdleReturn({ route }: { route: string }) {
  const { t, i18n } = useT('guides');
  const info = useQuery('queue.kiosk', {}, { refreshOn: ['settings.changed', 'queue.changed'] });
  const seconds = info.data?.choiceIdleSeconds ?? 90;
  const left = useIdle(
    seconds,
    () => {
      void i18n.changeLanguage('vi');
      navigate('/kiosk');
    },
    `${route}-${seconds}`,
  );
  return left <= 10 ? <Notice tone="warning">{t('reading.idleWarning', { seconds: left })}</Notice> : null;
}

// ---------------------------------------------------------------------------------------------- list

function GuideList() {
  const { t } = useT('guides');
  const [query, setQuery] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const inputId = useId();
  const list = useQuery('guides.list', query.trim() ? { query } : {}, { refreshOn: ['guides.changed'] });
  const guides = list.data?.guides;
  return (
    <div className={`guide-browse${keyboard ? ' guide-browse-typing' : ''}`}>
      <div className="guide-browse-search">
        <h1>{t('reading.title')}</h1>
        <div role="search" className="guide-search-row">
          <div className="field guide-search-field">
            <label htmlFor={inputId}>{t('reading.searchLabel')}</label>
            <input
              id={inputId}
              type="search"
              inputMode="none"
              autoComplete="off"
              value={query}
              aria-describedby={`${inputId}-hint`}
              onChange={(e) => setQuery(e.target.value)}
              onFocus={() => setKeyboard(true)}
            />
            {keyboard ? null : (
              <p id={`${inputId}-hint`} className="field-hint">
                {t('reading.searchHint')}
              </p>
            )}
          </div>
          <Button
            variant={keyboard ? 'primary' : 'secondary'}
            size="huge"
            aria-pressed={keyboard}
            aria-controls={inputId}
            onClick={() => setKeyboard(!keyboard)}
          >
            {keyboard ? t('reading.keyboardHide') : t('reading.keyboard')}
          </Button>
          {query ? (
            <Button variant="ghost" size="huge" onClick={() => setQuery('')}>
              {t('reading.clearSearch')}
            </Button>
          ) : null}
        </div>
        {keyboard ? (
          <div className="guide-keyboard" id={`${inputId}-hint`}>
            <NameKeyboard
              value={query}
              onChange={setQuery}
              controls={inputId}
              label={t('reading.keyboardLabel')}
              hint={t('reading.keyboardHint')}
            />
          </div>
        ) : (
          <p className="guide-lead">{t('reading.intro')}</p>
        )}
      </div>
      {guides ? (
        <GuideCards guides={guides} resetKey={query} />
      ) : (
        <p role="status">{t(list.error ? 'common:offline' : 'common:loading')}</p>
      )}
    </div>
  );
}

function GuideCards({ guides, resetKey }: { guides: GuideSummary[]; resetKey: string }) {
  const { t } = useT('guides');
  const flow = useFlow<HTMLUListElement>(guides.length, resetKey);
  if (guides.length === 0)
    return (
      <p role="status" className="guide-cards-empty">
        {t('reading.noResults')}
      </p>
    );
  const shown = flow.measuring ? guides.slice(flow.start) : guides.slice(flow.start, flow.start + flow.shown);
  return (
    <section className="guide-results" aria-label={t('reading.title')}>
      <ul ref={flow.ref} className="guide-cards" aria-live="polite">
        {shown.map((g) => (
          <li key={g.id}>
            <a href={`#/guides/${g.id}`} className="guide-card">
              <img src={g.cover} alt="" width={80} height={80} />
              <span>
                <strong>
                  <LocalText text={g.title} />
                </strong>
                <span className="guide-card-summary">
                  <LocalText text={g.summary} />
                </span>
              </span>
            </a>
          </li>
        ))}
      </ul>
      <div className="guide-pager">
        {flow.hasPrevious ? (
          <Button variant="secondary" size="huge" onClick={flow.previous}>
            {t('reading.previousPage')}
          </Button>
        ) : (
          <span />
        )}
        <span role="status">
          {t('reading.shown', { from: flow.start + 1, to: flow.start + flow.shown, count: guides.length })}
        </span>
        {flow.hasMore ? (
          <Button size="huge" onClick={flow.next}>
            {t('reading.nextPage')}
          </Button>
        ) : (
          <span />
        )}
      </div>
    </section>
  );
}

// -------------------------------------------------------------------------------------------- reader

function Reader({ id }: { id: string }) {
  const { t } = useT('guides');
  const view = useQuery('guides.get', { id }, { refreshOn: ['guides.changed'] });
  if (!view.data) return <p role="status">{view.error ? view.error.body.message.vi : t('common:loading')}</p>;
  return <Sections view={view.data} />;
}

type Section =
  | { kind: 'overview' }
  | { kind: 'prepare' }
  | { kind: 'fees' }
  | { kind: 'video' }
  | { kind: 'step'; index: number }
  | { kind: 'errors' }
  | { kind: 'end' };

/** The pages of a guide in order; empty ones are left out. */
function sectionsOf(guide: Guide): Section[] {
  const out: Section[] = [{ kind: 'overview' }];
  if (guide.prerequisites.length || guide.documents.length) out.push({ kind: 'prepare' });
  out.push({ kind: 'fees' });
  guide.steps.forEach((_, index) => out.push({ kind: 'step', index }));
  if (guide.commonErrors.some((e) => !e.step)) out.push({ kind: 'errors' });
  out.push({ kind: 'end' });
  return out;
}

/** One piece of a page: it is moved to the next page whole when it does not fit. */
interface Block {
  key: string;
  node: ReactNode;
  /** Said by "read aloud" when the block is on screen. */
  spoken: string;
  unconfirmed?: boolean;
}

function Sections({ view }: { view: GuideView }) {
  const { guide } = view;
  const sections = sectionsOf(guide);
  const [at, setAt] = useState(0);
  const [video, setVideo] = useState(false);
  const section = video ? ({ kind: 'video' } as const) : sections[at]!;
  const go = (to: number) => {
    setVideo(false);
    setAt(Math.max(0, Math.min(sections.length - 1, to)));
  };
  return (
    <SectionPage
      key={video ? 'video' : at}
      view={view}
      section={section}
      first={at === 0 && !video}
      onBack={() => (video ? setVideo(false) : go(at - 1))}
      onNext={() => go(at + 1)}
      onVideo={() => setVideo(true)}
      nextLabel={nextLabel(sections, at)}
    />
  );
}

function nextLabel(sections: Section[], at: number): 'start' | 'next' | 'finish' | null {
  const next = sections[at + 1];
  if (!next) return null;
  if (sections[at]!.kind !== 'step' && next.kind === 'step') return 'start';
  if (next.kind === 'end') return 'finish';
  return 'next';
}

function SectionPage({
  view,
  section,
  first,
  onBack,
  onNext,
  onVideo,
  nextLabel: label,
}: {
  view: GuideView;
  section: Section;
  first: boolean;
  onBack: () => void;
  onNext: () => void;
  onVideo: () => void;
  nextLabel: 'start' | 'next' | 'finish' | null;
}) {
  const { t, i18n } = useT('guides');
  const l = useLocalized();
  const { guide } = view;
  const heading = useRef<HTMLHeadingElement>(null);
  const [errorsOpen, setErrorsOpen] = useState(false);
  const step = section.kind === 'step' ? guide.steps[section.index]! : null;
  const { title, blocks } = pageContent(view, section, errorsOpen, t, l, onVideo);
  // In Jrai or Bahnar: the team's own words and voice for the guide's title and its steps, where they exist.
  const { sayKey, language } = useCitizenTexts();
  const kicker = sayKey(guideTitleKey(guide.id), l(guide.title));
  const stepSaid = step ? sayKey(guideStepKey(guide.id, step.key), title) : null;
  const flow = useFlow<HTMLDivElement>(blocks.length, `${errorsOpen}-${i18n.language}`);
  const visible = flow.measuring ? blocks.slice(flow.start) : blocks.slice(flow.start, flow.start + flow.shown);
  // From the whole section, not the page: the line must not change the room the blocks share.
  const unsure = blocks.some((b) => b.unconfirmed);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page (`flow.start`) or the errors opening moves the focus to its heading.
  useEffect(() => {
    heading.current?.focus();
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  }, [flow.start, errorsOpen]);

  const stepErrors = step ? guide.commonErrors.filter((e) => e.step === step.key) : [];
  const back = () => (flow.hasPrevious ? flow.previous() : errorsOpen ? setErrorsOpen(false) : onBack());
  const next = () => (flow.hasMore ? flow.next() : errorsOpen ? setErrorsOpen(false) : onNext());
  const nextText = flow.hasMore
    ? t('reading.more')
    : errorsOpen
      ? t('reading.backToStep', { n: section.kind === 'step' ? section.index + 1 : 0 })
      : label === 'start'
        ? t('reading.start')
        : label === 'finish'
          ? t('reading.finish')
          : label === 'next'
            ? t('reading.next')
            : null;
  const spoken = [title, ...visible.map((b) => b.spoken)].filter(Boolean).join('. ');

  const text = (
    <div className="guide-page-text">
      <h1 ref={heading} tabIndex={-1} className="guide-page-title">
        {step ? (
          <span className="guide-step-count">
            {t('reading.stepOf', { n: section.kind === 'step' ? section.index + 1 : 0, total: guide.steps.length })}
          </span>
        ) : null}
        {stepSaid?.entry ? <Say said={stepSaid} /> : title}
      </h1>
      {stepSaid && isMinority(language) ? <ListenButton items={[stepSaid]} /> : null}
      <div ref={flow.ref} className="guide-flow">
        {visible.map((b) => (
          <div key={b.key} className="guide-block">
            {b.node}
          </div>
        ))}
      </div>
      {unsure ? (
        <p className="guide-ask">
          <strong>{t('reading.askWhenUnsure')}</strong> {l(guide.ask.text)}
        </p>
      ) : null}
      {step && stepErrors.length && !errorsOpen ? (
        <Button variant="secondary" size="huge" className="guide-step-errors" onClick={() => setErrorsOpen(true)}>
          {t('reading.stepErrors', { count: stepErrors.length })}
        </Button>
      ) : null}
    </div>
  );

  return (
    <article className={`guide-page guide-page-${section.kind}`}>
      <header className="guide-page-head">
        <p className="guide-kicker">{kicker.entry ? <Say said={kicker} /> : <LocalText text={guide.title} />}</p>
        {step ? (
          <p className="guide-progress" aria-hidden="true">
            {guide.steps.map((s, i) => (
              <span key={s.key} className={i <= (section.kind === 'step' ? section.index : -1) ? 'on' : ''} />
            ))}
          </p>
        ) : null}
      </header>
      <div className="guide-page-body">
        {step ? (
          <figure className="guide-step-picture">
            <img src={view.pictures[step.picture]} alt={l(step.screenShows)} />
          </figure>
        ) : section.kind === 'overview' ? (
          <figure className="guide-cover">
            <img src={view.pictures[guide.cover]} alt="" />
          </figure>
        ) : null}
        {text}
      </div>
      <GuideNav
        back={first && !flow.hasPrevious ? null : back}
        next={nextText ? next : null}
        nextText={nextText}
        spoken={spoken}
        lang={i18n.language}
      />
    </article>
  );
}

type T = Translate<'guides'>;
type L = ReturnType<typeof useLocalized>;

/** Title and blocks of a page, in the screen's language. */
function pageContent(
  view: GuideView,
  section: Section,
  errorsOpen: boolean,
  t: T,
  l: L,
  onVideo: () => void,
): { title: string; blocks: Block[] } {
  const { guide } = view;
  const fact = (key: string, label: string, f: Fact | undefined): Block[] => (f ? [factBlock(key, label, f, l)] : []);
  switch (section.kind) {
    case 'overview': {
      const blocks: Block[] = [
        {
          key: 'summary',
          node: (
            <p className="guide-lead">
              <LocalText text={guide.summary} />
            </p>
          ),
          spoken: l(guide.summary),
        },
        plain('audience', t('facts.audience'), l(guide.audience)),
        plain('vneid', t('facts.vneid'), t(dataKey(`facts.vneidLevel.${guide.vneidLevel}`))),
        ...fact('handled', t('facts.handledBy'), guide.handledBy),
      ];
      if (guide.walkthrough.status === 'recorded' && view.mediaBase) {
        blocks.push({
          key: 'video',
          node: (
            <Button variant="secondary" size="huge" onClick={onVideo}>
              {t('reading.walkthrough')}
            </Button>
          ),
          spoken: '',
        });
      }
      blocks.push({
        key: 'checked',
        node: <p className="guide-checked">{t('reading.checkedOn', { day: vietnameseDate(guide.lastChecked) })}</p>,
        spoken: '',
      });
      return { title: t('reading.overview'), blocks };
    }
    case 'prepare':
      return {
        title: t('reading.prepare'),
        blocks: [
          ...guide.prerequisites.map((f, i) => factBlock(`pre-${i}`, i === 0 ? t('facts.prerequisites') : null, f, l)),
          ...guide.documents.map((f, i) => factBlock(`doc-${i}`, i === 0 ? t('facts.documents') : null, f, l)),
        ],
      };
    case 'fees': {
      const fee = guide.fee;
      return {
        title: t('reading.feeTime'),
        blocks: [
          ...(fee
            ? [
                factBlock(
                  'fee',
                  t('facts.fee'),
                  { text: fee.summary, basis: fee.basis },
                  l,
                  fee.online === 'unknown' ? null : t(`facts.feeOnline.${fee.online}`),
                ),
              ]
            : []),
          ...fact('time', t('facts.processingTime'), guide.processingTime),
          ...fact('result', t('facts.resultDelivery'), guide.resultDelivery),
          factBlock('ask', t('facts.ask'), guide.ask, l),
        ],
      };
    }
    case 'video':
      return {
        title: t('reading.walkthroughTitle'),
        blocks: [{ key: 'video', node: <Walkthrough view={view} />, spoken: '' }],
      };
    case 'step': {
      const step = guide.steps[section.index]!;
      if (errorsOpen) {
        return {
          title: l(step.instruction),
          blocks: guide.commonErrors.filter((e) => e.step === step.key).map((e) => errorBlock(e, t, l)),
        };
      }
      return { title: l(step.instruction), blocks: stepBlocks(step, t, l) };
    }
    case 'errors':
      return {
        title: t('reading.generalErrors'),
        blocks: guide.commonErrors.filter((e) => !e.step).map((e) => errorBlock(e, t, l)),
      };
    case 'end':
      return { title: t('reading.done'), blocks: endBlocks(guide, t) };
  }
}

function plain(key: string, label: string, text: string): Block {
  return {
    key,
    node: (
      <p className="guide-fact">
        <strong>{label}:</strong> {text}
      </p>
    ),
    spoken: `${label}: ${text}`,
  };
}

function factBlock(key: string, label: string | null, f: Fact, l: L, extra: string | null = null): Block {
  const text = l(f.text);
  return {
    key,
    node: (
      <div className="guide-fact">
        {label ? <strong className="guide-fact-label">{label}</strong> : null}
        <p>
          <LocalText text={f.text} /> <Unconfirmed text={text} basis={f.basis} />
          {extra ? <strong className="guide-fee-online"> {extra}</strong> : null}
        </p>
      </div>
    ),
    spoken: [label, text].filter(Boolean).join(': '),
    unconfirmed: !f.basis,
  };
}

function stepBlocks(step: GuideStep, t: T, l: L): Block[] {
  const blocks: Block[] = [];
  if (step.detail)
    blocks.push({
      key: 'detail',
      node: (
        <p>
          <LocalText text={step.detail} />
        </p>
      ),
      spoken: l(step.detail),
    });
  blocks.push({
    key: 'shows',
    node: (
      <p className="guide-screen-shows">
        <strong>{t('reading.screenShows')}</strong> <LocalText text={step.screenShows} />
      </p>
    ),
    spoken: `${t('reading.screenShows')} ${l(step.screenShows)}`,
  });
  if (!step.basis)
    blocks.push({
      key: 'unsure',
      node: (
        <p className="guide-unconfirmed-step">
          <span className="guide-unconfirmed">{t('reading.unconfirmed')}</span> {t('reading.unconfirmedStep')}
        </p>
      ),
      spoken: t('reading.unconfirmedStep'),
      unconfirmed: true,
    });
  return blocks;
}

function errorBlock(e: CommonError, t: T, l: L): Block {
  const todo = l(e.whatToDo);
  return {
    key: e.key,
    node: (
      <div className="guide-error">
        <strong>
          <LocalText text={e.whatHappens} />
        </strong>
        <p>
          {t('facts.whatToDo')} <LocalText text={e.whatToDo} /> <Unconfirmed text={todo} basis={e.basis} />
        </p>
      </div>
    ),
    spoken: `${l(e.whatHappens)}. ${t('facts.whatToDo')} ${todo}`,
    unconfirmed: !e.basis,
  };
}

function endBlocks(guide: Guide, t: T): Block[] {
  const blocks: Block[] = [
    {
      key: 'hint',
      node: <p className="guide-lead">{t('reading.takeNumberHint')}</p>,
      spoken: t('reading.takeNumberHint'),
    },
    { key: 'take', node: <TakeNumber guide={guide} />, spoken: t('reading.takeNumber') },
  ];
  if (guide.officialLink) {
    blocks.push({
      key: 'qr',
      node: (
        <div className="guide-official">
          <QrCode text={guide.officialLink} label={t('reading.scanOfficial')} size="160px" />
          <p>
            {t('reading.scanOfficial')}
            <br />
            <span className="guide-url">{guide.officialLink}</span>
          </p>
        </div>
      ),
      spoken: t('reading.scanOfficial'),
    });
  }
  return blocks;
}

function TakeNumber({ guide }: { guide: Guide }) {
  const { t, i18n } = useT('guides');
  return (
    <a className="btn btn-primary btn-huge guide-take-number" href={guideHandoffHref(guide, i18n.language)}>
      <span>{t('reading.takeNumber')}</span>
    </a>
  );
}

function Walkthrough({ view }: { view: GuideView }) {
  const { t } = useT('guides');
  const w = view.guide.walkthrough;
  if (w.status !== 'recorded' || !view.mediaBase || !w.video) return null;
  return (
    <video
      className="guide-video"
      controls
      preload="metadata"
      src={`${view.mediaBase}${w.video}`}
      {...(w.poster ? { poster: view.pictures[w.poster] } : {})}
    >
      {w.captions ? (
        <track
          kind="captions"
          srcLang="vi"
          label={t('reading.captions')}
          src={`${view.mediaBase}${w.captions}`}
          default
        />
      ) : null}
    </video>
  );
}

/** Back, read aloud, next: always at the same place, at least 64 px high. */
function GuideNav({
  back,
  next,
  nextText,
  spoken,
  lang,
}: {
  back: (() => void) | null;
  next: (() => void) | null;
  nextText: string | null;
  spoken: string;
  lang: string;
}) {
  const { t } = useT('guides');
  const voice = useVietnameseVoice();
  const [reading, setReading] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reading stops when the page (`spoken`) changes.
  useEffect(
    () => () => {
      if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
      setReading(false);
    },
    [spoken],
  );
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
  return (
    <nav className="guide-nav" aria-label={t('reading.title')}>
      <Button variant="secondary" size="huge" disabled={!back} onClick={() => back?.()}>
        {t('reading.back')}
      </Button>
      {voice && lang === 'vi' ? (
        <Button variant="ghost" size="huge" onClick={readAloud} aria-pressed={reading}>
          {reading ? t('reading.stopReading') : t('reading.readAloud')}
        </Button>
      ) : null}
      {next && nextText ? (
        <Button size="huge" onClick={next}>
          {nextText}
        </Button>
      ) : (
        <span />
      )}
    </nav>
  );
}

function vietnameseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
