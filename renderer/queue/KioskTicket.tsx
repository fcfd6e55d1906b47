import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract';
import { formatDate, formatTime } from '../../shared/format/vietnamese';
import type { CitizenTicket } from '../../shared/queue/schemas';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { printReceipt, Receipt } from './Receipt';
import { useIdle } from './useIdle';

/** The ticket, large, with a visible countdown back to the start; printed once when a printer is set. */
export function KioskTicket({ ticket, info, onDone }: { ticket: CitizenTicket; info: Output<'queue.kiosk'>; onDone: () => void }) {
  const { t } = useTranslation('queue');
  const left = useIdle(info.ticketIdleSeconds, onDone, ticket.id);
  const [printed, setPrinted] = useState<boolean | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one receipt per ticket.
  useEffect(() => {
    if (info.receiptPrinter) void printReceipt().then(setPrinted);
  }, [info.receiptPrinter, ticket.id]);
  const at = new Date(ticket.issuedAt);
  return (
    <section className="kiosk-ticket" aria-labelledby="ticket-number">
      <h1 className="kiosk-ticket-title">
        <span className="kiosk-ticket-label">{t('ticket.yourNumber')}</span>
        <span id="ticket-number" className="kiosk-ticket-number">{ticket.number}</span>
      </h1>
      {ticket.priority ? <p className="kiosk-ticket-priority">{t('ticket.priority')}</p> : null}
      <dl className="kiosk-ticket-facts">
        <dt>{t('ticket.for')}</dt>
        <dd>{t(`team:helpKinds.${ticket.helpKind}`)}{ticket.procedure ? `: ${t(`vocabulary:procedures.${ticket.procedure}`)}` : ''}</dd>
        <dt>{t('ticket.time')}</dt>
        <dd>{formatTime(at)} · {formatDate(at)}</dd>
      </dl>
      <p className="kiosk-ticket-ahead">{t('ticket.ahead', { count: ticket.ahead })}</p>
      <p>{ticket.estimatedWaitMinutes === null ? t('ticket.waitUnknown') : t('ticket.wait', { minutes: ticket.estimatedWaitMinutes })}</p>
      <p>{t('ticket.listen')}</p>
      {info.receiptPrinter && printed === null ? <p role="status">{t('ticket.printing')}</p> : null}
      {printed === false ? <Notice tone="warning">{t('ticket.printFailed')}</Notice> : null}
      <div className="kiosk-actions">
        <Button size="huge" onClick={onDone}>{t('ticket.done')}</Button>
      </div>
      <p className="kiosk-countdown" aria-live="off">{t('ticket.backIn', { seconds: left })}</p>
      <Receipt ticket={ticket} pointName={info.pointName} />
    </section>
  );
}
