import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useT } from '../app/useT';
import type { Output } from '#shared/contract';
import {
  COMMON_PROCEDURES,
  PRIORITY_GROUPS,
  type CommonProcedure,
  type PriorityGroup,
} from '#shared/logbook/vocabulary';
import { prefixOf } from '#shared/queue/numbers';
import type { CitizenTicket } from '#shared/queue/schemas';
import { HELP_KINDS, type HelpKind } from '#shared/team/help-kinds';
import { api, ApiError } from '../api/client';
import { KioskGuidesLink } from '../guides/KioskGuidesLink';
import { takeGuideHandoff } from '../guides/handoff';
import { useQuery } from '../app/useQuery';
import { CitizenTextsProvider, useCitizenTexts, type Said } from '../community/CitizenTexts';
import { isMinority, setCitizenLanguage, useCitizenLanguage, type CitizenLanguage } from '../community/citizenLanguage';
import { CommunityNote, ListenButton, Say } from '../community/Say';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { CitizenFrame } from '../ui/Page';
import { QueueIcon } from './icons';
import { KioskClosed } from './KioskClosed';
import { ConsentScreen, NameScreen, PhoneScreen, type Contact } from './KioskContact';
import { KioskIdle } from './KioskIdle';
import { KioskTicket } from './KioskTicket';
import './queue.css';

type Step = 'start' | 'procedure' | 'confirm' | 'consent' | 'name' | 'phone';
interface Draft {
  kind: HelpKind;
  procedure: CommonProcedure | null;
  priority: PriorityGroup[];
  contact: Contact | null;
}

/** Kinds of help where naming the procedure helps the desk prepare (the others skip that screen). */
const WITH_PROCEDURE: readonly HelpKind[] = ['dvc'];
/** While closed the kiosk looks again this often, so it opens by itself at opening time. */
const CLOSED_POLL_MS = 30_000;

/**
 * The citizen kiosk: kind of help → (procedure) → take a number, three touches in the simple
 * case; name and phone only after consent, each on a screen of its own so every screen fits
 * without scrolling. It only calls citizen methods, shows only the ticket just taken, and
 * returns to the start by itself.
 */
export function Kiosk() {
  return (
    <CitizenTextsProvider>
      <KioskFlow />
    </CitizenTextsProvider>
  );
}

