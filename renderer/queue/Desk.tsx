import { useState } from 'react';
import { dataKey, useT } from '../app/useT';
import type { Output } from '#shared/contract';
import type { DeskView } from '#shared/queue/contract';
import type { StaffTicket } from '#shared/queue/schemas';
import { vnDay } from '#shared/time/vietnam';
import { api, ApiError } from '../api/client';
import { useErrorText } from '../app/errors';
import { navigate } from '../app/router';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { FinishDialog, TransferDialog, WalkInDialog } from './DeskDialogs';
import { FloodControl } from './FloodControl';
import { printReceipt, Receipt } from './Receipt';
import './queue.css';

/** The calling board in a window of its own (Electron puts it on the second display when there is one). */
function openBoard() {
  if (window.dhs) void window.dhs.openWindow('board');
  else window.open(`${location.pathname}#/board`, 'dhs-board');
}

type Dialog = { kind: 'transfer' | 'finish'; ticket: StaffTicket } | { kind: 'walkIn' } | null;

/** Say what went wrong in the desk's words (why a conflict happened), else the core's message. */
function useDeskError() {
  const { t } = useT('queue');
  const errorText = useErrorText();
  return (error: unknown) => {
    const reason = error instanceof ApiError ? error.body.params?.reason : undefined;
    return reason
      ? t(dataKey(`desk.conflict.${reason}`), { needed: error instanceof ApiError ? error.body.params?.needed : '' })
      : errorText(error);
  };
}

