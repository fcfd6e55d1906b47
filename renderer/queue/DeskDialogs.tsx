import { useId, useState, type FormEvent } from 'react';
import { useT } from '../app/useT';
import {
  COMMON_PROCEDURES,
  OUTCOMES,
  PRIORITY_GROUPS,
  type CommonProcedure,
  type Outcome,
  type PriorityGroup,
} from '#shared/logbook/vocabulary';
import type { StaffTicket } from '#shared/queue/schemas';
import { LANGUAGES, type Language } from '#shared/settings/schemas';
import { HELP_KIND_KEYS, type HelpKind } from '#shared/team/schemas';
import { Button } from '../ui/Button';
import { Checkbox, SelectField } from '../ui/Field';
import { Dialog } from '../ui/Dialog';
import { Choices } from '../logbook/Choices';

export function TransferDialog({
  ticket,
  deskCount,
  onClose,
  onSubmit,
}: {
  ticket: StaffTicket;
  deskCount: number;
  onClose: () => void;
  onSubmit: (input: { toDesk: number | null; toKind: HelpKind | null }) => Promise<void>;
}) {
  const { t } = useT('queue');
  const [desk, setDesk] = useState('');
  const [kind, setKind] = useState('');
  return (
    <Dialog
      open
      title={t('desk.transferTitle', { number: ticket.number })}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            disabled={!desk && !kind}
            onClick={() =>
              void onSubmit({ toDesk: desk ? Number(desk) : null, toKind: (kind || null) as HelpKind | null })
            }
          >
            {t('desk.transfer')}
          </Button>
        </>
      }
    >
      <SelectField
        label={t('desk.toDesk')}
        value={desk}
        onChange={(e) => setDesk(e.target.value)}
        options={[
          { value: '', label: t('desk.anyDesk') },
          ...Array.from({ length: deskCount }, (_, i) => ({
            value: String(i + 1),
            label: t('desk.deskN', { desk: i + 1 }),
          })),
        ]}
      />
      <SelectField
        label={t('desk.toKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        options={[
          { value: '', label: t('desk.keep') },
          ...HELP_KIND_KEYS.filter((k) => k !== ticket.helpKind).map((k) => ({
            value: k,
            label: t(`team:helpKinds.${k}`),
          })),
        ]}
      />
    </Dialog>
  );
}

/**
 * How the visit ended, chosen on purpose: no outcome is preselected and the button stays off
 * until one is, so Enter (or a stray tap) never records the first outcome by itself. Arrow keys
 * move between outcomes, Enter then finishes. Finishing records the logbook entry.
 */
export function FinishDialog({
  ticket,
  onClose,
  onSubmit,
}: {
  ticket: StaffTicket;
  onClose: () => void;
  onSubmit: (choice: { outcome: Outcome; procedure: CommonProcedure | null }) => Promise<void>;
}) {
  const { t } = useT('queue');
  const formId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [procedure, setProcedure] = useState('');
  const [busy, setBusy] = useState(false);
  // Public-service help names its procedure in the book; asked here when the kiosk did not.
  const askProcedure = ticket.helpKind === 'dvc' && !ticket.procedure;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome || busy) return;
    setBusy(true);
    void onSubmit({ outcome, procedure: (procedure || null) as CommonProcedure | null }).finally(() => setBusy(false));
  };
  return (
    <Dialog
      open
      title={t('desk.finishTitle', { number: ticket.number })}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" form={formId} disabled={!outcome || busy}>
            {t('desk.finishRecord')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="desk-finish">
        <Choices
          single
          name="outcome"
          legend={t('desk.finishOutcome')}
          value={outcome ? [outcome] : []}
          onChange={(v) => setOutcome(v[0] ?? null)}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`vocabulary:outcomes.${o}`) }))}
        />
        {askProcedure ? (
          <SelectField
            label={t('desk.finishProcedure')}
            value={procedure}
            onChange={(e) => setProcedure(e.target.value)}
            options={[
              { value: '', label: t('desk.none') },
              ...COMMON_PROCEDURES.map((p) => ({ value: p, label: t(`vocabulary:procedures.${p}`) })),
            ]}
          />
        ) : null}
        <p className="field-hint">{t('desk.finishHint')}</p>
      </form>
    </Dialog>
  );
}

type WalkIn = { helpKind: HelpKind; procedure: CommonProcedure | null; priority: PriorityGroup[]; language: Language };

/**
 * Someone at the desk without a number: served at once, or given a number to wait (the kiosk is
 * closed outside opening hours, but a member may still issue one).
 */
export function WalkInDialog({
  onClose,
  onSubmit,
  onIssue,
  canServe,
}: {
  onClose: () => void;
  canServe: boolean;
  onSubmit: (input: WalkIn) => Promise<void>;
  onIssue: (input: WalkIn) => Promise<void>;
}) {
  const { t } = useT('queue');
  const [kind, setKind] = useState<HelpKind>('dvc');
  const [procedure, setProcedure] = useState('');
  const [language, setLanguage] = useState<Language>('vi');
  const [priority, setPriority] = useState<PriorityGroup[]>([]);
  const input = (): WalkIn => ({
    helpKind: kind,
    procedure: (procedure || null) as CommonProcedure | null,
    priority,
    language,
  });
  return (
    <Dialog
      open
      title={t('desk.walkInTitle')}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button variant="secondary" onClick={() => void onIssue(input())}>
            {t('desk.issueTicket')}
          </Button>
          <Button disabled={!canServe} onClick={() => void onSubmit(input())}>
            {t('desk.serveNow')}
          </Button>
        </>
      }
    >
      <SelectField
        label={t('desk.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as HelpKind)}
        options={HELP_KIND_KEYS.map((k) => ({ value: k, label: t(`team:helpKinds.${k}`) }))}
      />
      <SelectField
        label={t('desk.procedure')}
        value={procedure}
        onChange={(e) => setProcedure(e.target.value)}
        options={[
          { value: '', label: t('desk.none') },
          ...COMMON_PROCEDURES.map((p) => ({ value: p, label: t(`vocabulary:procedures.${p}`) })),
        ]}
      />
      <SelectField
        label={t('desk.language')}
        value={language}
        onChange={(e) => setLanguage(e.target.value as Language)}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`common:language.${l}`) }))}
      />
      {PRIORITY_GROUPS.map((g) => (
        <Checkbox
          key={g}
          label={t(`priority.${g}`)}
          checked={priority.includes(g)}
          onChange={(e) => setPriority((p) => (e.target.checked ? [...p, g] : p.filter((x) => x !== g)))}
        />
      ))}
    </Dialog>
  );
}