function KioskFlow() {
  const { t } = useT('queue');
  const info = useQuery('queue.kiosk', {}, { refreshOn: ['settings.changed', 'queue.changed', 'roster.changed'] });
  const language = useCitizenLanguage();
  // "Lấy số để được giúp" at the end of a guide arrives with the kind of help and procedure chosen
  // (and the citizen's language, kept from the guides).
  const [handoff] = useState(takeGuideHandoff);
  const [step, setStep] = useState<Step>(handoff ? 'confirm' : 'start');
  const [draft, setDraft] = useState<Draft | null>(
    handoff ? { kind: handoff.kind, procedure: handoff.procedure, priority: [], contact: null } : null,
  );
  const [ticket, setTicket] = useState<CitizenTicket | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const closed = info.data?.opening.open === false;
  const { reload } = info;

  useEffect(() => {
    if (handoff?.language === 'en') setCitizenLanguage('en');
  }, [handoff]);

  useEffect(() => {
    if (!closed) return;
    const timer = setInterval(reload, CLOSED_POLL_MS);
    return () => clearInterval(timer);
  }, [closed, reload]);

  /** Idleness and "Done" forget everything, the language included; "Back" keeps the language. */
  const restart = useCallback(() => {
    setStep('start');
    setDraft(null);
    setTicket(null);
    setProblems({});
    setFailed(false);
    setCitizenLanguage('vi');
  }, []);

  const chooseKind = (kind: HelpKind) => {
    setDraft({ kind, procedure: null, priority: [], contact: null });
    setStep(WITH_PROCEDURE.includes(kind) ? 'procedure' : 'confirm');
  };

  const take = async () => {
    if (!draft) return;
    const { contact } = draft;
    const input = {
      // Agreeing but leaving both fields empty stores nothing, so it is not recorded as consent either.
      helpKind: draft.kind,
      procedure: draft.procedure,
      priority: draft.priority,
      language,
      consent: !!(contact && (contact.name.trim() || contact.phone)),
      ...(contact?.name ? { name: contact.name } : {}),
      ...(contact?.phone ? { phone: contact.phone } : {}),
    };
    setBusy(true);
    setFailed(false);
    try {
      setTicket(await api.call('queue.checkIn', input));
    } catch (error) {
      const fields = error instanceof ApiError && error.body.code === 'invalid_input' ? (error.body.fields ?? {}) : {};
      // The gate checks the input against the contract and names the field at fault: its screen
      // shows why (the kiosk carries no schema code of its own, so it loads sooner).
      if (fields.name || fields.phone) {
        setProblems(fields);
        setStep(fields.name ? 'name' : 'phone');
      }
      // Closed in the meantime: the closed screen says when it opens.
      else if (error instanceof ApiError && error.body.params?.reason === 'closed') reload();
      else setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const data = info.data;
  const footer = <KioskFooter pointName={data?.pointName ?? null} />;
  if (!data)
    return (
      <CitizenFrame fit footer={footer}>
        <p role="status">{t(info.error ? 'common:offline' : 'common:loading')}</p>
      </CitizenFrame>
    );
  if (ticket)
    return (
      <CitizenFrame fit footer={footer}>
        <KioskTicket ticket={ticket} info={data} onDone={restart} />
      </CitizenFrame>
    );
  if (!data.opening.open) {
    return (
      <CitizenFrame fit footer={footer}>
        <KioskIdle seconds={data.choiceIdleSeconds} active={language !== 'vi'} resetKey={language} onIdle={restart} />
        <KioskClosed info={data} languages={<Languages info={data} />} />
      </CitizenFrame>
    );
  }
  const update = (change: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...change } : d));
  const screens: Record<Step, () => ReactNode> = {
    start: () => <StartScreen info={data} onKind={chooseKind} />,
    procedure: () => (
      <ProcedureScreen
        kind={draft!.kind}
        onBack={restartKeepingLanguage}
        onChoose={(procedure) => (update({ procedure }), setStep('confirm'))}
      />
    ),
    confirm: () => (
      <ConfirmScreen
        draft={draft!}
        busy={busy}
        failed={failed}
        onBack={restartKeepingLanguage}
        onTake={() => void take()}
        onPriority={(priority) => update({ priority })}
        onContact={() => setStep('consent')}
      />
    ),
    consent: () => (
      <ConsentScreen
        onYes={() => (update({ contact: draft!.contact ?? { name: '', phone: '' } }), setStep('name'))}
        onNo={() => (update({ contact: null }), setStep('confirm'))}
      />
    ),
    name: () => (
      <NameScreen
        value={draft!.contact?.name ?? ''}
        problem={problems.name}
        onBack={() => setStep('confirm')}
        onNext={() => setStep('phone')}
        onChange={(name) => (setProblems({}), update({ contact: { phone: '', ...draft!.contact, name } }))}
      />
    ),
    phone: () => (
      <PhoneScreen
        value={draft!.contact?.phone ?? ''}
        problem={problems.phone}
        busy={busy}
        failed={failed}
        onBack={() => setStep('name')}
        onTake={() => void take()}
        onChange={(phone) => (setProblems({}), update({ contact: { name: '', ...draft!.contact, phone } }))}
      />
    ),
  };
  function restartKeepingLanguage() {
    setStep('start');
    setDraft(null);
  }
  return (
    <CitizenFrame fit footer={footer}>
      <KioskIdle
        seconds={data.choiceIdleSeconds}
        active={step !== 'start' || language !== 'vi'}
        resetKey={`${step}-${language}`}
        onIdle={restart}
      />
      {screens[step]()}
    </CitizenFrame>
  );
}