export function DeskPage() {
  const { t } = useT('queue');
  const view = useQuery('queue.desk', {}, { refreshOn: ['queue.changed', 'team.changed', 'settings.changed'] });
  const status = useQuery('setup.status', {});
  const guides = useQuery('guides.list', {}, { refreshOn: ['guides.changed'] });
  const deskError = useDeskError();
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  // The last visit finished here stays said until the next one (even after visiting another
  // screen), so its entry can be completed when there is a moment.
  const [finished, setFinished] = useLastFinished();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reprint, setReprint] = useState<StaffTicket | null>(null);

  /** Every desk action: one call, then the live list refreshes itself through queue.changed. */
  async function act<T>(run: () => Promise<T>, after?: (result: T) => void) {
    setMessage(null);
    try {
      const result = await run();
      after?.(result);
      view.reload();
    } catch (error) {
      setMessage({ tone: 'error', text: deskError(error) });
      view.reload();
    }
  }

  const data = view.data;
  if (!data)
    return (
      <Page title={t('desk.title')}>
        <p role="status">{view.error ? deskError(view.error) : t('common:loading')}</p>
      </Page>
    );

  /** The guide for the ticket's procedure when there is exactly one, else the list; bound to the ticket by its id. */
  const openGuide = (ticket: StaffTicket) => {
    const matches = (guides.data?.guides ?? []).filter((g) => ticket.procedure && g.procedureKey === ticket.procedure);
    navigate(`/staff/guides${matches.length === 1 ? `/${matches[0]!.id}` : ''}?ticket=${ticket.id}`);
  };
  const overdue = data.waiting.filter((w) => w.overdue);

  const doReprint = (ticket: StaffTicket) => {
    setReprint(ticket);
    // Let React draw the receipt before printing it.
    setTimeout(() => void printReceipt(), 50);
  };

  return (
    <Page
      title={data.myDesk ? t('desk.atDesk', { desk: data.myDesk }) : t('desk.title')}
      actions={
        <>
          <Button variant="secondary" onClick={() => setDialog({ kind: 'walkIn' })}>
            {t('desk.walkIn')}
          </Button>
          <Button variant="secondary" onClick={openBoard}>
            {t('desk.openBoard')}
          </Button>
          <FloodControl />
          {data.myDesk ? (
            <Button variant="ghost" onClick={() => void act(() => api.call('queue.closeDesk', {}))}>
              {t('desk.closeDesk')}
            </Button>
          ) : null}
        </>
      }
    >
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {overdue.length ? (
        <Notice tone="warning">
          {t('desk.overdue', {
            minutes: data.maxWaitMinutes,
            numbers: overdue.map((w) => `${w.number} (${t('desk.waited', { minutes: w.waitedMinutes })})`).join(', '),
          })}
        </Notice>
      ) : null}
      {finished ? <FinishedNotice done={finished} /> : null}
      {data.myDesk === null ? (
        <DeskChooser
          view={data}
          onOpen={(desk, takeOver) => void act(() => api.call('queue.openDesk', { desk, takeOver }))}
        />
      ) : (
        <section className="card desk-current" aria-labelledby="desk-current-title">
          <div className="desk-current-head">
            <h2 id="desk-current-title">{t('desk.current')}</h2>
            <Button
              size="large"
              disabled={data.current.length > 0}
              onClick={() =>
                void act(
                  () => api.call('queue.callNext', {}),
                  (t2) => !t2 && setMessage({ tone: 'info', text: t('desk.nobodyWaiting') }),
                )
              }
            >
              {t('desk.callNext')}
            </Button>
          </div>
          {data.current.length === 0 ? (
            <p>{t('desk.noCurrent')}</p>
          ) : (
            data.current.map((ticket) => (
              <CurrentTicket
                key={ticket.id}
                ticket={ticket}
                recallsNeeded={data.recallsBeforeNoShow}
                onRecall={() => void act(() => api.call('queue.recall', { ticketId: ticket.id }))}
                onArrived={() => void act(() => api.call('queue.start', { ticketId: ticket.id }))}
                onNoShow={() => void act(() => api.call('queue.noShow', { ticketId: ticket.id }))}
                onPutBack={() => void act(() => api.call('queue.putBack', { ticketId: ticket.id }))}
                onTransfer={() => setDialog({ kind: 'transfer', ticket })}
                onFinish={() => setDialog({ kind: 'finish', ticket })}
                onGuide={() => openGuide(ticket)}
                onReprint={() => doReprint(ticket)}
              />
            ))
          )}
        </section>
      )}
      <WaitingList
        view={data}
        canCall={data.myDesk !== null && data.current.length === 0}
        onCall={(id) => void act(() => api.call('queue.callTicket', { ticketId: id }))}
        onTransfer={(ticket) => setDialog({ kind: 'transfer', ticket })}
      />

      {dialog?.kind === 'transfer' ? (
        <TransferDialog
          ticket={dialog.ticket}
          deskCount={data.deskCount}
          onClose={() => setDialog(null)}
          onSubmit={(input) =>
            act(
              () => api.call('queue.transfer', { ticketId: dialog.ticket.id, ...input }),
              () => setDialog(null),
            )
          }
        />
      ) : null}
      {dialog?.kind === 'finish' ? (
        <FinishDialog
          ticket={dialog.ticket}
          onClose={() => setDialog(null)}
          onSubmit={(choice) =>
            act(
              () => api.call('queue.finish', { ticketId: dialog.ticket.id, ...choice }),
              (done) => {
                setDialog(null);
                // The entry is in the book already: the desk goes on to the next citizen, details can follow.
                setFinished(done);
              },
            )
          }
        />
      ) : null}
      {dialog?.kind === 'walkIn' ? (
        <WalkInDialog
          onClose={() => setDialog(null)}
          canServe={data.myDesk !== null && data.current.length === 0}
          onSubmit={(input) =>
            act(
              () => api.call('queue.walkIn', input),
              () => setDialog(null),
            )
          }
          onIssue={(input) =>
            act(
              () => api.call('queue.checkIn', input),
              (issued) => {
                setDialog(null);
                setMessage({ tone: 'info', text: t('desk.issued', { number: issued.number }) });
              },
            )
          }
        />
      ) : null}
      {reprint ? (
        <Receipt
          ticket={{ ...reprint, priority: reprint.priority.length > 0 }}
          pointName={status.data?.pointName ?? null}
        />
      ) : null}
    </Page>
  );
}

