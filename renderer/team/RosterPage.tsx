import { isOneOf } from '#shared/contract/one-of';
import { useState } from 'react';
import { useT } from '../app/useT';
import type { Output } from '#shared/contract';
import { ALLOW } from '#shared/contract/roles';
import { formatDate, formatMonth } from '#shared/format/vietnamese';
import type { Shift } from '#shared/team/generate';
import { cellKey } from '#shared/team/grid';
import { vnDay } from '#shared/time/vietnam';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { downloadFile } from '../ui/download';
import { MonthPicker } from './MonthPicker';
import { useProblemText } from './problems';
import { RosterPrint } from './RosterPrint';
import { RosterSettingsForm } from './RosterSettingsForm';
import { ConfirmChanges, type Change } from './RosterChanges';
import { RosterGrid } from './RosterGrid';
import { TodayNotice } from './TodayNotice';
import './team.css';

type Day = Output<'roster.month'>['days'][number];
type Confirm = { text: string; action: () => Promise<string> } | null;

/** The month's duty roster: build, check coverage and balance, edit, swap, publish, print, export. */
export function RosterPage() {
  const { t } = useT('team');
  const { me } = useSession();
  const problemText = useProblemText();
  const [month, setMonth] = useState(() => vnDay(new Date()).slice(0, 7));
  const view = useQuery(
    'roster.month',
    { month },
    { refreshOn: ['roster.changed', 'team.changed', 'settings.changed'] },
  );
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'warning'; text: string } | null>(null);
  // Cells changed on a published month, waiting for the leader to confirm them.
  const [pending, setPending] = useState<Map<string, Shift | null>>(new Map());
  const [reviewing, setReviewing] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [dayEdit, setDayEdit] = useState<Day | null>(null);
  const [reason, setReason] = useState('');
  const [printing, setPrinting] = useState(false);
  const editable = !!me && isOneOf(ALLOW.leaders, me.role);
  const v = view.data;

  const run = async (action: () => Promise<string>, tone: 'success' | 'warning' = 'success') => {
    try {
      const text = await action();
      setMessage(text ? { tone, text } : null);
    } catch (error) {
      setMessage({ tone: 'error', text: problemText(error) });
    }
    view.reload();
  };
  const applied = (r: { changed: number; told: number }) =>
    r.told ? t('grid.appliedTold', { count: r.changed, told: r.told }) : '';
  const change = (day: string, memberId: number, shift: Shift | null) => {
    if (v?.status !== 'published') {
      void run(async () => applied(await api.call('roster.edit', { month, changes: [{ day, memberId, shift }] })));
      return;
    }
    setPending((p) => new Map(p).set(cellKey(day, memberId), shift));
  };
  const savedShift = (day: string, memberId: number) =>
    v?.days.find((d) => d.day === day)?.shifts.find((s) => s.members.some((m) => m.memberId === memberId))?.shift ??
    null;
  const changes = [...pending]
    .map(([key, shift]) => {
      const [day, id] = key.split('|');
      return { day: day!, memberId: Number(id), before: savedShift(day!, Number(id)), after: shift };
    })
    .filter((c) => c.before !== c.after);
  const byMember = (v?.tally ?? [])
    .map((m) => ({
      fullName: m.fullName,
      changes: changes.filter((c) => c.memberId === m.memberId).sort((a, b) => (a.day < b.day ? -1 : 1)) as Change[],
    }))
    .filter((m) => m.changes.length);
  const confirmPending = () => {
    setReviewing(false);
    void run(async () => {
      const r = await api.call('roster.edit', {
        month,
        confirmed: true,
        changes: changes.map(({ day, memberId, after }) => ({ day, memberId, shift: after })),
      });
      setPending(new Map());
      return applied(r) || t('grid.applied', { count: r.changed });
    });
  };
  const generate = () =>
    setConfirm({
      text: t('roster.generateConfirm'),
      action: async () => {
        const r = await api.call(
          'roster.generate',
          v?.status === 'draft' ? { month, seed: Math.floor(Math.random() * 2 ** 31) } : { month },
        );
        return [
          t('roster.generated', { assigned: r.assigned }),
          r.gaps ? t('roster.generatedGaps', { gaps: r.gaps }) : '',
          r.languageGaps.length
            ? t('roster.generatedLanguage', { days: r.languageGaps.map(formatDate).join(', ') })
            : '',
        ]
          .filter(Boolean)
          .join(' ');
      },
    });
  const exportAs = (format: 'csv' | 'xlsx') =>
    run(async () => (downloadFile(await api.call('roster.export', { month, format })), ''));

  if (printing && v)
    return <RosterPrint view={v} maker={me?.member?.fullName ?? ''} onBack={() => setPrinting(false)} />;
  const working = v?.days.filter((d) => d.working) ?? [];
  const below = working.flatMap((d) => d.shifts).filter((s) => s.state === 'below').length;
  const above = working.flatMap((d) => d.shifts).filter((s) => s.state === 'above').length;
  const year = month.slice(0, 4);

  return (
    <Page
      title={t('roster.title')}
      actions={
        editable && v ? (
          <>
            {v.status !== 'published' ? (
              <Button onClick={generate}>{v.status === 'none' ? t('roster.generate') : t('roster.regenerate')}</Button>
            ) : null}
            {v.status === 'draft' ? (
              <Button
                onClick={() =>
                  setConfirm({
                    text: t('roster.publishConfirm', { month: formatMonth(month) }),
                    action: async () => (await api.call('roster.publish', { month }), t('roster.published')),
                  })
                }
              >
                {t('roster.publish')}
              </Button>
            ) : null}
            <Button variant="secondary" onClick={() => setPrinting(true)}>
              {t('roster.print')}
            </Button>
            <Button variant="secondary" onClick={() => void exportAs('csv')}>
              {t('roster.exportCsv')}
            </Button>
            <Button variant="secondary" onClick={() => void exportAs('xlsx')}>
              {t('roster.exportXlsx')}
            </Button>
          </>
        ) : null
      }
    >
      <TodayNotice />
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <MonthPicker
        month={month}
        onChange={(next) => {
          setMonth(next);
          setPending(new Map());
        }}
      />
      {v ? (
        <>
          <p>
            <strong>{t('roster.statusLine', { status: t(`roster.status.${v.status}`) })}</strong>
            {v.publishedAt
              ? ` · ${t('roster.publishedAt', { at: formatDate(v.publishedAt), version: v.version })}`
              : ''}
          </p>
          <p>{t('roster.rule')}</p>
          {below ? <Notice tone="warning">{t('roster.belowCount', { count: below })}</Notice> : null}
          {above ? <Notice tone="warning">{t('roster.aboveCount', { count: above })}</Notice> : null}
          {!v.hasLunarTable ? <Notice tone="warning">{t('roster.noLunarTable', { year })}</Notice> : null}
          {v.days.some((d) => d.confirm) ? <Notice tone="info">{t('roster.confirmHoliday')}</Notice> : null}
          {editable ? (
            <p className="roster-grid-help">
              {t('grid.help')}
              {v.status === 'published' ? ` ${t('grid.helpPublished')}` : ''}
            </p>
          ) : null}
          {changes.length ? (
            <div className="roster-pending" role="status">
              <span>{t('grid.pendingBar', { count: changes.length })}</span>
              <Button onClick={() => setReviewing(true)}>{t('grid.review')}</Button>
              <Button variant="secondary" onClick={() => setPending(new Map())}>
                {t('grid.discard')}
              </Button>
            </div>
          ) : null}
          {!editable && v.status !== 'published' ? (
            <Notice tone="info">{t('roster.notPublished')}</Notice>
          ) : (
            <RosterGrid
              view={v}
              pending={pending}
              editable={editable}
              onChange={change}
              onEditDay={(d) => {
                setReason(d.reason ?? '');
                setDayEdit(d);
              }}
            />
          )}
          {editable ? (
            <RosterSettingsForm
              settings={v.settings}
              onDone={(text, error) =>
                setMessage(error ? { tone: 'error', text: problemText(error) } : { tone: 'success', text })
              }
            />
          ) : null}
        </>
      ) : (
        <p role="status">{view.error ? problemText(view.error) : t('common:loading')}</p>
      )}

      <Dialog
        title={t('common:actions.confirm')}
        open={!!confirm}
        onClose={() => setConfirm(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(null)}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              onClick={() => {
                const c = confirm;
                setConfirm(null);
                if (c) void run(c.action);
              }}
            >
              {t('common:actions.confirm')}
            </Button>
          </>
        }
      >
        <p>{confirm?.text}</p>
      </Dialog>
      <Dialog
        title={t('grid.confirmTitle')}
        open={reviewing}
        onClose={() => setReviewing(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setReviewing(false)}>
              {t('common:actions.cancel')}
            </Button>
            <Button onClick={confirmPending}>{t('grid.confirmApply')}</Button>
          </>
        }
      >
        <ConfirmChanges month={month} byMember={byMember} />
      </Dialog>
      <Dialog
        title={dayEdit ? t('roster.dayEdit', { date: formatDate(dayEdit.day) }) : ''}
        open={!!dayEdit}
        onClose={() => setDayEdit(null)}
        footer={
          <Button variant="secondary" onClick={() => setDayEdit(null)}>
            {t('common:actions.cancel')}
          </Button>
        }
      >
        {dayEdit?.confirm ? <Notice tone="info">{t('roster.confirmHoliday')}</Notice> : null}
        {v?.status === 'published' ? <Notice tone="info">{t('grid.dayPublished')}</Notice> : null}
        <TextField
          label={t('roster.reason')}
          value={reason}
          maxLength={120}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="page-actions">
          {(['closed', 'open', 'default'] as const).map((kind) => (
            <Button
              key={kind}
              variant="secondary"
              onClick={() => {
                const d = dayEdit!;
                setDayEdit(null);
                void run(async () => (await api.call('roster.setDay', { day: d.day, kind, reason }), ''));
              }}
            >
              {t(kind === 'closed' ? 'roster.closeDay' : kind === 'open' ? 'roster.openDay' : 'roster.defaultDay')}
            </Button>
          ))}
        </div>
      </Dialog>
    </Page>
  );
}