function KioskFooter({ pointName }: { pointName: string | null }) {
  return (
    <>
      <span>{pointName ?? ''}</span>
      <CommunityNote />
    </>
  );
}

/** A heading with its "listen" button, the body that takes the free space, the actions at the foot. */
export function KioskScreen({
  heading,
  listen,
  lead,
  children,
  actions,
  icon,
}: {
  heading: Said;
  listen?: readonly Said[];
  lead?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <section className="kiosk-screen" aria-labelledby="kiosk-heading">
      <div className="kiosk-heading">
        {icon}
        <h1 id="kiosk-heading">
          <Say said={heading} />
        </h1>
        <ListenButton items={listen ?? [heading]} />
      </div>
      {lead}
      <div className="kiosk-body">{children}</div>
      {actions ? <div className="kiosk-actions">{actions}</div> : null}
    </section>
  );
}

function Languages({ info }: { info: Output<'queue.kiosk'> }) {
  const { t } = useT('queue');
  const language = useCitizenLanguage();
  const languages: CitizenLanguage[] = ['vi', 'en', ...info.localLanguages];
  return (
    <div className="kiosk-languages" role="group" aria-label={t('kiosk.chooseLanguage')}>
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng === 'en' ? 'en' : 'vi'}
          aria-pressed={language === lng}
          className={`btn btn-large ${language === lng ? 'btn-primary' : 'btn-secondary'}`}
          onClick={() => setCitizenLanguage(lng)}
        >
          <QueueIcon name="language" size={36} />
          <span>{t(`common:language.${lng}`)}</span>
        </button>
      ))}
    </div>
  );
}

/** A big picture tile; in Jrai or Bahnar it gets its own "listen" button beside it. */
function Tile({
  said,
  icon,
  letter,
  onClick,
  className = '',
}: {
  said: Said;
  icon: ReactNode;
  letter?: string;
  onClick: () => void;
  className?: string;
}) {
  const { language } = useCitizenTexts();
  return (
    <div className="kiosk-tile-wrap">
      <button type="button" className={`kiosk-tile ${className}`} onClick={onClick}>
        {icon}
        <span className="kiosk-tile-text">
          <Say said={said} />
        </span>
        {letter ? (
          <span className="kiosk-tile-letter" aria-hidden="true">
            {letter}
          </span>
        ) : null}
      </button>
      {isMinority(language) ? <ListenButton items={[said]} className="kiosk-tile-listen" /> : null}
    </div>
  );
}

function StartScreen({ info, onKind }: { info: Output<'queue.kiosk'>; onKind: (k: HelpKind) => void }) {
  const { say } = useCitizenTexts();
  const kinds = HELP_KINDS.map((k) => ({ ...k, said: say(`team:helpKinds.${k.key}`) }));
  const heading = say('queue:kiosk.title');
  const subtitle = say('queue:kiosk.subtitle');
  return (
    <>
      <Languages info={info} />
      <KioskScreen
        heading={heading}
        listen={[heading, subtitle, ...kinds.map((k) => k.said)]}
        lead={
          <p className="kiosk-subtitle">
            <Say said={subtitle} />
          </p>
        }
      >
        <div className="kiosk-grid kiosk-grid-kinds">
          {kinds.map((k) => (
            <Tile
              key={k.key}
              said={k.said}
              icon={<QueueIcon name={k.key} />}
              letter={k.prefix}
              onClick={() => onKind(k.key)}
            />
          ))}
        </div>
        <KioskGuidesLink />
      </KioskScreen>
    </>
  );
}

