import { useId, useState } from 'react';
import { useT } from '../app/useT';
import { formatNumber } from '#shared/format/vietnamese';
import type { FigureRow } from '#shared/queue/schemas';
import { addDays, isRealDay, vnDay } from '#shared/time/vietnam';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateTimeFields';
import { Page } from '../ui/Page';

/** Waiting and service times per kind of help and per member, for today or a chosen period. */
export function QueueFigures() {
  const { t } = useT('queue');
  const errorText = useErrorText();
  const today = vnDay(new Date());
  const [period, setPeriod] = useState({ from: today, to: today });
  const valid = period.from <= period.to;
  const figures = useQuery('queue.figures', period, { refreshOn: ['queue.changed'], enabled: valid });
  const preset = (days: number) => setPeriod({ from: addDays(today, -days + 1), to: today });
  return (
    <Page title={t('figures.title')}>
      <div className="card figures-period">
        <DateField
          label={t('figures.from')}
          value={period.from}
          max={today}
          onChange={(v) => isRealDay(v) && setPeriod((p) => ({ ...p, from: v }))}
        />
        <DateField
          label={t('figures.to')}
          value={period.to}
          max={today}
          error={valid ? undefined : 'queue:problems.period'}
          onChange={(v) => isRealDay(v) && setPeriod((p) => ({ ...p, to: v }))}
        />
        <div className="page-actions">
          <Button variant="secondary" onClick={() => preset(1)}>
            {t('figures.today')}
          </Button>
          <Button variant="secondary" onClick={() => preset(7)}>
            {t('figures.last7')}
          </Button>
          <Button variant="secondary" onClick={() => preset(30)}>
            {t('figures.last30')}
          </Button>
        </div>
      </div>
      {figures.error ? <p role="alert">{errorText(figures.error)}</p> : null}
      {figures.data ? (
        <>
          <FigureTable
            title={t('figures.byKind')}
            rows={figures.data.byKind.map((r) => ({ ...r, label: t(`team:helpKinds.${r.key}`) }))}
            total={figures.data.total}
          />
          <FigureTable title={t('figures.byMember')} rows={figures.data.byMember} />
        </>
      ) : null}
    </Page>
  );
}

function FigureTable({ title, rows, total }: { title: string; rows: FigureRow[]; total?: FigureRow }) {
  const { t } = useT('queue');
  const n = (v: number | null) => (v === null ? t('figures.none') : formatNumber(v, 1));
  const cells = (r: FigureRow) => [
    r.tickets,
    r.served,
    r.noShows,
    n(r.avgWaitMinutes),
    n(r.maxWaitMinutes),
    n(r.avgServiceMinutes),
  ];
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <table className="data">
        <thead>
          <tr>
            {(['name', 'tickets', 'served', 'noShows', 'avgWait', 'maxWait', 'avgService'] as const).map((c) => (
              <th key={c} scope="col">
                {t(`figures.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {cells(r).map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr>
              <th scope="row">{t('figures.total')}</th>
              {cells(total).map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </section>
  );
}
