import { useT } from '../app/useT';
import { formatDate } from '#shared/format/vietnamese';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { carriedText, formatInstant } from './describe';

/**
 * On the staff home: days nobody closed, which the point closed by itself the next working
 * morning. It stays until an official says they have seen it.
 */
export function AutoCloseNotice() {
  const { t } = useT('logbook');
  const { me } = useSession();
  const closes = useQuery('logbook.autoCloses', {}, { refreshOn: ['logbook.changed'] });
  const official = me?.role === 'commune_official' || me?.role === 'admin';
  if (!closes.data?.length) return null;
  const acknowledge = async () => {
    await api.call('logbook.acknowledgeAutoCloses', { days: closes.data!.map((c) => c.day) });
    closes.reload();
  };
  return (
    <Notice tone="warning">
      <strong>{t('autoClose.title')}</strong>
      <ul className="logbook-auto-closes">
        {closes.data.map((c) => (
          <li key={c.day}>
            {t('autoClose.one', { date: formatDate(c.day), at: formatInstant(c.at) })}
            {carriedText(t, c.carried) ? ` ${carriedText(t, c.carried)}` : ''}{' '}
            <a href={`#/staff/logbook/day/${c.day}`}>{t('autoClose.openDay', { date: formatDate(c.day) })}</a>
          </li>
        ))}
      </ul>
      {official ? (
        <Button variant="secondary" onClick={() => void acknowledge()}>
          {t('autoClose.acknowledge')}
        </Button>
      ) : null}
    </Notice>
  );
}