function ProcedureScreen({
  kind,
  onBack,
  onChoose,
}: {
  kind: HelpKind;
  onBack: () => void;
  onChoose: (p: CommonProcedure | null) => void;
}) {
  const { say } = useCitizenTexts();
  const procedures = COMMON_PROCEDURES.filter((p) => p !== 'other').map((p) => ({
    p,
    said: say(`vocabulary:procedures.${p}`),
  }));
  const heading = say('queue:kiosk.procedureTitle');
  const hint = say('queue:kiosk.procedureHint');
  const skip = say('queue:kiosk.procedureSkip');
  return (
    <KioskScreen
      heading={heading}
      icon={<QueueIcon name={kind} size={56} />}
      listen={[heading, hint, skip, ...procedures.map((x) => x.said)]}
      lead={
        <p className="kiosk-subtitle">
          <Say said={hint} />
        </p>
      }
      actions={
        <Button variant="secondary" size="huge" onClick={onBack}>
          <Say said={say('queue:kiosk.back')} />
        </Button>
      }
    >
      <div className="kiosk-grid kiosk-grid-procedures">
        <Tile
          said={skip}
          icon={<QueueIcon name="other" />}
          className="kiosk-tile-skip"
          onClick={() => onChoose(null)}
        />
        {procedures.map(({ p, said }) => (
          <Tile key={p} said={said} icon={<QueueIcon name={p} />} onClick={() => onChoose(p)} />
        ))}
      </div>
    </KioskScreen>
  );
}

function ConfirmScreen({
  draft,
  busy,
  failed,
  onBack,
  onTake,
  onPriority,
  onContact,
}: {
  draft: Draft;
  busy: boolean;
  failed: boolean;
  onBack: () => void;
  onTake: () => void;
  onPriority: (p: PriorityGroup[]) => void;
  onContact: () => void;
}) {
  const { t } = useT('queue');
  const { say } = useCitizenTexts();
  const kind = say(`team:helpKinds.${draft.kind}`);
  const procedure = draft.procedure ? say(`vocabulary:procedures.${draft.procedure}`) : null;
  const question = say('queue:kiosk.priorityQuestion');
  const groups = PRIORITY_GROUPS.map((g) => ({ g, said: say(`queue:priority.${g}`) }));
  const toggle = (g: PriorityGroup) =>
    onPriority(draft.priority.includes(g) ? draft.priority.filter((x) => x !== g) : [...draft.priority, g]);
  const contactSaid = say('queue:kiosk.contactOffer');
  const takeSaid = say('queue:kiosk.takeTicket');
  return (
    <KioskScreen
      heading={procedure ?? kind}
      icon={<QueueIcon name={draft.procedure ?? draft.kind} size={56} />}
      listen={[procedure ?? kind, question, ...groups.map((x) => x.said), contactSaid, takeSaid]}
      lead={
        <p className="kiosk-chosen-label">
          {t('kiosk.youChose')} ({prefixOf(draft.kind)})
          {procedure ? (
            <>
              {' '}
              · <Say said={kind} />
            </>
          ) : null}
        </p>
      }
      actions={
        <>
          <Button variant="secondary" size="huge" onClick={onBack}>
            <Say said={say('queue:kiosk.back')} />
          </Button>
          <Button size="huge" className="kiosk-take" disabled={busy} onClick={onTake}>
            <Say said={takeSaid} />
          </Button>
        </>
      }
    >
      <fieldset className="kiosk-fieldset">
        <legend>
          <Say said={question} />
        </legend>
        <div className="kiosk-toggles">
          {groups.map(({ g, said }) => (
            <button
              key={g}
              type="button"
              aria-pressed={draft.priority.includes(g)}
              className="kiosk-toggle"
              onClick={() => toggle(g)}
            >
              <span className="kiosk-check" aria-hidden="true">
                {draft.priority.includes(g) ? '✓' : ''}
              </span>
              <Say said={said} />
            </button>
          ))}
        </div>
      </fieldset>
      <div className="kiosk-contact">
        <Button variant="secondary" size="large" icon={<QueueIcon name="contact" size={36} />} onClick={onContact}>
          {draft.contact && (draft.contact.name || draft.contact.phone) ? (
            [draft.contact.name, draft.contact.phone].filter(Boolean).join(' · ')
          ) : (
            <Say said={contactSaid} />
          )}
        </Button>
      </div>
      {failed ? (
        <Notice tone="error">
          <Say said={say('queue:kiosk.error')} />
        </Notice>
      ) : null}
    </KioskScreen>
  );
}
