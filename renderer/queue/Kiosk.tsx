import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract';
import { COMMON_PROCEDURES, PRIORITY_GROUPS, type CommonProcedure, type PriorityGroup } from '../../shared/logbook/vocabulary';
import { checkInInput, prefixOf, type CitizenTicket } from '../../shared/queue/schemas';
import { HELP_KINDS, type HelpKind } from '../../shared/team/schemas';
import { api } from '../api/client';
import { KioskGuidesLink } from '../guides/KioskGuidesLink';
import { takeGuideHandoff } from '../guides/handoff';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { CitizenFrame } from '../ui/Page';
import { ContactForm, type Contact } from './ContactForm';
import { QueueIcon } from './icons';
import { KioskTicket } from './KioskTicket';
import { useIdle } from './useIdle';
import './queue.css';

type KioskLanguage = 'vi' | 'en' | 'jrai' | 'bahnar';
type Step =
  | { name: 'start' }
  | { name: 'procedure'; kind: HelpKind }
  | { name: 'confirm'; kind: HelpKind; procedure: CommonProcedure | null }
  | { name: 'ticket'; ticket: CitizenTicket };

/** Kinds of help where naming the procedure helps the desk prepare (the others skip that screen). */
const WITH_PROCEDURE: readonly HelpKind[] = ['dvc'];

/**
 * The citizen kiosk: kind of help → (procedure) → take a number. Three touches in the simple
 * case. It only ever calls citizen methods, shows only the ticket just taken, and returns to the
 * start by itself.
 */
export function Kiosk() {
  const { t, i18n } = useTranslation('queue');
  const info = useQuery('queue.kiosk', {}, { refreshOn: ['settings.changed', 'queue.changed'] });
  // "Lấy số để được giúp" at the end of a guide arrives with the kind of help and procedure chosen.
  const [handoff] = useState(takeGuideHandoff);
  const [language, setLanguage] = useState<KioskLanguage>(handoff?.language ?? 'vi');
  const [step, setStep] = useState<Step>(handoff ? { name: 'confirm', kind: handoff.kind, procedure: handoff.procedure } : { name: 'start' });

  const restart = useCallback(() => {
    setStep({ name: 'start' });
    setLanguage('vi');
    void i18n.changeLanguage('vi');
  }, [i18n]);

  /** "Back" keeps the language the citizen chose; only idleness and "Done" forget it. */
  const back = () => setStep({ name: 'start' });

  const chooseLanguage = (lng: KioskLanguage) => {
    setLanguage(lng);
    // Jrai and Bahnar texts do not exist yet: the screen stays in Vietnamese, the ticket asks for a speaker.
    void i18n.changeLanguage(lng === 'en' ? 'en' : 'vi');
  };

  const chooseKind = (kind: HelpKind) =>
    setStep(WITH_PROCEDURE.includes(kind) ? { name: 'procedure', kind } : { name: 'confirm', kind, procedure: null });

  const data = info.data;
  const footer = <span>{data?.pointName ?? ''}</span>;
  if (!data) return <CitizenFrame footer={footer}><p role="status">{t(info.error ? 'common:offline' : 'common:loading')}</p></CitizenFrame>;

  if (step.name === 'ticket') {
    return (
      <CitizenFrame footer={footer}>
        <KioskTicket ticket={step.ticket} info={data} onDone={restart} />
      </CitizenFrame>
    );
  }
  return (
    <CitizenFrame footer={footer}>
      <IdleGuard seconds={data.choiceIdleSeconds} step={step} language={language} onIdle={restart} />
      {step.name === 'start' ? (
        <StartScreen info={data} language={language} onLanguage={chooseLanguage} onKind={chooseKind} />
      ) : step.name === 'procedure' ? (
        <ProcedureScreen kind={step.kind} onBack={back} onChoose={(procedure) => setStep({ name: 'confirm', kind: step.kind, procedure })} />
      ) : (
        <ConfirmScreen kind={step.kind} procedure={step.procedure} language={language} onBack={back}
          onTicket={(ticket) => setStep({ name: 'ticket', ticket })} />
      )}
    </CitizenFrame>
  );
}

/** Counts down on choice screens; says so aloud-ish (a visible band) in the last ten seconds. */
function IdleGuard({ seconds, step, language, onIdle }: { seconds: number; step: Step; language: string; onIdle: () => void }) {
  const { t } = useTranslation('queue');
  const atStart = step.name === 'start' && language === 'vi';
  const left = useIdle(seconds, () => !atStart && onIdle(), `${step.name}-${language}`);
  if (atStart || left > 10) return null;
  return <Notice tone="warning">{t('kiosk.idleWarning', { seconds: left })}</Notice>;
}

