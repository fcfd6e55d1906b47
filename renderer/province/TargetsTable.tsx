import { dataKey, useT } from '../app/useT';
import { formatNumber, formatPercent } from '#shared/format/vietnamese';
import type { HubOutput } from '#shared/province/contract';

type Overview = Pick<HubOutput<'hub.overview'>, 'targets'>;

/** The decision's targets (§I.3.2) beside what the data measures; "not measurable" where points send nothing for it. */
export function TargetsTable({ o, lng }: { o: Overview; lng?: 'vi' }) {
  const { t } = useT('province');
  const tr = (key: string, options: Record<string, unknown> = {}) =>
    t(dataKey(`province:${key}`), lng ? { ...options, lng } : options);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, Number.isInteger(v) ? 0 : 1));
  const measured = (m: Overview['targets'][number]) => {
    if (m.id === 'fully_online_80' && m.measured) {
      return (
        <>
          {tr('targets.notMeasurable')}.{' '}
          {tr('targets.related', { value: pct(m.measured.value), of: formatNumber(m.measured.of ?? 0) })}
        </>
      );
    }
    if (!m.measured)
      return (
        <>
          <strong>{tr('targets.notMeasurable')}.</strong> {m.why ? tr(m.why.replace(/^province:/, '')) : null}
        </>
      );
    if (m.measured.unit === 'units')
      return tr('targets.unitsValue', {
        value: pct(m.measured.value),
        n: Math.round(((m.measured.value ?? 0) * (m.measured.of ?? 0)) / 100),
        of: m.measured.of,
      });
    return tr('targets.percentValue', { value: pct(m.measured.value), of: formatNumber(m.measured.of ?? 0) });
  };
  return (
    <section className={lng ? 'report-section' : 'card'} aria-labelledby={lng ? undefined : 'targets-title'}>
      <h2 id={lng ? undefined : 'targets-title'}>{tr('targets.title')}</h2>
      <p>{tr('targets.intro')}</p>
      <table className="data hub-targets">
        <thead>
          <tr>
            <th scope="col">{tr('targets.section')}</th>
            <th scope="col">{tr('targets.target')}</th>
            <th scope="col">{tr('targets.goal')}</th>
            <th scope="col">{tr('targets.measured')}</th>
          </tr>
        </thead>
        <tbody>
          {o.targets.map((m) => (
            <tr key={m.id} className={m.measured ? undefined : 'hub-unmeasurable'}>
              <td>{m.section}</td>
              <td>{tr(`targets.items.${m.id}`)}</td>
              <td className="num">{m.target}</td>
              <td>{measured(m)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