type FinishedTicket = Output<'queue.finish'>;
const LAST_FINISHED = 'dhs.desk.lastFinished';

/** Kept for the browser tab's session and today only: it names a ticket and an entry, nothing personal. */
function useLastFinished(): [FinishedTicket | null, (done: FinishedTicket) => void] {
  const [finished, setFinished] = useState<FinishedTicket | null>(() => {
    try {
      const kept = JSON.parse(sessionStorage.getItem(LAST_FINISHED) ?? 'null') as FinishedTicket | null;
      return kept && kept.day === vnDay(new Date()) ? kept : null;
    } catch {
      return null;
    }
  });
  const remember = (done: FinishedTicket) => {
    const { name: _name, phone: _phone, ...kept } = done;
    sessionStorage.setItem(LAST_FINISHED, JSON.stringify({ ...kept, name: null, phone: null }));
    setFinished(done);
  };
  return [finished, remember];
}

/** What finishing recorded, said at once, with the way to complete the entry when there is time. */
function FinishedNotice({ done }: { done: FinishedTicket }) {
  const { t } = useT('queue');
  const { t: tl } = useT('logbook');
  const gaps = done.entry.gaps.map((g) => tl(`gaps.${g}`)).join('; ');
  return (
    <Notice tone={done.entry.gaps.length ? 'warning' : 'success'}>
      {t(done.entry.late ? 'desk.finishedLate' : 'desk.finished', { number: done.number, id: done.entry.id })}
      {gaps ? ` ${t('desk.finishedGaps', { gaps })}` : ''}{' '}
      <a href={`#/staff/logbook/entry/${done.entry.id}/refine?from=desk`}>{t('desk.refine', { id: done.entry.id })}</a>
    </Notice>
  );
}

function DeskChooser({ view, onOpen }: { view: DeskView; onOpen: (desk: number, takeOver: boolean) => void }) {
  const { t } = useT('queue');
  return (
    <section className="card" aria-labelledby="desk-choose-title">
      <h2 id="desk-choose-title">{t('desk.chooseDesk')}</h2>
      <div className="desk-chooser">
        {view.desks.map((d) => (
          <Button
            key={d.desk}
            size="large"
            variant={d.memberId ? 'secondary' : 'primary'}
            onClick={() => onOpen(d.desk, d.memberId !== null)}
          >
            {d.memberId
              ? t('desk.takeOver', { desk: d.desk, name: d.memberName })
              : `${t('desk.deskN', { desk: d.desk })} · ${t('desk.free')}`}
          </Button>
        ))}
      </div>
    </section>
  );
}

function TicketFacts({ ticket }: { ticket: StaffTicket }) {
  const { t } = useT('queue');
  return (
    <ul className="desk-facts">
      <li>
        {t(`team:helpKinds.${ticket.helpKind}`)}
        {ticket.procedure ? `: ${t(`vocabulary:procedures.${ticket.procedure}`)}` : ''}
      </li>
      {ticket.priority.length ? (
        <li className="desk-priority">{ticket.priority.map((g) => t(`priority.${g}`)).join(', ')}</li>
      ) : null}
      {ticket.language !== 'vi' ? <li>{t(`common:language.${ticket.language}`)}</li> : null}
      {ticket.name || ticket.phone ? <li>{[ticket.name, ticket.phone].filter(Boolean).join(' · ')}</li> : null}
    </ul>
  );
}

