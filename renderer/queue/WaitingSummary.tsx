import { useT } from '../app/useT';
import { useQuery } from '../app/useQuery';
import { Notice } from '../ui/Notice';

/** On the staff home: how many wait now and how many are past the maximum wait, with the way to the desk. */
export function WaitingSummary() {
  const { t } = useT('queue');
  const view = useQuery('queue.desk', {}, { refreshOn: ['queue.changed'] });
  if (!view.data) return null;
  const overdue = view.data.waiting.filter((w) => w.overdue).length;
  return (
    <Notice tone={overdue ? 'warning' : 'info'}>
      <strong>{t('home.waiting', { count: view.data.waiting.length })}</strong>
      {overdue ? ` · ${t('home.overdue', { count: overdue, minutes: view.data.maxWaitMinutes })}` : ''}{' '}
      <a href="#/staff/desk">{t('home.openDesk')}</a>
    </Notice>
  );
}
