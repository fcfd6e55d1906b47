import { useState } from 'react';
import { useT } from '../app/useT';
import { formatDate, formatNumber, formatTime } from '#shared/format/vietnamese';
import type { BookRow, DayBook, DayClose } from '#shared/logbook/schemas';
import { OUTCOMES } from '#shared/logbook/vocabulary';
import { HELP_KIND_KEYS } from '#shared/team/schemas';
import { addDays, isRealDay, vnDay } from '#shared/time/vietnam';
import { useErrorText } from '../app/errors';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { AdminDocument, AdminSignatures } from '../ui/AdminDocument';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateTimeFields';
import { Notice } from '../ui/Notice';
import { CloseDayDialog } from './CloseDayDialog';
import { carriedText, formatInstant } from './describe';
import { useRouteParts } from './path';
import './logbook.css';

/**
 * The day's book as the commune signs it: on screen as the A4 sheet it prints to, with a
 * toolbar (not printed) to change day, print and close the day.
 */
export function DayBookPage() {
  const { t } = useT('logbook');
  const errorText = useErrorText();
  const { me } = useSession();
  const { parts } = useRouteParts('/staff/logbook/day');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(parts[0] ?? '') ? parts[0]! : vnDay(new Date());
  const book = useQuery('logbook.day', { day }, { refreshOn: ['logbook.changed'] });
  const [closing, setClosing] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const canClose = me?.role === 'commune_official' || me?.role === 'admin';
  const go = (d: string) => navigate(`/staff/logbook/day/${d}`);
  const closed = ({ batchSeq }: { batchSeq: number | null }) => {
    setClosing(false);
    setMessage({
      tone: 'success',
      text: `${t('day.closedDone', { date: formatDate(day) })} ${batchSeq ? t('day.packed', { seq: batchSeq }) : t('day.notPacked')}`,
    });
  };
  return (
    <div className="logbook-day">
      <div className="no-print logbook-toolbar">
        <Button variant="secondary" onClick={() => go(addDays(day, -1))}>
          {t('day.previousDay')}
        </Button>
        <DateField label={t('form.day')} value={day} onChange={(v) => isRealDay(v) && v !== day && go(v)} />
        <Button variant="secondary" onClick={() => go(addDays(day, 1))}>
          {t('day.nextDay')}
        </Button>
        {/* In Electron: its print dialog and printToPDF; in a browser (server mode): the browser's print. */}
        <Button
          onClick={() =>
            window.dhs ? void window.dhs.print({ kind: 'a4', silent: false, landscape: true }) : window.print()
          }
        >
          {t('day.print')}
        </Button>
        {window.dhs ? (
          <Button variant="secondary" onClick={() => void window.dhs!.savePdf(`so-theo-doi-${day}.pdf`)}>
            {t('day.savePdf')}
          </Button>
        ) : null}
        {canClose && book.data && !book.data.closed ? (
          <Button variant="danger" onClick={() => setClosing(true)}>
            {t('day.close')}
          </Button>
        ) : null}
      </div>
      <div className="no-print">
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        {book.data ? <CloseState close={book.data.closed} /> : null}
        {book.error ? <Notice tone="error">{errorText(book.error)}</Notice> : null}
      </div>
      {book.data ? <BookSheet book={book.data} /> : <p role="status">{t('common:loading')}</p>}
      {closing ? <CloseDayDialog day={day} onClose={() => setClosing(false)} onClosed={closed} /> : null}
    </div>
  );
}

/** How the day stands: open, closed by an official, or closed by the app because nobody did. */
function CloseState({ close }: { close: DayClose | null }) {
  const { t } = useT('logbook');
  if (!close) return <Notice tone="info">{t('day.open')}</Notice>;
  const carried = carriedText(t, close.carried);
  return (
    <Notice tone={close.automatic ? 'warning' : 'success'}>
      {close.automatic
        ? t('day.closedAuto', { at: formatInstant(close.at) })
        : t('day.closed', { at: formatInstant(close.at), by: close.byName ?? '' })}
      {carried ? ` ${carried}` : ''}
    </Notice>
  );
}

/** The printed line with the totals: who closed the book, or that the app did. */
function SheetClose({ close }: { close: DayClose | null }) {
  const { t: tv } = useT('logbook', { lng: 'vi' });
  if (!close) return <p className="logbook-book-close">{tv('day.sheetOpen')}</p>;
  const at = new Date(close.at);
  const when = { time: formatTime(at), date: formatDate(at) };
  const carried = carriedText(tv, close.carried);
  return (
    <p className="logbook-book-close">
      {close.automatic ? tv('day.sheetClosedAuto', when) : tv('day.sheetClosed', { ...when, by: close.byName ?? '' })}
      {carried ? ` ${carried}` : ''}
    </p>
  );
}