function StartScreen({ info, language, onLanguage, onKind }: {
  info: Output<'queue.kiosk'>; language: KioskLanguage; onLanguage: (l: KioskLanguage) => void; onKind: (k: HelpKind) => void;
}) {
  const { t } = useTranslation('queue');
  const languages: KioskLanguage[] = ['vi', 'en', ...info.localLanguages];
  return (
    <>
      <div className="kiosk-languages" role="group" aria-label={t('kiosk.chooseLanguage')}>
        {languages.map((lng) => (
          <button key={lng} type="button" lang={lng === 'en' ? 'en' : 'vi'} aria-pressed={language === lng}
            className={`btn btn-large ${language === lng ? 'btn-primary' : 'btn-secondary'}`} onClick={() => onLanguage(lng)}>
            <QueueIcon name="language" size={36} />
            <span>{t(`common:language.${lng}`)}</span>
          </button>
        ))}
      </div>
      <h1>{t('kiosk.title')}</h1>
      {language === 'jrai' || language === 'bahnar'
        ? <Notice>{t('kiosk.minorityNote', { language: t(`common:language.${language}`) })}</Notice>
        : <p className="kiosk-subtitle">{t('kiosk.subtitle')}</p>}
      <div className="kiosk-grid">
        {HELP_KINDS.map((k) => (
          <button key={k.key} type="button" className="kiosk-tile" onClick={() => onKind(k.key)}>
            <QueueIcon name={k.key} />
            <span className="kiosk-tile-text">{t(`team:helpKinds.${k.key}`)}</span>
            <span className="kiosk-tile-letter" aria-hidden="true">{k.prefix}</span>
          </button>
        ))}
      </div>
      <KioskGuidesLink />
    </>
  );
}

function ProcedureScreen({ kind, onBack, onChoose }: { kind: HelpKind; onBack: () => void; onChoose: (p: CommonProcedure | null) => void }) {
  const { t } = useTranslation('queue');
  return (
    <>
      <div className="kiosk-heading">
        <QueueIcon name={kind} size={56} />
        <h1>{t('kiosk.procedureTitle')}</h1>
      </div>
      <p className="kiosk-subtitle">{t('kiosk.procedureHint')}</p>
      <div className="kiosk-grid kiosk-grid-small">
        <button type="button" className="kiosk-tile kiosk-tile-skip" onClick={() => onChoose(null)}>
          <span className="kiosk-tile-text">{t('kiosk.procedureSkip')}</span>
        </button>
        {COMMON_PROCEDURES.filter((p) => p !== 'other').map((p) => (
          <button key={p} type="button" className="kiosk-tile" onClick={() => onChoose(p)}>
            <span className="kiosk-tile-text">{t(`vocabulary:procedures.${p}`)}</span>
          </button>
        ))}
      </div>
      <div className="kiosk-actions">
        <Button variant="secondary" size="huge" onClick={onBack}>{t('kiosk.back')}</Button>
      </div>
    </>
  );
}

function ConfirmScreen({ kind, procedure, language, onBack, onTicket }: {
  kind: HelpKind; procedure: CommonProcedure | null; language: KioskLanguage; onBack: () => void; onTicket: (t: CitizenTicket) => void;
}) {
  const { t } = useTranslation('queue');
  const [priority, setPriority] = useState<PriorityGroup[]>([]);
  const [contact, setContact] = useState<Contact | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const toggle = (g: PriorityGroup) => setPriority((p) => (p.includes(g) ? p.filter((x) => x !== g) : [...p, g]));

  const take = async () => {
    const input = {
      // Agreeing but leaving both fields empty stores nothing, so it is not recorded as consent either.
      helpKind: kind, procedure, priority, language, consent: !!(contact && (contact.name.trim() || contact.phone)),
      ...(contact?.name ? { name: contact.name } : {}), ...(contact?.phone ? { phone: contact.phone } : {}),
    };
    const parsed = checkInInput.safeParse(input);
    if (!parsed.success) {
      setProblems(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setBusy(true);
    setFailed(false);
    try {
      onTicket(await api.call('queue.checkIn', input));
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <>
      <div className="kiosk-heading">
        <QueueIcon name={kind} size={56} />
        <div>
          <p className="kiosk-chosen-label">{t('kiosk.youChose')} ({prefixOf(kind)})</p>
          <h1>{t(`team:helpKinds.${kind}`)}{procedure ? `: ${t(`vocabulary:procedures.${procedure}`)}` : ''}</h1>
        </div>
      </div>
      <fieldset className="kiosk-fieldset">
        <legend>{t('kiosk.priorityQuestion')}</legend>
        <div className="kiosk-toggles">
          {PRIORITY_GROUPS.map((g) => (
            <button key={g} type="button" aria-pressed={priority.includes(g)} className="kiosk-toggle" onClick={() => toggle(g)}>
              <span className="kiosk-check" aria-hidden="true">{priority.includes(g) ? '✓' : ''}</span>
              {t(`priority.${g}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <ContactForm value={contact} onChange={(c) => { setContact(c); setProblems({}); }} problems={problems} />
      {failed ? <Notice tone="error">{t('kiosk.error')}</Notice> : null}
      <div className="kiosk-actions">
        <Button variant="secondary" size="huge" onClick={onBack}>{t('kiosk.back')}</Button>
        <Button size="huge" className="kiosk-take" disabled={busy} onClick={() => void take()}>{t('kiosk.takeTicket')}</Button>
      </div>
    </>
  );
}

