import type { ReactNode } from 'react';
import { dataKey, useT } from '../app/useT';
import type { Fact, FactBasis, Guide } from '#shared/guides/pack-schema';
import { LocalText } from './LocalText';
import { useLocalized } from './text';

const SAYS_UNCONFIRMED = /chưa xác nhận|not confirmed/i;

/** Whether a fact, step or error was checked against a source; unchecked ones are marked for everyone. */
export const isConfirmed = (item: { basis?: FactBasis | undefined }) => !!item.basis;

/** "Chưa xác nhận" after a text that has no basis, unless the text already says so. */
export function Unconfirmed({ text, basis }: { text: string; basis: FactBasis | undefined }) {
  const { t } = useT('guides');
  if (basis || SAYS_UNCONFIRMED.test(text)) return null;
  return <span className="guide-unconfirmed">{t('facts.unconfirmed')}</span>;
}

/** Where a fact was checked, for staff: source titles and the day. */
export function BasisLine({ basis, guide }: { basis: FactBasis | undefined; guide: Guide }) {
  const { t } = useT('guides');
  if (!basis) return <small className="guide-basis guide-basis-none">{t('facts.noBasis')}</small>;
  const titles = basis.sources.map((id) => guide.sources.find((s) => s.id === id)?.title ?? id).join('; ');
  return <small className="guide-basis">{t('facts.checked', { day: basis.checked, sources: titles })}</small>;
}

/** A fact's text, marked when unconfirmed; staff also see what it was checked against. */
export function FactText({ fact, guide, staff = false }: { fact: Fact; guide: Guide; staff?: boolean }) {
  const l = useLocalized();
  const text = l(fact.text);
  return (
    <>
      <LocalText text={fact.text} /> <Unconfirmed text={text} basis={fact.basis} />
      {staff ? <BasisLine basis={fact.basis} guide={guide} /> : null}
    </>
  );
}

/** The facts before starting, as a list (staff screen and printed handout). */
export function GuideFacts({ guide, staff = false }: { guide: Guide; staff?: boolean }) {
  const { t } = useT('guides');
  const l = useLocalized();
  const fact = (f: Fact) => <FactText fact={f} guide={guide} staff={staff} />;
  const list = (key: string, facts: Fact[]) => (
    <ul key={key}>
      {facts.map((f, i) => (
        <li key={i}>{fact(f)}</li>
      ))}
    </ul>
  );
  const rows: [string, ReactNode][] = [
    [t('facts.audience'), <LocalText key="audience" text={guide.audience} />],
    [t('facts.vneid'), t(dataKey(`facts.vneidLevel.${guide.vneidLevel}`))],
  ];
  if (guide.prerequisites.length) rows.push([t('facts.prerequisites'), list('prerequisites', guide.prerequisites)]);
  if (guide.documents.length) rows.push([t('facts.documents'), list('documents', guide.documents)]);
  if (guide.fee) {
    const online = t(`facts.feeOnline.${guide.fee.online}`);
    rows.push([
      t('facts.fee'),
      <>
        {fact({ text: guide.fee.summary, basis: guide.fee.basis })}
        {online ? <strong className="guide-fee-online"> {online}</strong> : null}
      </>,
    ]);
  }
  if (guide.processingTime) rows.push([t('facts.processingTime'), fact(guide.processingTime)]);
  if (guide.handledBy) rows.push([t('facts.handledBy'), fact(guide.handledBy)]);
  if (guide.resultDelivery) rows.push([t('facts.resultDelivery'), fact(guide.resultDelivery)]);
  rows.push([t('facts.ask'), fact(guide.ask)]);
  if (guide.procedureCode || guide.relatedCodes.length) {
    rows.push([
      t('facts.code'),
      <>
        {[guide.procedureCode, ...guide.relatedCodes].filter(Boolean).join(', ')}
        {staff ? <BasisLine basis={guide.codeBasis} guide={guide} /> : null}
      </>,
    ]);
  }
  if (staff) {
    rows.push([
      t('facts.sources'),
      <ul key="sources" className="guide-sources">
        {guide.sources.map((s) => (
          <li key={s.id}>
            <a href={s.url} target="_blank" rel="noreferrer">
              {s.title}
            </a>
            <small>
              {' '}
              · {t(`facts.sourceKind.${s.kind}`)}
              {s.published ? ` · ${t('facts.published', { day: s.published })}` : ''} ·{' '}
              <span className="guide-url">{s.url}</span>
            </small>
          </li>
        ))}
      </ul>,
    ]);
    rows.push([t('facts.lastChecked'), guide.lastChecked]);
    const w = guide.walkthrough;
    rows.push([
      t('facts.walkthrough'),
      w.status === 'recorded'
        ? t('facts.walkthroughRecorded', { video: w.video, captions: w.captions })
        : t('facts.walkthroughPlanned', { script: l(w.script) }),
    ]);
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
          <ul>
            {guide.unverifiedNotes.map((n, i) => (
              <li key={i}>
                <LocalText text={n} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
