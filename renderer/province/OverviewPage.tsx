import { useState } from 'react';
import { dataKey, useT } from '../app/useT';
import { formatDate, formatNumber, formatTime } from '#shared/format/vietnamese';
import type { HubOutput } from '#shared/province/contract';
import { BarChart } from '../reports/BarChart';
import { Checkbox, TextField } from '../ui/Field';
import { downloadFile } from '../ui/download';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { foldVietnamese } from '#shared/text/fold';
import { addDays } from '#shared/time/vietnam';
import { hubCall, useHub } from './client';
import { Loading, Percent, PeriodPicker } from './common';
import type { ScreenProps } from './HubApp';
import { ScrollRegion } from './ScrollRegion';
import { TargetsTable } from './TargetsTable';

type Overview = HubOutput<'hub.overview'>;
type Unit = Overview['units'][number];

export const unitHref = (name: string) => `#/unit/${encodeURIComponent(name)}`;

function Kpis({ o }: { o: Overview }) {
  const { t } = useT('province');
  const r = o.reporting;
  const none = t('overview.kpi.none');
  const heard = o.units.filter((u) => u.reporting.actual + u.reporting.extra > 0).length;
  return (
    <div className="cards hub-kpis">
      <div className="card">
        <h2>{t('overview.kpi.rate')}</h2>
        <p className="hub-big">
          <Percent value={r.ratePercent} none={none} />
        </p>
        <p>{t('overview.kpi.rateDetail', { actual: formatNumber(r.actual), expected: formatNumber(r.expected) })}</p>
      </div>
      <div className="card">
        <h2>{t('overview.kpi.onTime')}</h2>
        <p className="hub-big">
          <Percent value={r.onTimePercent} none={none} />
        </p>
        <p>
          {t('overview.kpi.onTimeDetail', {
            onTime: formatNumber(r.onTime),
            late: formatNumber(r.late),
            days: o.timelyDays,
          })}
        </p>
      </div>
      <div className="card">
        <h2>{t('overview.kpi.reporting')}</h2>
        <p className="hub-big">
          {formatNumber(heard)}/{formatNumber(o.units.length)}
        </p>
      </div>
      <div className="card">
        <h2>{t('overview.kpi.supports')}</h2>
        <p className="hub-big">{formatNumber(o.totals.supports)}</p>
      </div>
      <div className="card">
        <h2>{t('overview.kpi.fullyOnline')}</h2>
        <p className="hub-big">
          <Percent value={o.totals.sharePercent} none={none} />
        </p>
        <p>
          {formatNumber(o.totals.fullyOnline)}/{formatNumber(o.totals.applications)}
        </p>
      </div>
    </div>
  );
}

function Alerts({ o }: { o: Overview }) {
  const { t } = useT('province');
  return (
    <section className="card" aria-labelledby="alerts-title">
      <h2 id="alerts-title">
        {t('overview.alerts.title')} ({formatNumber(o.alerts.length)})
      </h2>
      {o.alerts.length === 0 ? (
        <p>{t('overview.alerts.none')}</p>
      ) : (
        <ScrollRegion label={t('overview.alerts.title')} className="hub-list">
          <ul>
            {o.alerts.map((a) => (
              <li key={`${a.kind}:${a.unit}`} className={`hub-alert hub-alert-${a.kind}`}>
                {a.unit ? (
                  <a href={unitHref(a.unit)}>
                    {t(dataKey(`province:overview.alerts.${a.kind}`), { unit: a.unit, count: a.count })}
                  </a>
                ) : (
                  t('overview.alerts.refusedUnknown', { count: a.count })
                )}
              </li>
            ))}
          </ul>
        </ScrollRegion>
      )}
      {o.unknownSenders.length ? (
        <p>{t('overview.unknownSenders', { count: o.unknownSenders.reduce((n, u) => n + u.files, 0) })}</p>
      ) : null}
    </section>
  );
}

