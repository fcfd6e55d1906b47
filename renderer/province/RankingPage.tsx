import { dataKey, useT } from '../app/useT';
import { formatNumber } from '#shared/format/vietnamese';
import type { HubOutput } from '#shared/province/contract';
import { Page } from '../ui/Page';
import { useHub } from './client';
import { Loading, Percent, PeriodPicker } from './common';
import type { ScreenProps } from './HubApp';
import { unitHref } from './OverviewPage';
import { ScrollRegion } from './ScrollRegion';

type Rank = HubOutput<'hub.overview'>['ranking'][number];

export function RankingTable({ ranking, lng, links = true }: { ranking: Rank[]; lng?: 'vi'; links?: boolean }) {
  const { t } = useT('province');
  const tr = (key: string, options: Record<string, unknown> = {}) =>
    t(dataKey(`province:${key}`), lng ? { ...options, lng } : options);
  const none = tr('overview.units.noData');
  return (
    <table className="data hub-ranking">
      <thead>
        <tr>
          <th scope="col">{tr('ranking.rank')}</th>
          <th scope="col">{tr('ranking.unit')}</th>
          <th scope="col">{tr('ranking.duties')}</th>
          <th scope="col">{tr('ranking.rate')}</th>
          <th scope="col">{tr('ranking.onTime')}</th>
          <th scope="col">{tr('ranking.supports')}</th>
        </tr>
      </thead>
      <tbody>
        {ranking.map((r) => (
          <tr key={r.name}>
            <td className="num">{r.rank}</td>
            <th scope="row">{links ? <a href={unitHref(r.name)}>{r.name}</a> : r.name}</th>
            <td className="num">{tr('ranking.dutiesValue', { met: r.dutiesMet, of: r.duties })}</td>
            <td className="num">
              <Percent value={r.ratePercent} none={none} />
            </td>
            <td className="num">
              <Percent value={r.onTimePercent} none={none} />
            </td>
            <td className="num">{r.supports === null ? none : formatNumber(r.supports)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RankingPage({ period, setPeriod, today }: ScreenProps) {
  const { t } = useT('province');
  const { data, error, reload } = useHub('hub.overview', { period }, { live: true });
  return (
    <Page title={t('ranking.title')} actions={<PeriodPicker value={period} today={today} onChange={setPeriod} />}>
      <p>{t('ranking.basis')}</p>
      <p className="notice notice-info hub-rule">{t('ranking.rule')}</p>
      {data ? (
        <ScrollRegion label={t('ranking.table')}>
          <RankingTable ranking={data.ranking} />
        </ScrollRegion>
      ) : (
        <Loading error={error} retry={reload} />
      )}
    </Page>
  );
}
