import { useTranslation } from 'react-i18next';
import { navigate, useHashRoute } from '../app/router';
import { useQuery } from '../app/useQuery';
import { TextField } from '../ui/Field';
import { Page } from '../ui/Page';
import { GuidedMode } from './GuidedMode';
import { GuideSearch } from './GuideSearch';
import { parseGuideHash } from './text';
import './guides.css';

/** /staff/guides: search and open; /staff/guides/<id>?ticket=<n>: guided mode for that ticket. */
export function GuidesStaff() {
  const { t } = useTranslation('guides');
  const route = useHashRoute();
  const { id, ticket } = parseGuideHash(route, '/staff/guides');
  const list = useQuery('guides.list', {}, { refreshOn: ['guides.changed'] });
  if (id) return <GuidedMode key={`${id}-${ticket}`} id={id} ticket={ticket} />;
  const withTicket = (guideId: string) => `#/staff/guides/${guideId}${ticket ? `?ticket=${ticket}` : ''}`;
  return (
    <Page title={t('staff.title')}>
      {list.data ? <p className="guide-pack-line">{t('staff.pack', { version: list.data.pack.version, issuer: list.data.pack.issuer })}</p> : null}
      <div className="guide-ticket-field">
        <TextField label={t('staff.ticketLabel')} hint={t('staff.ticketHint')} inputMode="numeric" value={ticket ?? ''}
          onChange={(e) => navigate(`/staff/guides${/^\d+$/.test(e.target.value) ? `?ticket=${e.target.value}` : ''}`)} />
      </div>
      <GuideSearch staff hrefOf={withTicket} />
    </Page>
  );
}
