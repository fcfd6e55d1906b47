import { useTranslation } from 'react-i18next';
import type { Guide } from '../../shared/guides/pack-schema';
import { LocalText } from './LocalText';

/** The facts a citizen needs before starting: who, what to bring, fee, time, how the result comes. */
export function GuideFacts({ guide, staff = false }: { guide: Guide; staff?: boolean }) {
  const { t } = useTranslation('guides');
  const rows: [string, React.ReactNode][] = [[t('facts.audience'), <LocalText key="audience" text={guide.audience} />], [t('facts.vneid'), t(`facts.vneidLevel.${guide.vneidLevel}`)]];
  if (guide.prerequisites.length) rows.push([t('facts.prerequisites'), <ul key="prerequisites">{guide.prerequisites.map((p, i) => <li key={i}><LocalText text={p} /></li>)}</ul>]);
  if (guide.documents.length) rows.push([t('facts.documents'), <ul key="documents">{guide.documents.map((p, i) => <li key={i}><LocalText text={p} /></li>)}</ul>]);
  if (guide.fee) {
    const online = t(`facts.feeOnline.${guide.fee.online}`);
    rows.push([t('facts.fee'), <><LocalText text={guide.fee.summary} />{online ? <strong className="guide-fee-online"> {online}</strong> : null}</>]);
  }
  if (guide.processingTime) rows.push([t('facts.processingTime'), <LocalText key="processingTime" text={guide.processingTime} />]);
  if (guide.resultDelivery) rows.push([t('facts.resultDelivery'), <LocalText key="resultDelivery" text={guide.resultDelivery} />]);
  if (guide.procedureCode) rows.push([t('facts.code'), [guide.procedureCode, ...guide.relatedCodes].join(', ')]);
  if (staff) {
    rows.push([t('facts.sources'), guide.sources.map((s) => s.title).join('; ')]);
    rows.push([t('facts.lastChecked'), guide.lastChecked]);
  }
  return (
    <>
      <dl className="guide-facts">
        {rows.map(([term, value], i) => (
          <div key={i}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {staff && !guide.verified ? (
        <div className="notice notice-warning" role="note">
          <strong>{t('facts.unverified')}</strong>
          <ul>{guide.unverifiedNotes.map((n, i) => <li key={i}><LocalText text={n} /></li>)}</ul>
        </div>
      ) : null}
    </>
  );
}
