import { useState } from 'react';
import { dataKey, useT } from '../app/useT';
import { formatDate, formatTime } from '#shared/format/vietnamese';
import { vnDay, vnWeekday } from '#shared/time/vietnam';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { SelectField, TextField } from '../ui/Field';
import { LeaveSection } from './LeaveSection';
import { useProblemText } from './problems';
import { TodayNotice, useEveryMinute } from './TodayNotice';
import './team.css';

/** "Điểm danh trực": sign in and out of duty by name and PIN, today's duty, my shifts, my leave. */
export function DutyPage() {
  const { t } = useT('team');
  const { me } = useSession();
  const problemText = useProblemText();
  const today = useQuery('roster.today', {}, { refreshOn: ['roster.changed', 'team.changed'] });
  useEveryMinute(today.reload);
  const options = useQuery('access.signInOptions', {});
  const month = useQuery('roster.month', { month: vnDay(new Date()).slice(0, 7) });
  const [memberId, setMemberId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const myId = me?.member?.id ?? null;
  const other = memberId !== null && memberId !== myId ? memberId : null;

  /** Myself on my own session (no PIN asked again); someone else with their PIN. */
  const act = async (kind: 'signIn' | 'signOut', who: number, withPin: boolean) => {
    try {
      const p = await api.call(
        kind === 'signIn' ? 'attendance.signIn' : 'attendance.signOut',
        withPin ? { memberId: who, pin } : { memberId: who },
      );
      const at = kind === 'signIn' ? p.signedInAt : p.signedOutAt!;
      setMessage({
        tone: 'success',
        text: t(kind === 'signIn' ? 'duty.signedIn' : 'duty.signedOut', { name: p.fullName, time: formatTime(at) }),
      });
    } catch (error) {
      setMessage({ tone: 'error', text: problemText(error) });
    }
    setPin('');
    today.reload();
  };
  const d = today.data;
  const myPresence = d?.present.find((p) => p.memberId === myId && !p.signedOutAt) ?? null;
  const todayDay = vnDay(new Date());
  const mine = (month.data?.days ?? [])
    .filter((x) => x.day >= todayDay)
    .flatMap((x) =>
      x.shifts
        .filter((s) => s.members.some((m) => m.memberId === me?.member?.id))
        .map((s) => ({ day: x.day, shift: s.shift })),
    );

  return (
    <Page title={t('duty.title')}>
      <TodayNotice data={today.data} />
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <div className="two-columns">
        <div>
          {myId ? (
            <section className="card" aria-labelledby="duty-me">
              <h2 id="duty-me">{t('duty.meTitle')}</h2>
              <p>{myPresence ? t('duty.meIn', { time: formatTime(myPresence.signedInAt) }) : t('duty.meOut')}</p>
              <p className="field-hint">{t('duty.meHint')}</p>
              <div className="page-actions">
                {myPresence ? (
                  <Button size="large" variant="secondary" onClick={() => void act('signOut', myId, false)}>
                    {t('duty.signOut')}
                  </Button>
                ) : (
                  <Button size="large" onClick={() => void act('signIn', myId, false)}>
                    {t('duty.signIn')}
                  </Button>
                )}
              </div>
            </section>
          ) : null}
          <section className="card" aria-labelledby="duty-form">
            <h2 id="duty-form">{t('duty.otherTitle')}</h2>
            <p>{t('duty.otherIntro')}</p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (other) void act('signIn', other, true);
              }}
            >
              <SelectField
                label={t('duty.who')}
                value={other ?? ''}
                onChange={(e) => setMemberId(Number(e.target.value) || null)}
                options={[
                  { value: '', label: '—' },
                  ...(options.data?.members ?? [])
                    .filter((o) => o.id !== myId)
                    .map((o) => ({ value: String(o.id), label: o.fullName })),
                ]}
              />
              <TextField
                label={t('duty.pin')}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={pin}
                maxLength={8}
                onChange={(e) => setPin(e.target.value)}
              />
              <div className="page-actions">
                <Button type="submit" size="large" disabled={!pin || !other}>
                  {t('duty.signIn')}
                </Button>
                <Button
                  variant="secondary"
                  size="large"
                  disabled={!pin || !other}
                  onClick={() => other && void act('signOut', other, true)}
                >
                  {t('duty.signOut')}
                </Button>
              </div>
            </form>
          </section>
        </div>
        <section className="card" aria-labelledby="duty-today">
          <h2 id="duty-today">{t('duty.todayTitle', { date: formatDate(d?.day ?? todayDay) })}</h2>
          {d && !d.working ? <p>{t('duty.notWorking')}</p> : null}
          <h3>{t('duty.planned')}</h3>
          {d?.planned.length ? (
            <ul>
              {d.planned.map((p) => (
                <li key={p.memberId}>
                  {p.fullName} ({t(`shifts.${p.shift}`)})
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('duty.nobody')}</p>
          )}
          <h3>{t('duty.present')}</h3>
          {d?.present.length ? (
            <ul>
              {d.present.map((p) => (
                <li key={p.attendanceId}>
                  {p.fullName}: {t('duty.inAt', { time: formatTime(p.signedInAt) })}
                  {p.signedOutAt ? `, ${t('duty.outAt', { time: formatTime(p.signedOutAt) })}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('duty.nobody')}</p>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="my-shifts">
        <h2 id="my-shifts">{t('duty.myShifts')}</h2>
        {mine.length ? (
          <ul>
            {mine.map((s) => (
              <li key={s.day + s.shift}>
                {t(dataKey(`weekdays.${vnWeekday(s.day)}`))} {formatDate(s.day)} · {t(`shifts.${s.shift}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('duty.noShifts')}</p>
        )}
      </section>
      <LeaveSection />
    </Page>
  );
}
