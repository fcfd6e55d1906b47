import { useEffect, useState } from 'react';
import { useT } from '../app/useT';
import type { Output } from '#shared/contract';
import { formatDate, formatTime } from '#shared/format/vietnamese';
import type { CitizenTicket } from '#shared/queue/schemas';
import { useCitizenTexts } from '../community/CitizenTexts';
import { ListenButton, Say } from '../community/Say';
import { Button } from '../ui/Button';
import { QueueIcon } from './icons';
import { printReceipt, Receipt } from './Receipt';
import { useIdle } from './useIdle';

/**
 * The ticket, large, with a visible countdown back to the start; printed once when a printer is
 * set. Without a paper ticket (no printer, or it failed) the screen says plainly to remember the
 * number or photograph it. A wait is promised only when the point can keep it.
 */
export function KioskTicket({
  ticket,
  info,
  onDone,
}: {
  ticket: CitizenTicket;
  info: Output<'queue.kiosk'>;
  onDone: () => void;
}) {
  const { t } = useT('queue');
  const { say } = useCitizenTexts();
  const left = useIdle(info.ticketIdleSeconds, onDone, ticket.id);
  const [printed, setPrinted] = useState<boolean | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one receipt per ticket.
  useEffect(() => {
    if (info.receiptPrinter) void printReceipt().then(setPrinted);
  }, [info.receiptPrinter, ticket.id]);
  const at = new Date(ticket.issuedAt);
  const label = say('queue:ticket.yourNumber');
  const remember = say('queue:ticket.remember');
  const listen = say('queue:ticket.listen');
  const mayNot = say('queue:ticket.mayNotToday');
  const noPaper = !info.receiptPrinter || printed === false;
  return (
    <section className="kiosk-ticket" aria-labelledby="ticket-number">
      <h1 className="kiosk-ticket-title">
        <span className="kiosk-ticket-label">
          <Say said={label} />
        </span>
        <span id="ticket-number" className="kiosk-ticket-number">
          {ticket.number}
        </span>
      </h1>
      {ticket.priority ? (
        <p className="kiosk-ticket-priority">
          <Say said={say('queue:ticket.priority')} />
        </p>
      ) : null}
      {noPaper ? (
        <p className="kiosk-ticket-remember" role="status">
          <QueueIcon name="camera" size={56} />
          <span>{printed === false ? t('ticket.printFailed') : <Say said={remember} />}</span>
        </p>
      ) : null}
      <dl className="kiosk-ticket-facts">
        <dt>{t('ticket.for')}</dt>
        <dd>
          {t(`team:helpKinds.${ticket.helpKind}`)}
          {ticket.procedure ? `: ${t(`vocabulary:procedures.${ticket.procedure}`)}` : ''}
        </dd>
        <dt>{t('ticket.time')}</dt>
        <dd>
          {formatTime(at)} · {formatDate(at)}
        </dd>
      </dl>
      <p className="kiosk-ticket-ahead">{t('ticket.ahead', { count: ticket.ahead })}</p>
      {ticket.pastClosing ? (
        <p className="kiosk-ticket-late">
          <Say said={mayNot} /> {ticket.closesAt ? t('ticket.closesAt', { time: ticket.closesAt }) : ''}
        </p>
      ) : (
        <p>
          {ticket.estimatedWaitMinutes === null
            ? t('ticket.waitUnknown')
            : t('ticket.wait', { minutes: ticket.estimatedWaitMinutes })}
        </p>
      )}
      <p>
        <Say said={listen} />
      </p>
      {info.receiptPrinter && printed === null ? <p role="status">{t('ticket.printing')}</p> : null}
      <div className="kiosk-actions">
        <ListenButton
          items={[label, ...(noPaper ? [remember] : []), ...(ticket.pastClosing ? [mayNot] : []), listen]}
        />
        <Button size="huge" onClick={onDone}>
          <Say said={say('queue:ticket.done')} />
        </Button>
      </div>
      <p className="kiosk-countdown" aria-live="off">
        {t('ticket.backIn', { seconds: left })}
      </p>
      <Receipt ticket={ticket} pointName={info.pointName} />
    </section>
  );
}
