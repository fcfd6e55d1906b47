import { useMemo, useState } from 'react';
import { useT } from '../app/useT';
import type { EntryInput } from '#shared/logbook/schemas';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { Notice } from '../ui/Notice';
import './logbook.css';
import { Page } from '../ui/Page';
import { EntryForm } from './EntryForm';
import { blankEntry, useRouteParts } from './path';

/** A new entry, by hand or from the ticket the desk just finished (`?ticket=<id>`). */
export function NewEntryPage() {
  const { t } = useT('logbook');
  const errorText = useErrorText();
  const { me } = useSession();
  const { query } = useRouteParts('/staff/logbook/new');
  const ticketId = Number(query.get('ticket')) || null;
  const prefill = useQuery('logbook.prefill', { ticketId: ticketId ?? 1 }, { enabled: !!ticketId });
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState<{ id: number; late: boolean } | null>(null);
  const memberId = me?.member?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` gives a fresh form after each save.
  const defaults = useMemo<EntryInput>(
    () => ({
      ...blankEntry(memberId),
      ...(ticketId && prefill.data ? (prefill.data.entry as Partial<EntryInput>) : {}),
    }),
    // A new blank form after each save (`round`), keeping nothing of the last person.
    [memberId, ticketId, prefill.data, round],
  );
  const day = useQuery('logbook.day', { day: defaults.day });

  if (ticketId && prefill.error)
    return (
      <Page title={t('form.titleNew')}>
        <Notice tone="error">{errorText(prefill.error)}</Notice>
      </Page>
    );
  if (ticketId && !prefill.data)
    return (
      <Page title={t('form.titleNew')}>
        <p role="status">{t('common:loading')}</p>
      </Page>
    );
  const existing = prefill.data?.existingEntryId;
  return (
    <Page title={t('form.titleNew')}>
      {saved ? (
        <Notice tone="success">
          {t(saved.late ? 'form.savedLate' : 'form.saved', { id: saved.id })}{' '}
          <a href={`#/staff/logbook/entry/${saved.id}`}>{t('list.open')}</a>
        </Notice>
      ) : null}
      {existing ? (
        // Finishing a ticket records its entry: what is left is to complete it.
        <Notice tone="info">
          {t('form.alreadyLogged')} <a href={`#/staff/logbook/entry/${existing}/refine`}>{t('detail.refine')}</a>
        </Notice>
      ) : (
        <EntryForm
          key={round}
          defaults={defaults}
          dayClosed={!!day.data?.closed}
          banner={
            prefill.data ? (
              <Notice tone="info">
                {t('form.fromTicket', { number: prefill.data.ticket.number })}
                {prefill.data.fromGuide ? ` ${t('form.fromGuide')}` : ''}
              </Notice>
            ) : null
          }
          submitLabel={t('form.save')}
          onSubmit={async (entry) => {
            const result = await api.call('logbook.create', { entry });
            // From a ticket, the volunteer goes straight back to the desk and the next citizen.
            if (ticketId) navigate('/staff/desk');
            else {
              setSaved({ id: result.id, late: result.late });
              setRound((r) => r + 1);
              window.scrollTo(0, 0);
            }
          }}
        />
      )}
    </Page>
  );
}