function NotReported({ o }: { o: Overview }) {
  const { t } = useT('province');
  if (!o.dueDay) return null;
  const day = formatDate(o.dueDay);
  return (
    <section className="card" aria-labelledby="not-reported-title">
      <h2 id="not-reported-title">
        {t('overview.notReported.title')} ({t('overview.notReported.count', { count: o.notReported.length })})
      </h2>
      {o.notReported.length === 0 ? (
        <p>{t('overview.notReported.none', { day })}</p>
      ) : (
        <>
          <p>{t('overview.notReported.intro', { day })}</p>
          <ScrollRegion label={t('overview.notReported.title')} className="hub-list">
            <ol>
              {o.notReported.map((n) => (
                <li key={n.name}>
                  <a href={unitHref(n.name)}>{n.name}</a>
                  {': '}
                  {n.lastDay
                    ? t('overview.notReported.last', { day: formatDate(n.lastDay), count: n.silentWorkingDays ?? 0 })
                    : n.enrolled
                      ? t('overview.notReported.never')
                      : t('overview.notReported.notEnrolled')}
                </li>
              ))}
            </ol>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

const hasProblem = (u: Unit) =>
  u.lastDay === null || (u.silentWorkingDays ?? 0) > 0 || u.gap !== null || u.refusedFiles > 0 || u.missingDays > 0;

export function UnitsTable({ units, caption }: { units: Unit[]; caption: string }) {
  const { t } = useT('province');
  const noData = t('overview.units.noData');
  return (
    <ScrollRegion label={caption}>
      <table className="data hub-units">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.units.name')}</th>
            <th scope="col">{t('overview.units.lastBatch')}</th>
            <th scope="col">{t('overview.units.silent')}</th>
            <th scope="col">{t('overview.units.reporting')}</th>
            <th scope="col">{t('overview.units.onTime')}</th>
            <th scope="col">{t('overview.units.gaps')}</th>
            <th scope="col">{t('overview.units.refused')}</th>
            <th scope="col">{t('overview.units.supports')}</th>
            <th scope="col">{t('overview.units.fullyOnline')}</th>
            <th scope="col">{t('overview.units.activities')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => {
            const judged = u.activities.filter((a) => a.met !== null);
            return (
              <tr key={u.name}>
                <th scope="row">
                  <a href={unitHref(u.name)}>{u.name}</a>
                  {u.pilot ? <span className="hub-tag">{t('overview.units.pilot')}</span> : null}
                </th>
                <td>
                  {u.lastBatchAt
                    ? `${formatDate(u.lastBatchAt)} ${formatTime(u.lastBatchAt)}`
                    : t('overview.units.never')}
                </td>
                <td className="num">{u.silentWorkingDays === null ? '—' : formatNumber(u.silentWorkingDays)}</td>
                <td className="num">
                  {u.reporting.expected
                    ? `${formatNumber(u.reporting.actual)}/${formatNumber(u.reporting.expected)}`
                    : '—'}
                </td>
                <td className="num">
                  <Percent value={u.reporting.onTimePercent} none="—" />
                </td>
                <td className="num">{u.gap ? formatNumber(u.gap.missing.length) : '0'}</td>
                <td className="num">{formatNumber(u.refusedFiles)}</td>
                <td className="num">{u.supports === null ? noData : formatNumber(u.supports)}</td>
                <td className="num">
                  <Percent value={u.fullyOnlinePercent} none={u.supports === null ? noData : '—'} />
                </td>
                <td className="num">
                  {judged.length ? `${judged.filter((a) => a.met).length}/${judged.length}` : noData}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The units that helped most in the period, as bars beside the same figures in a table. */
export function TopUnitsChart({ o }: { o: Overview }) {
  const { t } = useT('province');
  const title = t('province:overview.chartTitle', { count: TOP_UNITS });
  const bars = o.units
    .filter((u) => (u.supports ?? 0) > 0)
    .sort((a, b) => b.supports! - a.supports! || a.name.localeCompare(b.name, 'vi'))
    .slice(0, TOP_UNITS)
    .map((u) => ({ label: u.name, value: u.supports! }));
  if (!bars.length) return null;
  return (
    <section className="card" aria-labelledby="chart-title">
      <h2 id="chart-title">{title}</h2>
      <p className="report-note">{t('province:overview.chartNote')}</p>
      <div className="hub-pair">
        <BarChart title={title} bars={bars} />
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('province:overview.units.name')}</th>
              <th scope="col">{t('province:overview.units.supports')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <td>{b.label}</td>
                <td className="num">{formatNumber(b.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const TOP_UNITS = 15;

export function OverviewPage({ period, setPeriod, today }: ScreenProps) {
  const { t } = useT('province');
  const { data, error, reload } = useHub('hub.overview', { period }, { live: true });
  const [filter, setFilter] = useState('');
  const [problems, setProblems] = useState(false);
  const exportAs = (format: 'csv' | 'xlsx') => void hubCall('hub.export', { period, format }).then(downloadFile);
  const actions = (
    <>
      <PeriodPicker value={period} today={today} onChange={setPeriod} />
      <button type="button" className="btn btn-secondary btn-normal" onClick={() => exportAs('csv')}>
        {t('export.csv')}
      </button>
      <button type="button" className="btn btn-secondary btn-normal" onClick={() => exportAs('xlsx')}>
        {t('export.xlsx')}
      </button>
    </>
  );
  if (!data)
    return (
      <Page title={t('overview.title')} actions={actions}>
        <Loading error={error} retry={reload} />
      </Page>
    );
  const folded = foldVietnamese(filter);
  const units = data.units.filter(
    (u) => (!folded || foldVietnamese(u.name).includes(folded)) && (!problems || hasProblem(u)),
  );
  const generated = new Date(data.generatedAt);
  return (
    <Page title={t('overview.title')} actions={actions}>
      <p>
        {t('overview.asOf', {
          day: formatDate(addDays(data.until, -1)),
          time: formatTime(generated),
          date: formatDate(generated),
        })}
      </p>
      <Kpis o={data} />
      {data.reporting.extra ? <Notice>{t('overview.extra', { count: data.reporting.extra })}</Notice> : null}
      <p className="report-note">{t('overview.rateRule')}</p>
      <div className="hub-two">
        <Alerts o={data} />
        <NotReported o={data} />
      </div>
      <TargetsTable o={data} />
      <TopUnitsChart o={data} />
      <section className="card" aria-labelledby="units-title">
        <h2 id="units-title">{t('overview.units.title')}</h2>
        <div className="hub-filters">
          <TextField
            label={t('overview.units.filter')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            type="search"
          />
          <Checkbox
            label={t('overview.units.onlyProblems')}
            checked={problems}
            onChange={(e) => setProblems(e.target.checked)}
          />
        </div>
        <UnitsTable units={units} caption={t('overview.units.caption')} />
      </section>
    </Page>
  );
}
