import { useState } from 'react';
import { dataKey, useT } from '../app/useT';
import { formatDate, formatNumber, formatPercent } from '#shared/format/vietnamese';
import { periodName } from '#shared/reports/labels';
import { addDays } from '#shared/time/vietnam';
import { ReportSections } from '../reports/ReportDocument';
import { AdminDocument } from '../ui/AdminDocument';
import { TextField } from '../ui/Field';
import { Page } from '../ui/Page';
import { useHub } from './client';
import { Loading, PeriodPicker } from './common';
import type { ScreenProps } from './HubApp';
import { RankingTable } from './RankingPage';
import { TargetsTable } from './TargetsTable';

/**
 * The province's monthly, quarterly or yearly report (§8.2.c) in the layout of Decree 30/2020,
 * always in Vietnamese (an administrative record). The offices' names are typed in before
 * printing: the hub does not know which office files it, and never guesses.
 */
export function ReportPage({ period, setPeriod, today }: ScreenProps) {
  const { t } = useT('province');
  const vi = (key: string, options: Record<string, unknown> = {}) =>
    t(dataKey(`province:${key}`), { ...options, lng: 'vi' });
  const { data, error, reload } = useHub('hub.report', { period });
  const [issuerParent, setIssuerParent] = useState('');
  const [issuer, setIssuer] = useState('');
  const [signerTitle, setSignerTitle] = useState('');
  const [signerName, setSignerName] = useState('');
  const blank = vi('report.blank');
  const actions = (
    <>
      <PeriodPicker value={period} today={today} onChange={setPeriod} />
      <button type="button" className="btn btn-primary btn-normal" onClick={() => window.print()} disabled={!data}>
        {t('report.print')}
      </button>
    </>
  );
  return (
    <Page title={t('report.title')} actions={actions}>
      <div className="no-print">
        <p>{t('report.intro')}</p>
        <div className="field-row">
          <TextField
            label={t('report.issuerParent')}
            value={issuerParent}
            onChange={(e) => setIssuerParent(e.target.value)}
            maxLength={120}
          />
          <TextField
            label={t('report.issuer')}
            value={issuer}
            onChange={(e) => setIssuer(e.target.value)}
            maxLength={120}
          />
          <TextField
            label={t('report.signerTitle')}
            value={signerTitle}
            onChange={(e) => setSignerTitle(e.target.value)}
            maxLength={120}
          />
          <TextField
            label={t('report.signerName')}
            value={signerName}
            onChange={(e) => setSignerName(e.target.value)}
            maxLength={120}
          />
        </div>
      </div>
      {data ? (
        <div className="report-doc hub-report">
          <AdminDocument
            issuerParent={issuerParent || blank}
            issuer={issuer || blank}
            kind="letter"
            number={{ code: '' }}
            place="Gia Lai"
            day={today}
            title={vi('report.docTitle')}
            summary={vi('report.docSummary', { period: periodName(data.period, 'vi').toLowerCase() })}
            subtitle={vi('report.docSubtitle', {
              period: periodName(data.period, 'vi'),
              from: formatDate(data.period.from),
              to: formatDate(data.period.to),
              until: formatDate(addDays(data.until, -1)),
            })}
            recipients={[vi('report.recipient')]}
            copies={[vi('report.copyAbove'), vi('report.copyArchive')]}
            signers={[{ title: signerTitle || vi('report.signer'), ...(signerName ? { name: signerName } : {}) }]}
          >
            <p className="report-basis">{vi('report.basis')}</p>
            <section className="report-section">
              <h2>{vi('report.sections.reporting')}</h2>
              <table>
                <tbody>
                  {(
                    [
                      [
                        'units',
                        formatNumber(data.units.filter((u) => u.reporting.actual + u.reporting.extra > 0).length),
                      ],
                      ['expected', formatNumber(data.reporting.expected)],
                      ['actual', formatNumber(data.reporting.actual)],
                      [
                        'rate',
                        data.reporting.ratePercent === null ? '—' : formatPercent(data.reporting.ratePercent, 1),
                      ],
                      ['onTime', formatNumber(data.reporting.onTime)],
                      ['late', formatNumber(data.reporting.late)],
                      ['extra', formatNumber(data.reporting.extra)],
                    ] as const
                  ).map(([k, v]) => (
                    <tr key={k}>
                      <td>{vi(`report.reportingRows.${k}`)}</td>
                      <td className="num">{v}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="report-section">
              <h2>{vi('report.sections.province')}</h2>
            </section>
            <ReportSections report={data.province} />
            <section className="report-section">
              <h2>{vi('report.sections.targets')}</h2>
            </section>
            <TargetsTable o={data} lng="vi" />
            <section className="report-section">
              <h2>{vi('report.sections.units')}</h2>
              <p>{vi('ranking.rule')}</p>
              <RankingTable ranking={data.ranking} lng="vi" links={false} />
            </section>
            <section className="report-section">
              <h2>{vi('report.sections.notReported')}</h2>
              <p>{data.dueDay ? vi('overview.notReported.intro', { day: formatDate(data.dueDay) }) : null}</p>
              <p>{data.notReported.map((n) => n.name).join('; ')}</p>
            </section>
          </AdminDocument>
        </div>
      ) : (
        <Loading error={error} retry={reload} />
      )}
    </Page>
  );
}
