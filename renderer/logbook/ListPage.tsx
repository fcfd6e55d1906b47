import { useState, type FormEvent } from 'react';
import { useT } from '../app/useT';
import { formatDate } from '#shared/format/vietnamese';
import type { ListFilter } from '#shared/logbook/schemas';
import { OUTCOMES } from '#shared/logbook/vocabulary';
import { HELP_KIND_KEYS } from '#shared/team/schemas';
import { vnDay } from '#shared/time/vietnam';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { navigate } from '../app/router';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateTimeFields';
import { SelectField, TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import './logbook.css';
import { Page } from '../ui/Page';
import { downloadFile } from '../ui/download';

const PAGE_SIZE = 50;

function thisMonth(): ListFilter {
  const today = vnDay(new Date());
  return { from: `${today.slice(0, 8)}01`, to: today, memberId: null, helpKind: null, outcome: null, village: null };
}

/** The book as a list: filter, page, export; each line opens its entry. */
export function ListPage() {
  const { t } = useT('logbook');
  const errorText = useErrorText();
  const [draft, setDraft] = useState<ListFilter>(thisMonth);
  const [filter, setFilter] = useState<ListFilter>(draft);
  const [page, setPage] = useState(1);
  const [problem, setProblem] = useState<string>();
  const list = useQuery('logbook.list', { filter, page, pageSize: PAGE_SIZE }, { refreshOn: ['logbook.changed'] });
  const team = useQuery('team.list', {});
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const set = (patch: Partial<ListFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft, village: draft.village?.trim() || null });
    setPage(1);
  };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      downloadFile(await api.call('logbook.export', { filter, format }));
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const all = { value: '', label: t('list.all') };
  return (
    <Page
      title={t('list.title')}
      actions={
        <>
          <Button onClick={() => navigate('/staff/logbook/new')}>{t('list.newEntry')}</Button>
          <Button variant="secondary" onClick={() => navigate(`/staff/logbook/day/${vnDay(new Date())}`)}>
            {t('list.today')}
          </Button>
        </>
      }
    >
      <form className="card logbook-filter" onSubmit={apply} aria-label={t('list.apply')}>
        <div className="field-row">
          <DateField label={t('list.from')} value={draft.from} onChange={(v) => set({ from: v })} />
          <DateField label={t('list.to')} value={draft.to} onChange={(v) => set({ to: v })} />
          <SelectField
            label={t('list.member')}
            value={draft.memberId ?? ''}
            onChange={(e) => set({ memberId: e.target.value ? Number(e.target.value) : null })}
            options={[
              all,
              ...(team.data ?? [])
                .filter((m) => m.accessRole !== 'admin')
                .map((m) => ({ value: String(m.id), label: m.fullName })),
            ]}
          />
          <SelectField
            label={t('list.helpKind')}
            value={draft.helpKind ?? ''}
            onChange={(e) => set({ helpKind: (e.target.value || null) as ListFilter['helpKind'] })}
            options={[all, ...HELP_KIND_KEYS.map((k) => ({ value: k, label: t(`team:helpKinds.${k}`) }))]}
          />
          <SelectField
            label={t('list.outcome')}
            value={draft.outcome ?? ''}
            onChange={(e) => set({ outcome: (e.target.value || null) as ListFilter['outcome'] })}
            options={[all, ...OUTCOMES.map((k) => ({ value: k, label: t(`vocabulary:outcomes.${k}`) }))]}
          />
          <TextField
            label={t('list.village')}
            value={draft.village ?? ''}
            onChange={(e) => set({ village: e.target.value })}
          />
        </div>
        <div className="page-actions">
          <Button type="submit">{t('list.apply')}</Button>
          <Button variant="secondary" onClick={() => void exportAs('csv')}>
            {t('list.exportCsv')}
          </Button>
          <Button variant="secondary" onClick={() => void exportAs('xlsx')}>
            {t('list.exportXlsx')}
          </Button>
        </div>
      </form>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {list.error ? <Notice tone="error">{errorText(list.error)}</Notice> : null}
      {list.data ? (
        <>
          <p role="status">{t('list.total', { count: list.data.total })}</p>
          {list.data.rows.length ? (
            <table className="data logbook-list">
              <thead>
                <tr>
                  <th scope="col">{t('columns.day')}</th>
                  <th scope="col">{t('columns.helpKinds')}</th>
                  <th scope="col">{t('columns.outcome')}</th>
                  <th scope="col">{t('columns.village')}</th>
                  <th scope="col">{t('columns.members')}</th>
                  <th scope="col">{t('columns.minutes')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={`#/staff/logbook/entry/${r.id}`}>
                        {formatDate(r.day)} {r.time}
                      </a>
                      {r.version > 1 ? (
                        <>
                          {' '}
                          <span className="badge">{t('list.version', { version: r.version })}</span>
                        </>
                      ) : null}
                      {r.late ? (
                        <>
                          {' '}
                          <span className="badge badge-late">{t('list.late')}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {r.helpKinds.map((k) => t(`team:helpKinds.${k}`)).join(', ')}
                      {r.procedure ? (
                        <>
                          <br />
                          <small>{t(`vocabulary:procedures.${r.procedure}`)}</small>
                        </>
                      ) : null}
                    </td>
                    <td>{t(`vocabulary:outcomes.${r.outcome}`)}</td>
                    <td>{r.village ?? ''}</td>
                    <td>{r.memberNames.join(', ')}</td>
                    <td>{r.minutes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('list.empty')}</p>
          )}
          <nav className="pager" aria-label={t('list.page', { page, pages })}>
            <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('list.previous')}
            </Button>
            <span>{t('list.page', { page, pages })}</span>
            <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('list.next')}
            </Button>
          </nav>
        </>
      ) : (
        <p role="status">{t('common:loading')}</p>
      )}
    </Page>
  );
}
