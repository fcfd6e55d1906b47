import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract';
import { ALLOW } from '../../shared/contract/roles';
import { formatDate } from '../../shared/format/vietnamese';
import { vnDay } from '../../shared/time/vietnam';
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
import { RosterTable, type Place } from './RosterTable';
import { TodayNotice } from './TodayNotice';
import './team.css';

type Day = Output<'roster.month'>['days'][number];
type Confirm = { text: string; action: () => Promise<string> } | null;

/** The month's duty roster: build, check coverage and balance, edit, swap, publish, print, export. */
export function RosterPage() {
  const { t } = useTranslation('team');
  const { me } = useSession();
  const problemText = useProblemText();
  const [month, setMonth] = useState(() => vnDay(new Date()).slice(0, 7));
  const view = useQuery('roster.month', { month }, { refreshOn: ['roster.changed', 'team.changed', 'settings.changed'] });
  const team = useQuery('team.list', {});
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [swapping, setSwapping] = useState(false);
  const [picked, setPicked] = useState<Place | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [dayEdit, setDayEdit] = useState<Day | null>(null);
  const [reason, setReason] = useState('');
  const [printing, setPrinting] = useState(false);
  const editable = !!me && (ALLOW.leaders as readonly string[]).includes(me.role);
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
  const pick = (place: Place) => {
    if (!picked) return setPicked(place);
    if (picked.shiftId === place.shiftId) return setPicked(null);
    void run(async () => {
      await api.call('roster.swap', { a: picked.shiftId, b: place.shiftId });
      setPicked(null);
      return t('roster.swapped');
    });
  };
  const generate = () => setConfirm({
    text: t('roster.generateConfirm'),
    action: async () => {
      const r = await api.call('roster.generate', v?.status === 'draft' ? { month, seed: Math.floor(Math.random() * 2 ** 31) } : { month });
      return [t('roster.generated', { assigned: r.assigned }), r.gaps ? t('roster.generatedGaps', { gaps: r.gaps }) : '',
        r.languageGaps.length ? t('roster.generatedLanguage', { days: r.languageGaps.map(formatDate).join(', ') }) : ''].filter(Boolean).join(' ');
    },
  });
  const exportAs = (format: 'csv' | 'xlsx') => run(async () => (downloadFile(await api.call('roster.export', { month, format })), ''));

  if (printing && v) return <RosterPrint view={v} maker={me?.member?.fullName ?? ''} onBack={() => setPrinting(false)} />;
  const working = v?.days.filter((d) => d.working) ?? [];
  const below = working.flatMap((d) => d.shifts).filter((s) => s.state === 'below').length;
  const above = working.flatMap((d) => d.shifts).filter((s) => s.state === 'above').length;
  const members = (team.data ?? []).filter((m) => m.active && m.position !== null);
  const year = month.slice(0, 4);
  const [y, m] = month.split('-');

  return (
    <Page title={t('roster.title')} actions={editable && v ? (
      <>
        {v.status !== 'published' ? <Button onClick={generate}>{v.status === 'none' ? t('roster.generate') : t('roster.regenerate')}</Button> : null}
        <Button variant={swapping ? 'primary' : 'secondary'} aria-pressed={swapping} onClick={() => { setSwapping(!swapping); setPicked(null); }}>
          {swapping ? t('roster.swapCancel') : t('roster.swapMode')}
        </Button>
        {v.status === 'draft' ? (
          <Button onClick={() => setConfirm({ text: t('roster.publishConfirm', { month: `${Number(m)}/${y}` }), action: async () => (await api.call('roster.publish', { month }), t('roster.published')) })}>
            {t('roster.publish')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={() => setPrinting(true)}>{t('roster.print')}</Button>
        <Button variant="secondary" onClick={() => void exportAs('csv')}>{t('roster.exportCsv')}</Button>
        <Button variant="secondary" onClick={() => void exportAs('xlsx')}>{t('roster.exportXlsx')}</Button>
      </>
    ) : null}>
      <TodayNotice />
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <MonthPicker month={month} onChange={(next) => { setMonth(next); setPicked(null); }} />
      {v ? (
        <>
          <p>
            <strong>{t('roster.statusLine', { status: t(`roster.status.${v.status}`) })}</strong>
            {v.publishedAt ? ` · ${t('roster.publishedAt', { at: formatDate(v.publishedAt), version: v.version })}` : ''}
          </p>
          <p>{t('roster.rule')}</p>
          {below ? <Notice tone="warning">{t('roster.belowCount', { count: below })}</Notice> : null}
          {above ? <Notice tone="warning">{t('roster.aboveCount', { count: above })}</Notice> : null}
          {!v.hasLunarTable ? <Notice tone="warning">{t('roster.noLunarTable', { year })}</Notice> : null}
          {v.days.some((d) => d.confirm) ? <Notice tone="info">{t('roster.confirmHoliday')}</Notice> : null}
          {swapping ? <Notice tone="info">{picked ? t('roster.swapPickSecond', { name: picked.fullName, date: formatDate(picked.day) }) : t('roster.swapPickFirst')}</Notice> : null}
          {!editable && v.status !== 'published' ? <Notice tone="info">{t('roster.notPublished')}</Notice> : (
          <RosterTable
            view={v} editable={editable} members={members} picked={picked} swapping={swapping} onPick={pick}
            onRemove={(p) => void run(async () => (await api.call('roster.unassign', { shiftId: p.shiftId }), ''))}
            onAdd={(day, shift, memberId) => void run(async () => (await api.call('roster.assign', { day, shift: shift as 'full', memberId }), ''))}
            onEditDay={(d) => { setReason(d.reason ?? ''); setDayEdit(d); }}
          />
          )}
          <section className="card" aria-labelledby="balance" style={{ marginTop: '1rem' }}>
            <h2 id="balance">{t('roster.balance')}</h2>
            <table className="data">
              <thead><tr><th scope="col">{t('roster.member')}</th><th scope="col">{t('roster.shiftsCount')}</th><th scope="col">{t('roster.unavailableDays')}</th><th scope="col">{t('roster.speaksLocal')}</th></tr></thead>
              <tbody>
                {v.tally.map((r) => (
                  <tr key={r.memberId}><td>{r.fullName}</td><td>{r.shifts}</td><td>{r.unavailableDays || ''}</td><td>{r.speaksLocal ? t('common:yes') : ''}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
          {editable ? <RosterSettingsForm settings={v.settings} onDone={(text, error) => setMessage(error ? { tone: 'error', text: problemText(error) } : { tone: 'success', text })} /> : null}
        </>
      ) : <p role="status">{view.error ? problemText(view.error) : t('common:loading')}</p>}

      <Dialog title={t('common:actions.confirm')} open={!!confirm} onClose={() => setConfirm(null)}
        footer={<>
          <Button variant="secondary" onClick={() => setConfirm(null)}>{t('common:actions.cancel')}</Button>
          <Button onClick={() => { const c = confirm; setConfirm(null); if (c) void run(c.action); }}>{t('common:actions.confirm')}</Button>
        </>}>
        <p>{confirm?.text}</p>
      </Dialog>
      <Dialog title={dayEdit ? t('roster.dayEdit', { date: formatDate(dayEdit.day) }) : ''} open={!!dayEdit} onClose={() => setDayEdit(null)}
        footer={<Button variant="secondary" onClick={() => setDayEdit(null)}>{t('common:actions.cancel')}</Button>}>
        {dayEdit?.confirm ? <Notice tone="info">{t('roster.confirmHoliday')}</Notice> : null}
        <TextField label={t('roster.reason')} value={reason} maxLength={120} onChange={(e) => setReason(e.target.value)} />
        <div className="page-actions">
          {(['closed', 'open', 'default'] as const).map((kind) => (
            <Button key={kind} variant="secondary" onClick={() => { const d = dayEdit!; setDayEdit(null); void run(async () => (await api.call('roster.setDay', { day: d.day, kind, reason }), '')); }}>
              {t(kind === 'closed' ? 'roster.closeDay' : kind === 'open' ? 'roster.openDay' : 'roster.defaultDay')}
            </Button>
          ))}
        </div>
      </Dialog>
    </Page>
  );
}
