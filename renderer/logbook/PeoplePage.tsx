import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useT } from '../app/useT';
import { EraseDialog } from './EraseDialog';
import type { z } from 'zod';
import type { Output } from '#shared/contract';
import { formatDate } from '#shared/format/vietnamese';
import { logbookSettings } from '#shared/logbook/schemas';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import './logbook.css';
import { Page } from '../ui/Page';

type Found = Output<'logbook.findPerson'>;

/** A citizen's rights on the book: find their entries, show them, erase their data; and retention. */
export function PeoplePage() {
  const { t } = useT('logbook');
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [erasing, setErasing] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const search = async (e?: FormEvent) => {
    e?.preventDefault();
    try {
      const rows = await api.call('logbook.findPerson', { query });
      setFound(rows);
      setSelected(rows.map((r) => r.id));
      setMessage(null);
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    }
  };
  const erase = async () => {
    setErasing(false);
    try {
      const { erased } = await api.call('logbook.erase', { ids: selected, reason });
      setMessage({ tone: 'success', text: t('find.erased', { count: erased }) });
      setFound(null);
      setReason('');
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    }
  };
  return (
    <Page title={t('find.title')}>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <form className="card" onSubmit={(e) => void search(e)} role="search">
        <TextField
          label={t('find.query')}
          hint={t('find.hint')}
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
        <Button type="submit" disabled={query.trim().length < 2}>
          {t('common:actions.search')}
        </Button>
      </form>
      {found ? (
        <section className="card" aria-labelledby="found-heading">
          <h2 id="found-heading">{found.length ? t('find.results', { count: found.length }) : t('find.none')}</h2>
          {found.length ? (
            <>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">{t('find.select', { id: '' })}</span>
                    </th>
                    <th scope="col">{t('columns.day')}</th>
                    <th scope="col">{t('form.fullName')}</th>
                    <th scope="col">{t('form.phone')}</th>
                    <th scope="col">{t('columns.helpKinds')}</th>
                    <th scope="col">{t('columns.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {found.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('find.select', { id: r.id })}
                          checked={selected.includes(r.id)}
                          onChange={(e) =>
                            setSelected((s) => (e.target.checked ? [...s, r.id] : s.filter((x) => x !== r.id)))
                          }
                        />
                      </td>
                      <td>
                        <a href={`#/staff/logbook/entry/${r.id}`}>
                          {formatDate(r.day)} {r.time}
                        </a>
                      </td>
                      <td>{r.fullName ?? ''}</td>
                      <td>{r.phone ?? ''}</td>
                      <td>{r.helpKinds.map((k) => t(`team:helpKinds.${k}`)).join(', ')}</td>
                      <td>{t(`vocabulary:outcomes.${r.outcome}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                <Button variant="danger" disabled={!selected.length} onClick={() => setErasing(true)}>
                  {t('find.erase')}
                </Button>
              </p>
            </>
          ) : null}
        </section>
      ) : null}
      <Retention />
      <EraseDialog
        open={erasing}
        title={t('find.erase')}
        reason={reason}
        onReason={setReason}
        onClose={() => setErasing(false)}
        onErase={() => void erase()}
      >
        <p>{t('find.eraseConfirm', { count: selected.length })}</p>
        <Notice tone="warning">{t('security:erasure.copies')}</Notice>
      </EraseDialog>
    </Page>
  );
}

/** The retention period: everyone sees it, the admin sets it and may purge at once. */
function Retention() {
  const { t } = useT('logbook');
  const errorText = useErrorText();
  const { me } = useSession();
  const isAdmin = me?.role === 'admin';
  const current = useQuery('logbook.settings.get', {});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<z.input<typeof logbookSettings>>({
    resolver: zodResolver(logbookSettings),
  });
  useEffect(() => {
    if (current.data) reset(current.data);
  }, [current.data, reset]);
  const save = handleSubmit(async (values) => {
    try {
      await api.call('logbook.settings.update', logbookSettings.parse(values));
      setMessage({ tone: 'success', text: t('settings.saved') });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    }
  });
  const purge = async () => {
    try {
      const { erased } = await api.call('logbook.purgeNow', {});
      setMessage({ tone: 'success', text: t('settings.purged', { count: erased }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    }
  };
  return (
    <section className="card" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('settings.title')}</h2>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <form onSubmit={save} noValidate>
        <TextField
          label={t('settings.retention')}
          hint={t('settings.hint')}
          type="number"
          min={1}
          max={120}
          readOnly={!isAdmin}
          error={formState.errors.retentionMonths?.message}
          {...register('retentionMonths', { valueAsNumber: true })}
        />
        {isAdmin ? (
          <div className="page-actions">
            <Button type="submit">{t('common:actions.save')}</Button>
            <Button variant="secondary" onClick={() => void purge()}>
              {t('settings.purgeNow')}
            </Button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
