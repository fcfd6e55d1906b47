import { useState } from 'react';
import { useT } from '../app/useT';
import { formatDateTime } from '#shared/format/vietnamese';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { HubError, hubCall, useHub } from './client';
import { Loading, useErrorText } from './common';

/** For the admin: who is locked out after wrong sign-ins (accounts and network addresses), and lifting a lock. */
export function LocksPage() {
  const { t } = useT('province');
  const text = useErrorText();
  const locks = useHub('hub.locks', {});
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const unlock = async (kind: 'account' | 'address', key: string) => {
    try {
      await hubCall('hub.unlock', { kind, key });
      setNotice({ tone: 'success', text: t('locks.unlocked', { key }) });
    } catch (caught) {
      setNotice({ tone: 'error', text: caught instanceof HubError ? text(caught.body) : String(caught) });
    }
    locks.reload();
  };
  const table = (kind: 'account' | 'address', rows: { key: string; until: string; round: number }[] | undefined) => (
    <section className="card" aria-labelledby={`locks-${kind}`}>
      <h2 id={`locks-${kind}`}>{t(kind === 'account' ? 'locks.accounts' : 'locks.addresses')}</h2>
      {!rows?.length ? (
        <p>{t('locks.none')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t(kind === 'account' ? 'locks.name' : 'locks.address')}</th>
              <th scope="col">{t('locks.until')}</th>
              <th scope="col">{t('locks.round')}</th>
              <th scope="col">{t('locks.unlock')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>
                  <code>{r.key}</code>
                </td>
                <td>{formatDateTime(r.until)}</td>
                <td className="num">{r.round}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-secondary btn-normal"
                    aria-label={t('locks.unlockOne', { key: r.key })}
                    onClick={() => void unlock(kind, r.key)}
                  >
                    {t('locks.unlock')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
  return (
    <Page title={t('locks.title')}>
      <p>{t('locks.intro')}</p>
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {!locks.data ? (
        <Loading error={locks.error} retry={locks.reload} />
      ) : (
        <>
          {table(
            'account',
            locks.data.accounts.map((a) => ({ key: a.name, until: a.until, round: a.round })),
          )}
          {table(
            'address',
            locks.data.addresses.map((a) => ({ key: a.address, until: a.until, round: a.round })),
          )}
          <p>{t('locks.thisWeek', { count: locks.data.locksThisWeek })}</p>
        </>
      )}
    </Page>
  );
}
