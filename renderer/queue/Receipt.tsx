import { createPortal } from 'react-dom';
import { dataKey, useT } from '../app/useT';
import { formatDate, formatTime } from '#shared/format/vietnamese';

export interface ReceiptTicket {
  number: string;
  helpKind: string;
  procedure: string | null;
  issuedAt: string;
  priority: boolean;
  ahead?: number;
}

/**
 * The 80 mm paper ticket. Hidden on screen; put straight under <body> so that printing can
 * hide everything else, on its own named page (`receipt` in queue.css): a thermal printer
 * never gets an A4 page.
 */
export function Receipt({ ticket, pointName }: { ticket: ReceiptTicket; pointName: string | null }) {
  const { t } = useT('queue');
  const at = new Date(ticket.issuedAt);
  return createPortal(
    <div className="receipt" aria-hidden="true">
      <p className="receipt-point">{pointName}</p>
      <p className="receipt-label">{t('ticket.yourNumber')}</p>
      <p className="receipt-number">{ticket.number}</p>
      {ticket.priority ? <p className="receipt-priority">{t('ticket.priority')}</p> : null}
      <p>
        {t(dataKey(`team:helpKinds.${ticket.helpKind}`))}
        {ticket.procedure ? ` · ${t(dataKey(`vocabulary:procedures.${ticket.procedure}`))}` : ''}
      </p>
      <p>
        {formatTime(at)} · {formatDate(at)}
      </p>
      {ticket.ahead !== undefined ? <p>{t('ticket.ahead', { count: ticket.ahead })}</p> : null}
      <p className="receipt-footer">{t('ticket.receiptFooter')}</p>
    </div>,
    document.body,
  );
}

/** Print the receipt: silently in Electron, through the browser's dialog elsewhere. False when it failed. */
export async function printReceipt(): Promise<boolean> {
  document.body.classList.add('printing-receipt');
  try {
    if (window.dhs) return await window.dhs.print({ kind: 'receipt', silent: true });
    window.print();
    return true;
  } catch {
    return false;
  } finally {
    document.body.classList.remove('printing-receipt');
  }
}
