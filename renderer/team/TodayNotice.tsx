import { useEffect } from 'react';
import { useT } from '../app/useT';
import type { Output } from '#shared/contract';
import { formatDate } from '#shared/format/vietnamese';
import { SIGN_IN_GRACE_MINUTES } from '#shared/team/coverage';
import { useQuery } from '../app/useQuery';
import { Notice } from '../ui/Notice';

function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = h! * 60 + m! + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

type Today = Output<'roster.today'>;

/**
 * The warning the leader must see the same morning when today's duty is not covered. A screen
 * that already reads today's duty passes it in, so the page keeps one live subscription less
 * (each costs the browser one of its few connections to the point's server).
 */
export function TodayNotice({ data }: { data?: Today | undefined }) {
  return data ? <TodayProblem d={data} /> : <LiveTodayNotice />;
}

/** Re-read every minute: "nobody signed in by 08:30" becomes true with no event to announce it. */
export function useEveryMinute(reload: () => void): void {
  useEffect(() => {
    const id = setInterval(reload, 60_000);
    return () => clearInterval(id);
  }, [reload]);
}

function LiveTodayNotice() {
  const today = useQuery('roster.today', {}, { refreshOn: ['roster.changed', 'team.changed'] });
  useEveryMinute(today.reload);
  return today.data ? <TodayProblem d={today.data} /> : null;
}

function TodayProblem({ d }: { d: Today }) {
  const { t } = useT('team');
  if (!d.problem) return null;
  const date = formatDate(d.day);
  return (
    <Notice tone="error">
      {d.problem === 'nobody_planned'
        ? t('roster.nobodyPlanned', { date })
        : t('roster.nobodySignedIn', {
            date,
            time: addMinutes(d.openTime, SIGN_IN_GRACE_MINUTES),
            names: d.planned.map((p) => p.fullName).join(', '),
          })}
    </Notice>
  );
}
