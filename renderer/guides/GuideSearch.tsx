import { useState } from 'react';
import { useT } from '../app/useT';
import { useQuery } from '../app/useQuery';
import { TextField } from '../ui/Field';
import { LocalText } from './LocalText';

/** Search box and the matching guides as large links; the same list for the kiosk and staff. */
export function GuideSearch({
  hrefOf,
  large = false,
  staff = false,
}: {
  hrefOf: (id: string) => string;
  large?: boolean;
  staff?: boolean;
}) {
  const { t } = useT('guides');
  const [query, setQuery] = useState('');
  const list = useQuery('guides.list', query.trim() ? { query } : {}, { refreshOn: ['guides.changed'] });
  return (
    <div className={large ? 'guide-search guide-search-large' : 'guide-search'}>
      <div role="search">
        <TextField
          type="search"
          label={staff ? t('staff.searchLabel') : t('reading.searchLabel')}
          hint={t('reading.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
      </div>
      {list.data && list.data.guides.length === 0 ? <p role="status">{t('reading.noResults')}</p> : null}
      <ul className="guide-list" aria-live="polite">
        {list.data?.guides.map((g) => (
          <li key={g.id}>
            <a href={hrefOf(g.id)} className="guide-link">
              <img src={g.cover} alt="" width={48} height={48} className="guide-link-cover" />
              <strong>
                <LocalText text={g.title} />
              </strong>
              <span>
                <LocalText text={g.summary} />
              </span>
              {staff ? (
                <small>
                  {[
                    g.procedureCode,
                    t('facts.steps', { count: g.stepCount }),
                    g.verified ? null : t('facts.unverified'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </small>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
