import { useT } from '../app/useT';
import { useHashRoute } from '../app/router';
import { useQuery } from '../app/useQuery';
import { Page } from '../ui/Page';
import { GuidedMode } from './GuidedMode';
import { GuideSearch } from './GuideSearch';
import { parseGuideHash } from './text';
import { TicketBinding } from './TicketBinding';
import './guides.css';

/** /staff/guides: search and open; /staff/guides/<id>?ticket=<n>: guided mode for that ticket. */
export function GuidesStaff() {
  const { t } = useT('guides');
  const route = useHashRoute();
  const { id, ticket } = parseGuideHash(route, '/staff/guides');
  const list = useQuery('guides.list', {}, { refreshOn: ['guides.changed'] });
  if (id) return <GuidedMode key={`${id}-${ticket}`} id={id} ticket={ticket} />;
  const withTicket = (guideId: string) => `#/staff/guides/${guideId}${ticket ? `?ticket=${ticket}` : ''}`;
  return (
    <Page title={t('staff.title')}>
      {list.data ? (
        <p className="guide-pack-line">
          {t('staff.pack', { version: list.data.pack.version, issuer: list.data.pack.issuer })}
        </p>
      ) : null}
      <TicketBinding ticket={ticket} base="/staff/guides" />
      <GuideSearch staff hrefOf={withTicket} />
    </Page>
  );
}
