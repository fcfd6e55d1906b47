import { useState } from 'react';
import { useT } from '../app/useT';
import { formatNumber, formatPercent } from '#shared/format/vietnamese';
import { BarChart } from '../reports/BarChart';
import { ReportSections } from '../reports/ReportDocument';
import { SelectField } from '../ui/Field';
import { Page } from '../ui/Page';
import { useHub } from './client';
import { Loading, usePeriodName } from './common';
import type { ScreenProps } from './HubApp';

/** One unit in depth: month by month (chart beside its table), then the year's figures as the report shows them. */
export function UnitPage({ rest, today }: ScreenProps) {
  const { t } = useT('province');
  const periodName = usePeriodName();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, reload } = useHub('hub.commune', { unit: rest, year });
  const title = data ? t('unit.title', { unit: data.name }) : rest;
  const none = t('unit.noData');
  const actions = (
    <>
      <a className="btn btn-ghost btn-normal" href="#/">
        {t('unit.back')}
      </a>
      <SelectField
        label={t('unit.year')}
        value={String(year)}
        onChange={(e) => setYear(Number(e.target.value))}
        options={[thisYear, thisYear - 1].map((y) => ({ value: String(y), label: String(y) }))}
      />
    </>
  );
  if (!data)
    return (
      <Page title={title} actions={actions}>
        <Loading error={error} retry={reload} />
      </Page>
    );
  const chartTitle = t('unit.chart');
  return (
    <Page title={title} actions={actions}>
      <p>
        {data.code ? t('unit.code', { code: data.code }) : t('unit.noCode')}
        {data.pilot ? ` · ${t('overview.units.pilot')}` : ''}
      </p>
      {data.enrolled ? null : <p className="notice notice-warning">{t('unit.notEnrolled')}</p>}
      <section className="card" aria-labelledby="months-title">
        <h2 id="months-title">{t('unit.months')}</h2>
        <div className="hub-pair">
          <BarChart
            title={chartTitle}
            bars={data.months.map((m) => ({ label: periodName(m.month), value: m.supports ?? 0 }))}
          />
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('unit.month')}</th>
                <th scope="col">{t('unit.closed')}</th>
                <th scope="col">{t('unit.expected')}</th>
                <th scope="col">{t('unit.supports')}</th>
                <th scope="col">{t('unit.applications')}</th>
                <th scope="col">{t('unit.fullyOnline')}</th>
              </tr>
            </thead>
            <tbody>
              {data.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{periodName(m.month)}</th>
                  <td className="num">{formatNumber(m.closedDays)}</td>
                  <td className="num">{formatNumber(m.expectedDays)}</td>
                  <td className="num">{m.supports === null ? none : formatNumber(m.supports)}</td>
                  <td className="num">{m.applications === null ? none : formatNumber(m.applications)}</td>
                  <td className="num">
                    {m.fullyOnlinePercent === null ? '—' : formatPercent(m.fullyOnlinePercent, 1)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card report-doc" aria-label={String(data.year)}>
        <p className="report-note">{t('unit.obstaclesNote')}</p>
        {data.yearReport ? <ReportSections report={data.yearReport} /> : <p>{t('unit.noYear')}</p>}
      </section>
    </Page>
  );
}
