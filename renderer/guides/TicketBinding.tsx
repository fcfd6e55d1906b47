import { useT } from '../app/useT';
import { navigate } from '../app/router';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';

/**
 * Which visit the checklist is recorded on: one of the tickets at the member's desk, chosen by
 * touch and kept by its id (a typed "H001" once became ticket 1 and the wrong visit).
 */
export function TicketBinding({ ticket, base }: { ticket: number | null; base: string }) {
  const { t } = useT('guides');
  const desk = useQuery('queue.desk', {}, { refreshOn: ['queue.changed'] });
  const current = desk.data?.current ?? [];
  const to = (id: number | null) => navigate(`${base}${id ? `?ticket=${id}` : ''}`);
  return (
    <section className="guide-ticket-field" aria-labelledby="guide-ticket-label">
      <h2 id="guide-ticket-label" className="guide-ticket-title">
        {t('staff.ticketLabel')}
      </h2>
      <p className="field-hint">{t('staff.ticketHint')}</p>
      <div className="page-actions">
        {current.map((c) => (
          <Button
            key={c.id}
            variant={c.id === ticket ? 'primary' : 'secondary'}
            aria-pressed={c.id === ticket}
            onClick={() => to(c.id)}
          >
            {t('staff.bindTo', { number: c.number })}
          </Button>
        ))}
        {ticket ? (
          <Button variant="ghost" onClick={() => to(null)}>
            {t('staff.unbind')}
          </Button>
        ) : null}
      </div>
      {desk.data && current.length === 0 ? <p>{t('staff.noCurrent')}</p> : null}
    </section>
  );
}

/** The number people see ("A003") for a ticket id, to name the visit on screen. */
export function useTicketNumber(ticket: number | null): string | null {
  const found = useQuery('queue.ticket', { ticketId: ticket ?? 1 }, { enabled: ticket !== null });
  return ticket && found.data?.id === ticket ? found.data.number : null;
}