function CurrentTicket({
  ticket,
  recallsNeeded,
  ...on
}: {
  ticket: StaffTicket;
  recallsNeeded: number;
  onRecall: () => void;
  onArrived: () => void;
  onNoShow: () => void;
  onPutBack: () => void;
  onTransfer: () => void;
  onFinish: () => void;
  onReprint: () => void;
  onGuide: () => void;
}) {
  const { t } = useT('queue');
  const called = ticket.status === 'called';
  const noShowReady = ticket.recallCount >= recallsNeeded;
  return (
    <article className="desk-ticket" aria-label={ticket.number}>
      <div className="desk-ticket-number">{ticket.number}</div>
      <div>
        <p className="desk-ticket-status">
          {t(`desk.status.${ticket.status}`)}
          {called ? ` · ${t('desk.recalls', { count: ticket.recallCount })}` : ''}
        </p>
        <TicketFacts ticket={ticket} />
        <div className="desk-ticket-actions">
          {called ? <Button onClick={on.onArrived}>{t('desk.arrived')}</Button> : null}
          {called ? (
            <Button variant="secondary" onClick={on.onRecall}>
              {t('desk.recall')}
            </Button>
          ) : null}
          {called ? (
            <Button
              variant="danger"
              disabled={!noShowReady}
              onClick={on.onNoShow}
              title={noShowReady ? undefined : t('desk.noShowAfter', { count: recallsNeeded })}
            >
              {t('desk.noShow')}
            </Button>
          ) : null}
          <Button variant={called ? 'secondary' : 'primary'} onClick={on.onFinish}>
            {t('desk.finish')}
          </Button>
          <Button variant="secondary" onClick={on.onGuide}>
            {t('desk.openGuide', { number: ticket.number })}
          </Button>
          <Button variant="secondary" onClick={on.onPutBack}>
            {t('desk.putBack')}
          </Button>
          <Button variant="secondary" onClick={on.onTransfer}>
            {t('desk.transfer')}
          </Button>
          {!ticket.walkIn ? (
            <Button variant="ghost" onClick={on.onReprint}>
              {t('desk.reprint')}
            </Button>
          ) : null}
        </div>
        {called && !noShowReady ? (
          <p className="field-hint">{t('desk.noShowAfter', { count: recallsNeeded })}</p>
        ) : null}
      </div>
    </article>
  );
}

function WaitingList({
  view,
  canCall,
  onCall,
  onTransfer,
}: {
  view: DeskView;
  canCall: boolean;
  onCall: (id: number) => void;
  onTransfer: (t: StaffTicket) => void;
}) {
  const { t } = useT('queue');
  return (
    <section aria-labelledby="desk-waiting-title">
      <h2 id="desk-waiting-title">{t('desk.waitingList', { count: view.waiting.length })}</h2>
      {view.waiting.length === 0 ? (
        <p>{t('desk.nobodyWaiting')}</p>
      ) : (
        <table className="data desk-waiting">
          <thead>
            <tr>
              <th scope="col">{t('desk.columns.number')}</th>
              <th scope="col">{t('desk.columns.kind')}</th>
              <th scope="col">{t('desk.columns.waited')}</th>
              <th scope="col">{t('desk.columns.note')}</th>
              <th scope="col">{t('desk.columns.action')}</th>
            </tr>
          </thead>
          <tbody>
            {view.waiting.map((w) => (
              <tr
                key={w.id}
                className={
                  [w.priority.length ? 'is-priority' : '', w.overdue ? 'is-overdue' : ''].join(' ').trim() || undefined
                }
              >
                <th scope="row">{w.number}</th>
                <td>
                  <TicketFacts ticket={w} />
                </td>
                <td>
                  {t('desk.waited', { minutes: w.waitedMinutes })}
                  {w.overdue ? <strong className="desk-overdue"> · {t('desk.overdueRow')}</strong> : null}
                </td>
                <td>{w.targetDesk ? t('desk.sentTo', { desk: w.targetDesk }) : ''}</td>
                <td>
                  <div className="desk-row-actions">
                    <Button variant="secondary" disabled={!canCall} onClick={() => onCall(w.id)}>
                      {t('desk.callThis', { number: w.number })}
                    </Button>
                    <Button
                      variant="ghost"
                      onClick={() => onTransfer(w)}
                      aria-label={`${t('desk.transfer')} ${w.number}`}
                    >
                      {t('desk.transfer')}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