/** The printed sheet is always in Vietnamese: it is an administrative record. */
function BookSheet({ book }: { book: DayBook }) {
  const { t: tv } = useT('logbook', { lng: 'vi' });
  const place = book.communeName.replace(/^(xã|phường|thị trấn)\s+/i, '');
  const kinds = HELP_KIND_KEYS.filter((k) => book.totals.byHelpKind[k]);
  const signers = [
    // Several people recorded that day: the one who compiles the book writes their name by hand.
    { title: tv('day.preparer'), ...(book.preparedBy.length === 1 ? { name: book.preparedBy[0]! } : {}) },
    { title: tv('day.leader'), ...(book.teamLeader ? { name: book.teamLeader } : {}) },
    { title: tv('day.committee'), note: tv('common:signatureSeal') },
  ];
  // The totals and the signatures: the table's last row when there are rows, so that on paper
  // they always stand with the last lines of the day.
  const closing = (
    <div className="logbook-book-closing">
      <h2 className="logbook-book-totals-title">{tv('day.totals')}</h2>
      <p>
        {tv('day.totalEntries', { count: book.totals.entries })};{' '}
        {tv('day.totalMinutes', { minutes: formatNumber(book.totals.minutes) })}
      </p>
      <table className="logbook-book-totals">
        <thead>
          <tr>
            <th scope="col">{tv('day.byHelpKind')}</th>
            <th scope="col">{tv('day.count')}</th>
            <th scope="col">{tv('day.byOutcome')}</th>
            <th scope="col">{tv('day.count')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.max(kinds.length, OUTCOMES.length) }, (_, i) => (
            <tr key={i}>
              {kinds[i] ? (
                <>
                  <td>{tv(`team:helpKinds.${kinds[i]}`)}</td>
                  <td className="num">{book.totals.byHelpKind[kinds[i]!]}</td>
                </>
              ) : (
                <>
                  <td />
                  <td />
                </>
              )}
              {OUTCOMES[i] ? (
                <>
                  <td>{tv(`vocabulary:outcomes.${OUTCOMES[i]}`)}</td>
                  <td className="num">{book.totals.byOutcome[OUTCOMES[i]!] ?? 0}</td>
                </>
              ) : (
                <>
                  <td />
                  <td />
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <SheetClose close={book.closed} />
      <AdminSignatures signers={signers} />
    </div>
  );
  return (
    <div className="logbook-book">
      <AdminDocument
        issuerParent={tv('day.issuerParent', { commune: book.communeName })}
        issuer={tv('day.issuer')}
        landscape
        place={place}
        day={book.day}
        title={tv('bookTitle')}
        subtitle={`${book.pointName} — ${tv('form.day')} ${formatDate(book.day)}`}
      >
        {book.rows.length ? (
          <table className="logbook-book-table">
            <thead>
              <tr>
                <th scope="col">{tv('columns.no')}</th>
                <th scope="col">{tv('columns.time')}</th>
                <th scope="col">{tv('columns.person')}</th>
                <th scope="col">{tv('columns.village')}</th>
                <th scope="col">{tv('columns.helpKinds')}</th>
                <th scope="col">{tv('columns.channel')}</th>
                <th scope="col">{tv('columns.outcome')}</th>
                <th scope="col">{tv('columns.obstacles')}</th>
                <th scope="col">{tv('columns.members')}</th>
                <th scope="col">{tv('columns.minutes')}</th>
              </tr>
            </thead>
            <tbody>
              {book.rows.slice(0, -1).map((r, i) => (
                <BookLine key={r.id} row={r} no={i + 1} />
              ))}
            </tbody>
            {/* The last visit and the closing row go together: on paper the signatures always stand with the day's last line. */}
            <tbody className="logbook-book-closing-row">
              <BookLine row={book.rows.at(-1)!} no={book.rows.length} />
              <tr>
                <td colSpan={10}>{closing}</td>
              </tr>
            </tbody>
          </table>
        ) : (
          <p className="italic">{tv('day.empty')}</p>
        )}
        {book.rows.length ? null : closing}
      </AdminDocument>
    </div>
  );
}

function BookLine({ row: r, no }: { row: BookRow; no: number }) {
  const { t: tv } = useT('logbook', { lng: 'vi' });
  const about = [
    r.birthYear ? tv('day.born', { year: r.birthYear }) : tv(`vocabulary:ageBands.${r.ageBand}`),
    tv(`vocabulary:genders.${r.gender}`),
    r.ethnicity ? tv(`vocabulary:ethnicities.${r.ethnicity}`) : null,
    r.priorityGroups.length
      ? tv('day.priority', { groups: r.priorityGroups.map((g) => tv(`vocabulary:priorityGroups.${g}`)).join(', ') })
      : null,
  ]
    .filter(Boolean)
    .join('; ');
  const obstacles = [
    ...r.obstacles.map((o) => tv(`vocabulary:obstacles.${o}`)),
    ...r.guideErrors.map((g) => g.label),
    r.obstacleText,
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <tr>
      <td className="num">{no}</td>
      <td>{r.time}</td>
      <td>
        {r.fullName ? <strong>{r.fullName}</strong> : null}
        {r.phone ? <> – {r.phone}</> : null}
        {r.fullName || r.phone ? <br /> : null}
        {about}
      </td>
      <td>{r.village ?? ''}</td>
      <td>
        {r.helpKinds.map((k) => tv(`team:helpKinds.${k}`)).join('; ')}
        {r.procedure || r.procedureText ? (
          <>
            <br />
            <em>
              {[r.procedure ? tv(`vocabulary:procedures.${r.procedure}`) : null, r.procedureText]
                .filter(Boolean)
                .join(': ')}
            </em>
          </>
        ) : null}
      </td>
      <td>
        {tv(`vocabulary:channels.${r.channel}`)}
        {r.place ? (
          <>
            <br />
            {r.place}
          </>
        ) : null}
      </td>
      <td>
        {tv(`vocabulary:outcomes.${r.outcome}`)}
        {r.applicationCode ? (
          <>
            <br />
            {tv('columns.applicationCode')}: <span className="application-code">{r.applicationCode}</span>
          </>
        ) : null}
        {r.late ? (
          <>
            <br />
            <em>({tv('list.late')})</em>
          </>
        ) : null}
      </td>
      <td>{obstacles}</td>
      <td>{r.memberNames.join(', ')}</td>
      <td className="num">{r.minutes}</td>
    </tr>
  );
}
