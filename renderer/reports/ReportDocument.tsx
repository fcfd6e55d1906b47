import { dataKey, useT } from '../app/useT';
import type { z } from 'zod';
import { formatDate, formatNumber, formatPercent } from '#shared/format/vietnamese';
import type { reportSchema } from '#shared/reports/contract';
import type { DocumentSettings } from '#shared/reports/documents';
import { AdminDocument } from '../ui/AdminDocument';
import { BarChart } from './BarChart';

type Report = z.output<typeof reportSchema>;
type Count = { key: string; count: number };

interface Props {
  report: Report;
  communeName: string;
  document: DocumentSettings;
  day: string;
}

/**
 * The report as the commune files it: always in Vietnamese (an administrative record), on screen
 * exactly as it prints. Each chart stands beside the table of the same figures.
 */
export function ReportDocument({ report, communeName, document, day }: Props) {
  const { t } = useT('reports');
  const vi = (key: string, options: Record<string, unknown> = {}) => t(dataKey(key), { ...options, lng: 'vi' });
  const { kind, key } = report.period;
  const periodText = vi(`periodLabel.${kind}`, { y: key.slice(0, 4), m: Number(key.slice(5)) || '', q: key.slice(6) });
  const place = communeName.replace(/^(Xã|Phường)\s+/i, '');

  return (
    <AdminDocument
      issuerParent={vi('issuerParent', { commune: communeName })}
      issuer={vi('issuer')}
      kind="letter"
      number={{ code: document.reportCode || vi('documentCodeBlank') }}
      place={place}
      day={day}
      title={vi('docKind')}
      summary={vi('docSummary', { period: periodText.charAt(0).toLowerCase() + periodText.slice(1) })}
      subtitle={vi('docSubtitle', {
        period: periodText,
        from: formatDate(report.period.from),
        to: formatDate(report.period.to),
      })}
      recipients={document.recipients}
      copies={document.copies}
      signers={[{ authority: document.signerAuthority, title: document.signerTitle, name: document.signerName }]}
    >
      <p className="report-basis">{vi('basis')}</p>
      <ReportSections report={report} />
    </AdminDocument>
  );
}

/** The report's figures (sections I–VIII), each chart beside its table: the commune's report and the province's share them. */
export function ReportSections({ report }: { report: Report }) {
  const { t } = useT('reports');
  const vi = (key: string, options: Record<string, unknown> = {}) => t(dataKey(key), { ...options, lng: 'vi' });
  const pct = (n: number | null) => (n === null ? vi('notApplicable') : formatPercent(n, Number.isInteger(n) ? 0 : 1));
  const share = (count: number, total: number) =>
    total ? pct(Math.round((count / total) * 1000) / 10) : vi('notApplicable');
  const countTable = (title: string, list: Count[], label: (k: string) => string) => {
    const total = list.reduce((n, c) => n + c.count, 0);
    return (
      <section className="report-section">
        <h2>{title}</h2>
        <div className="report-pair">
          <BarChart title={title} bars={list.map((c) => ({ label: label(c.key), value: c.count }))} />
          <table>
            <thead>
              <tr>
                <th scope="col">{vi('columns.item')}</th>
                <th scope="col">{vi('columns.count')}</th>
                <th scope="col">{vi('columns.share')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.key}>
                  <td>{label(c.key)}</td>
                  <td className="num">{formatNumber(c.count)}</td>
                  <td className="num">{share(c.count, total)}</td>
                </tr>
              ))}
              {list.length === 0 ? (
                <tr>
                  <td colSpan={3}>{vi('empty')}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </section>
    );
  };

  const summary: [string, string][] = [
    [vi('summary.supports'), formatNumber(report.supports.total)],
    [vi('summary.applications'), formatNumber(report.applications.total)],
    [vi('summary.fullyOnline'), formatNumber(report.applications.fullyOnline)],
    [vi('summary.onlineShare'), pct(report.applications.sharePercent)],
    [vi('summary.priority'), formatNumber(report.priority.supportsWithPriority)],
    [vi('summary.tickets'), formatNumber(report.tickets.total)],
    [vi('summary.ticketsPriority'), formatNumber(report.tickets.priority)],
  ];
  const d = report.duty;
  const duty: [string, string][] = [
    [vi('duty.workingDays'), formatNumber(d.workingDays)],
    [vi('duty.rosteredDays'), formatNumber(d.rosteredDays)],
    [vi('duty.coveredDays'), formatNumber(d.coveredDays)],
    [vi('duty.coverage'), pct(d.coveragePercent)],
    [vi('duty.shiftsPlanned'), formatNumber(d.shiftsPlanned)],
    [vi('duty.shiftsPresent'), formatNumber(d.shiftsPresent)],
  ];
  const pairs = (rows: [string, string][]) => (
    <table>
      <thead>
        <tr>
          <th scope="col">{vi('columns.item')}</th>
          <th scope="col">{vi('columns.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <td>{label}</td>
            <td className="num">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <>
      <section className="report-section">
        <h2>{vi('sections.summary')}</h2>
        {pairs(summary)}
      </section>
      {countTable(vi('sections.helpKinds'), report.supports.byHelpKind, (k) => vi(`helpKinds.${k}`))}
      {countTable(vi('sections.procedures'), report.supports.byProcedure, (k) =>
        t(dataKey(`vocabulary:procedures.${k}`), { lng: 'vi' }),
      )}
      {countTable(vi('sections.outcomes'), report.supports.byOutcome, (k) =>
        t(dataKey(`vocabulary:outcomes.${k}`), { lng: 'vi' }),
      )}
      {countTable(vi('sections.priority'), report.priority.byGroup, (k) =>
        t(dataKey(`vocabulary:priorityGroups.${k}`), { lng: 'vi' }),
      )}
      <section className="report-section">
        <h2>{vi('sections.activities')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{vi('columns.item')}</th>
              <th scope="col">{vi('columns.held')}</th>
              <th scope="col">{vi('columns.minimum')}</th>
              <th scope="col">{vi('columns.met')}</th>
            </tr>
          </thead>
          <tbody>
            {report.activities.map((a) => (
              <tr key={a.kind}>
                <td>{vi(`activityKinds.${a.kind}`)}</td>
                <td className="num">{formatNumber(a.held)}</td>
                <td className="num">
                  {a.minimum === null
                    ? vi('notApplicable')
                    : `${formatNumber(a.minimum)} (${vi(`minimumRule.${a.per}`)})`}
                </td>
                <td>{a.met === null ? vi('met.na') : a.met ? vi('met.yes') : vi('met.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="report-section">
        <h2>{vi('sections.duty')}</h2>
        {pairs(duty)}
      </section>
      {report.obstacles.length === 0 ? (
        <section className="report-section">
          <h2>{vi('sections.obstacles')}</h2>
          <p>{vi('noObstacles')}</p>
        </section>
      ) : (
        countTable(vi('sections.obstacles'), report.obstacles, (k) =>
          t(dataKey(`vocabulary:obstacles.${k}`), { lng: 'vi' }),
        )
      )}
    </>
  );
}
