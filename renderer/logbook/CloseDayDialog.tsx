import { useState } from 'react';
import { useT } from '../app/useT';
import type { OpenItems } from '#shared/logbook/schemas';
import { formatDate } from '#shared/format/vietnamese';
import { vnDay } from '#shared/time/vietnam';
import { api, ApiError } from '../api/client';
import { useErrorText } from '../app/errors';
import { navigate } from '../app/router';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Checkbox } from '../ui/Field';
import { Notice } from '../ui/Notice';

/**
 * "Chốt sổ" as the official's act: what is still open on the day is listed live (tickets waiting
 * or at a desk, entries the finish left incomplete), each resolved here or carried knowingly.
 * The close sends exactly the list the official saw; if the day changed meanwhile, the core
 * refuses and the list is shown again.
 */
export function CloseDayDialog({
  day,
  onClose,
  onClosed,
}: {
  day: string;
  onClose: () => void;
  onClosed: (result: { batchSeq: number | null }) => void;
}) {
  const { t } = useT('logbook');
  const errorText = useErrorText();
  const open = useQuery('logbook.openItems', { day }, { refreshOn: ['queue.changed', 'logbook.changed'] });
  const [carry, setCarry] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ tone: 'error' | 'warning' | 'success'; text: string } | null>(null);
  const items = open.data;
  const anything = !!items && (items.tickets.length > 0 || items.entries.length > 0);
  const waiting = items?.tickets.filter((x) => x.status === 'waiting') ?? [];

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      const changed = error instanceof ApiError && error.body.params?.reason === 'openItemsChanged';
      if (changed) setCarry(false);
      setProblem({ tone: changed ? 'warning' : 'error', text: changed ? t('day.changed') : errorText(error) });
    } finally {
      setBusy(false);
      open.reload();
    }
  }
  const dismiss = (ids: number[]) =>
    run(async () => {
      const { dismissed } = await api.call('queue.dismiss', { ticketIds: ids });
      setProblem({ tone: 'success', text: t('day.dismissed', { count: dismissed }) });
    });
  const close = () =>
    run(async () => {
      const carried = { tickets: items!.tickets.map((x) => x.id), entries: items!.entries.map((e) => e.id) };
      onClosed(await api.call('logbook.closeDay', { day, carry: carried }));
    });

  return (
    <Dialog
      open
      title={t('day.closeTitle', { date: formatDate(day) })}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button variant="danger" disabled={!items || busy || (anything && !carry)} onClick={() => void close()}>
            {t('day.close')}
          </Button>
        </>
      }
    >
      {problem ? <Notice tone={problem.tone}>{problem.text}</Notice> : null}
      {open.error ? <Notice tone="error">{errorText(open.error)}</Notice> : null}
      {!items ? (
        <p role="status">{t('common:loading')}</p>
      ) : !anything ? (
        <p>{t('day.nothingOpen')}</p>
      ) : (
        <div className="logbook-open">
          <h3>{t('day.stillOpen')}</h3>
          {items.tickets.length ? (
            <OpenTickets
              items={items}
              today={day === vnDay(new Date())}
              busy={busy}
              onDismiss={(ids) => void dismiss(ids)}
              waitingCount={waiting.length}
            />
          ) : null}
          {items.entries.length ? (
            <section aria-labelledby="open-entries">
              <h4 id="open-entries">{t('day.openEntries', { count: items.entries.length })}</h4>
              <ul className="logbook-open-list">
                {items.entries.map((e) => (
                  <li key={e.id}>
                    <span>
                      {e.time}
                      {e.ticketNumber ? ` · ${e.ticketNumber}` : ''} · {e.gaps.map((g) => t(`gaps.${g}`)).join('; ')}
                    </span>
                    <Button variant="secondary" onClick={() => navigate(`/staff/logbook/entry/${e.id}/refine`)}>
                      {t('day.complete', { id: e.id })}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <Checkbox label={t('day.carry')} checked={carry} onChange={(e) => setCarry(e.target.checked)} />
        </div>
      )}
      <p>{t('day.closeConfirm', { date: formatDate(day) })}</p>
    </Dialog>
  );
}

function OpenTickets({
  items,
  today,
  busy,
  waitingCount,
  onDismiss,
}: {
  items: OpenItems;
  today: boolean;
  busy: boolean;
  waitingCount: number;
  onDismiss: (ids: number[]) => void;
}) {
  const { t } = useT('logbook');
  const atDesk = items.tickets.some((x) => x.status === 'called' || x.status === 'serving');
  const expired = items.tickets.some((x) => x.status === 'expired');
  return (
    <section aria-labelledby="open-tickets">
      <h4 id="open-tickets">{t('day.openTickets', { count: items.tickets.length })}</h4>
      <ul className="logbook-open-list">
        {items.tickets.map((x) => (
          <li key={x.id}>
            <span>
              <strong>{x.number}</strong> · {t(`team:helpKinds.${x.helpKind}`)} · {t(`queue:desk.status.${x.status}`)}
              {x.desk ? ` · ${t('day.atDesk', { desk: x.desk, name: x.memberName ?? '' })}` : ''}
            </span>
            {x.status === 'waiting' && today ? (
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() => onDismiss([x.id])}
                aria-label={`${t('day.dismiss')} ${x.number}`}
              >
                {t('day.dismiss')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {today && waitingCount > 1 ? (
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => onDismiss(items.tickets.filter((x) => x.status === 'waiting').map((x) => x.id))}
        >
          {t('day.dismissAll', { count: waitingCount })}
        </Button>
      ) : null}
      {atDesk ? <p className="field-hint">{t('day.atDeskHint')}</p> : null}
      {expired ? <p className="field-hint">{t('day.expiredHint')}</p> : null}
    </section>
  );
}
