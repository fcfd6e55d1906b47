import { useEffect, useState } from 'react';
import { useT } from '../app/useT';
import { formatTime } from '#shared/format/vietnamese';
import type { SessionInput } from '#shared/guides/schemas';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { GuideFacts } from './GuideFacts';
import { Handout } from './Handout';
import { useLocalized } from './text';
import { TicketBinding, useTicketNumber } from './TicketBinding';
import { LocalText } from './LocalText';

type Progress = Pick<SessionInput, 'stepsDone' | 'stuckStep' | 'errors'>;

/** The guide as a checklist for a duty member serving a ticket; progress is saved per ticket. */
export function GuidedMode({ id, ticket }: { id: string; ticket: number | null }) {
  const { t } = useT('guides');
  const l = useLocalized();
  const errorText = useErrorText();
  const view = useQuery('guides.get', { id }, { refreshOn: ['guides.changed'] });
  const [progress, setProgress] = useState<Progress>({ stepsDone: [], stuckStep: null, errors: [] });
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const number = useTicketNumber(ticket);

  useEffect(() => {
    if (!ticket) return;
    void api.call('guides.session.get', { ticketId: ticket, guideId: id }).then((s) => {
      if (s) setProgress({ stepsDone: s.stepsDone, stuckStep: s.stuckStep, errors: s.errors });
    });
  }, [id, ticket]);

  const update = (next: Progress) => {
    setProgress(next);
    if (!ticket) return;
    setError(null);
    api.call('guides.session.save', { ticketId: ticket, guideId: id, ...next }).then(
      (s) => setSaved(formatTime(s.updatedAt, { seconds: true })),
      (e: unknown) => setError(errorText(e)),
    );
  };
  const toggle = (list: string[], key: string) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key]);

  if (!view.data) return <p role="status">{view.error ? errorText(view.error) : t('common:loading')}</p>;
  const { guide } = view.data;
  const general = guide.commonErrors.filter((e) => !e.step);
  const errorBox = (e: (typeof guide.commonErrors)[number]) => (
    <label key={e.key} className="checkbox guide-error-check">
      <input
        type="checkbox"
        checked={progress.errors.includes(e.key)}
        onChange={() => update({ ...progress, errors: toggle(progress.errors, e.key) })}
      />
      <span>
        <strong>
          <LocalText text={e.whatHappens} />
        </strong>{' '}
        <span className="guide-muted">
          {t('facts.whatToDo')} <LocalText text={e.whatToDo} />
        </span>
      </span>
    </label>
  );
  return (
    <>
      <div className="guide-screen-only">
        <Page
          title={l(guide.title)}
          actions={
            <>
              <Button variant="secondary" onClick={() => window.print()}>
                {t('staff.print')}
              </Button>
              <a className="btn btn-ghost btn-normal" href={`#/guides/${id}`}>
                {t('staff.kioskView')}
              </a>
            </>
          }
        >
          {ticket ? (
            <Notice tone="info">
              {t('staff.guidedFor', { ticket: number ?? '…' })} ·{' '}
              {t('staff.progress', { done: progress.stepsDone.length, total: guide.steps.length })}
            </Notice>
          ) : (
            <Notice tone="warning">{t('staff.noTicket')}</Notice>
          )}
          {ticket ? null : <TicketBinding ticket={ticket} base={`/staff/guides/${id}`} />}
          {error ? (
            <Notice tone="error">{error}</Notice>
          ) : saved ? (
            <p role="status" className="guide-muted">
              {t('staff.saved', { time: saved })}
            </p>
          ) : null}
          <details className="card">
            <summary>
              <strong>{t('reading.overview')}</strong>
            </summary>
            <GuideFacts guide={guide} staff />
          </details>
          <h2>{t('staff.guided')}</h2>
          <ol className="guide-checklist">
            {guide.steps.map((s) => {
              const stuck = progress.stuckStep === s.key;
              return (
                <li key={s.key} className={stuck ? 'stuck' : progress.stepsDone.includes(s.key) ? 'done' : ''}>
                  <img src={view.data!.pictures[s.picture]} alt="" />
                  <div>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={progress.stepsDone.includes(s.key)}
                        onChange={() => update({ ...progress, stepsDone: toggle(progress.stepsDone, s.key) })}
                      />
                      <span>
                        <strong>
                          <LocalText text={s.instruction} />
                        </strong>
                      </span>
                    </label>
                    <p className="guide-muted">
                      {t('reading.screenShows')} <LocalText text={s.screenShows} />
                    </p>
                    <Button
                      variant={stuck ? 'danger' : 'secondary'}
                      aria-pressed={stuck}
                      onClick={() => update({ ...progress, stuckStep: stuck ? null : s.key })}
                    >
                      {stuck ? t('staff.clearStuck') : t('staff.stuckHere')}
                    </Button>
                    {guide.commonErrors.some((e) => e.step === s.key) ? (
                      <fieldset className="guide-errors">
                        <legend>{t('staff.errorsHappened')}</legend>
                        {guide.commonErrors.filter((e) => e.step === s.key).map(errorBox)}
                      </fieldset>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
          {general.length ? (
            <fieldset className="guide-errors card">
              <legend>{t('facts.commonErrors')}</legend>
              {general.map(errorBox)}
            </fieldset>
          ) : null}
        </Page>
      </div>
      <Handout view={view.data} />
    </>
  );
}
