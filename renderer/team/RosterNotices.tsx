import { useT } from '../app/useT';
import { formatDateTime, formatMonth } from '#shared/format/vietnamese';
import { api } from '../api/client';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { useChangeText } from './RosterChanges';

/** On a member's home screen: what a leader changed in their published duty, until they dismiss it. */
export function RosterNotices() {
  const { t } = useT('team');
  const notices = useQuery('roster.notices', {}, { refreshOn: ['roster.changed'] });
  const text = useChangeText();
  if (!notices.data?.length) return null;
  const dismiss = async (id: number) => {
    try {
      await api.call('roster.dismissNotice', { id });
    } finally {
      notices.reload();
    }
  };
  return (
    <section aria-label={t('notices.title')}>
      {notices.data.map((n) => (
        <Notice key={n.id} tone="info">
          <strong>{t('notices.title')}</strong>{' '}
          {t('notices.line', { month: formatMonth(n.month), changes: text(n.changes) })}{' '}
          {t('notices.by', { at: formatDateTime(n.at), name: n.byName ?? '' })}{' '}
          <Button variant="secondary" onClick={() => void dismiss(n.id)}>
            {t('notices.dismiss')}
          </Button>
        </Notice>
      ))}
    </section>
  );
}
