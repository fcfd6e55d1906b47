import { useMemo, useState } from 'react';
import { useT } from '../app/useT';
import { periodOf, PERIOD_KINDS, type PeriodKind } from '#shared/reports/period';
import { vnDay } from '#shared/time/vietnam';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { downloadFile } from '../ui/download';
import { DocumentSettingsForm } from './DocumentSettingsForm';
import { ReportDocument } from './ReportDocument';
import './reports.css';

/** The periods one would report on: the current one first, then back in time. */
function recentPeriods(kind: PeriodKind, today: string): string[] {
  const keys: string[] = [];
  let [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const count = kind === 'month' ? 24 : kind === 'quarter' ? 8 : 5;
  for (let i = 0; i < count; i++) {
    const day = `${y}-${String(m).padStart(2, '0')}-01`;
    keys.push(periodOf(kind, day).key);
    const step = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
    m -= step;
    while (m < 1) {
      m += 12;
      y -= 1;
    }
  }
  return keys;
}

export function ReportsPage() {
  const { t } = useT('reports');
  const errorText = useErrorText();
  const today = vnDay(new Date());
  const [kind, setKind] = useState<PeriodKind>('month');
  const options = useMemo(() => recentPeriods(kind, today), [kind, today]);
  const [key, setKey] = useState(options[0]!);
  const period = options.includes(key) ? key : options[0]!;
  const report = useQuery(
    'reports.get',
    { kind, key: period },
    { refreshOn: ['logbook.changed', 'roster.changed', 'queue.changed'] },
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const label = (k: string) =>
    t(`periodLabel.${kind}`, { y: k.slice(0, 4), m: Number(k.slice(5)) || '', q: k.slice(6) });
  const exportXlsx = async () => {
    try {
      downloadFile(await api.call('reports.export', { kind, key: period }));
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const print = () => (window.dhs ? void window.dhs.print({ kind: 'a4', silent: false }) : window.print());

  return (
    <Page title={t('title')}>
      <div className="no-print report-toolbar">
        <SelectField
          label={t('periodKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as PeriodKind)}
          options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <SelectField
          label={t('period')}
          value={period}
          onChange={(e) => setKey(e.target.value)}
          options={options.map((k) => ({ value: k, label: label(k) }))}
        />
        <Button onClick={print} disabled={!report.data}>
          {t('print')}
        </Button>
        <Button variant="secondary" onClick={() => void exportXlsx()} disabled={!report.data}>
          {t('exportXlsx')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setSaved(null);
            setEditing(true);
          }}
          disabled={!report.data}
        >
          {t('documents.open')}
        </Button>
      </div>
      {saved ? <Notice tone="success">{saved}</Notice> : null}
      <Dialog title={t('documents.title')} open={editing && !!report.data} onClose={() => setEditing(false)}>
        {editing && report.data ? (
          <DocumentSettingsForm
            current={report.data.document}
            onDone={(message) => {
              setEditing(false);
              setSaved(message || null);
              report.reload();
            }}
          />
        ) : null}
      </Dialog>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {report.error ? <Notice tone="error">{errorText(report.error)}</Notice> : null}
      {report.loading && !report.data ? <p className="no-print">{t('loading')}</p> : null}
      {report.data ? <p className="no-print report-note">{t('chartNote')}</p> : null}
      {report.data ? (
        <div className="report-doc">
          <ReportDocument
            report={report.data.report}
            communeName={report.data.communeName}
            document={report.data.document}
            day={report.data.today}
          />
        </div>
      ) : null}
    </Page>
  );
}
