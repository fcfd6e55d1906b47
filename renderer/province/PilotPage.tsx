import { useT } from '../app/useT';
import { Page } from '../ui/Page';
import { useHub } from './client';
import { Loading, PeriodPicker } from './common';
import type { ScreenProps } from './HubApp';
import { UnitsTable } from './OverviewPage';

/** The 30 communes of the appendix (§7.1.b), as named in the list of units; spelling variants said, not hidden. */
export function PilotPage({ period, setPeriod, today }: ScreenProps) {
  const { t } = useT('province');
  const { data, error, reload } = useHub('hub.overview', { period }, { live: true });
  const pilots = data?.units.filter((u) => u.pilot) ?? [];
  return (
    <Page title={t('pilot.title')} actions={<PeriodPicker value={period} today={today} onChange={setPeriod} />}>
      <p>{t('pilot.intro')}</p>
      {data ? (
        <>
          {Object.entries(data.pilotSpellingVariants).map(([appendix, list]) => (
            <p key={appendix} className="notice notice-info">
              {t('pilot.variant', { appendix, list })}
            </p>
          ))}
          <p>{t('pilot.criteria')}</p>
          <p>
            <strong>{t('pilot.count', { count: pilots.length })}</strong>
          </p>
          <UnitsTable units={pilots} caption={t('pilot.caption')} />
        </>
      ) : (
        <Loading error={error} retry={reload} />
      )}
    </Page>
  );
}
