import { useMemo, useState } from 'react';
import { useT } from '../app/useT';
import { EraseDialog } from './EraseDialog';
import type { EntryDetail, EntryInput, EntryView } from '#shared/logbook/schemas';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { navigate } from '../app/router';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import './logbook.css';
import { Page } from '../ui/Page';
import { EntryForm } from './EntryForm';
import { formatInstant, useDescribe, VIEW_FIELDS, type ViewField } from './describe';
import { useRouteParts } from './path';

/** The stored view back to form values; consents already recorded stay ticked. */
function toFormValues(v: EntryView): EntryInput {
  return {
    ...v,
    consent: { contact: !!v.consent.contact, ethnicity: !!v.consent.ethnicity, disability: !!v.consent.disability },
  };
}

function changedFields(before: EntryView | undefined, after: EntryView): ViewField[] {
  if (!before) return [];
  return VIEW_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/**
 * One entry: what it says now, every version before, and the acts on it: complete it while its
 * day is open (`/refine`, no reason asked), correct it (`/correct`, with a reason), erase.
 */
export function EntryPage() {
  const { t } = useT('logbook');
  const { parts, query } = useRouteParts('/staff/logbook/entry');
  const id = Number(parts[0]);
  const mode = parts[1] === 'correct' || parts[1] === 'refine' ? parts[1] : null;
  // Not re-read on every live event: each read of personal data leaves a line in the audit trail.
  const detail = useQuery('logbook.get', { id: id || 1 }, { enabled: !!id });
  const errorText = useErrorText();
  // A refinement of a day closed meanwhile is a correction: it needs its reason.
  const editing = mode === 'refine' && detail.data?.dayClosed ? 'correct' : mode;
  const title = t(
    editing === 'correct' ? 'form.titleCorrect' : editing === 'refine' ? 'form.refineTitle' : 'detail.title',
    { id },
  );
  if (detail.error)
    return (
      <Page title={title}>
        <Notice tone="error">{errorText(detail.error)}</Notice>
      </Page>
    );
  if (!detail.data)
    return (
      <Page title={title}>
        <p role="status">{t('common:loading')}</p>
      </Page>
    );
  const fromDesk = query.get('from') === 'desk';
  const saved = Number(query.get('saved')) || null;
  return editing ? (
    <Revise
      detail={detail.data}
      title={title}
      reload={detail.reload}
      refine={editing === 'refine'}
      fromDesk={fromDesk}
    />
  ) : (
    <Show
      detail={detail.data}
      title={title}
      reload={detail.reload}
      saved={
        saved
          ? { version: saved, kind: query.get('kind') === 'correction' ? 'correction' : 'refinement', fromDesk }
          : null
      }
    />
  );
}

/** The form for a new version: a refinement (the desk's finish recorded the entry; details follow) or a correction. */
function Revise({
  detail: live,
  title,
  reload,
  refine,
  fromDesk,
}: {
  detail: EntryDetail;
  title: string;
  reload: () => void;
  refine: boolean;
  fromDesk: boolean;
}) {
  const { t } = useT('logbook');
  // Frozen when the form opens: a change made elsewhere meanwhile must not wipe what is being
  // typed; saving then meets the version check and says so.
  const [detail] = useState(live);
  const defaults = useMemo(() => {
    const values = toFormValues(detail.current);
    // Ticked at the kiosk, not written down without its own consent: asked here.
    if (detail.gaps.includes('consentDisability') && !values.priorityGroups?.includes('disability')) {
      values.priorityGroups = [...(values.priorityGroups ?? []), 'disability'];
    }
    return values;
  }, [detail]);
  const gaps = detail.gaps.map((g) => t(`gaps.${g}`)).join('; ');
  const done = (version: number, kind: 'refinement' | 'correction') =>
    navigate(`/staff/logbook/entry/${detail.id}?saved=${version}&kind=${kind}${fromDesk ? '&from=desk' : ''}`);
  return (
    <Page title={title}>
      <EntryForm
        defaults={defaults}
        dayClosed={detail.dayClosed}
        withReason={!refine}
        banner={
          detail.ticketNumber && refine ? (
            <Notice tone={gaps ? 'warning' : 'info'}>
              {t('form.fromFinish', { number: detail.ticketNumber })}
              {gaps ? ` ${t('form.gapsIntro', { gaps })}` : ''}
            </Notice>
          ) : detail.dayClosed && gaps ? (
            <Notice tone="warning">{t('form.gapsIntro', { gaps })}</Notice>
          ) : null
        }
        submitLabel={t(refine ? 'form.saveRefine' : 'form.saveCorrection')}
        onSubmit={async (entry, reason) => {
          const result = refine
            ? await api.call('logbook.refine', { id: detail.id, expectedVersion: detail.currentVersion, entry })
            : await api.call('logbook.correct', {
                id: detail.id,
                expectedVersion: detail.currentVersion,
                reason,
                entry,
              });
          reload();
          done(result.version, refine ? 'refinement' : 'correction');
        }}
      />
    </Page>
  );
}

function Show({
  detail,
  title,
  reload,
  saved,
}: {
  detail: EntryDetail;
  title: string;
  reload: () => void;
  saved: { version: number; kind: 'refinement' | 'correction'; fromDesk: boolean } | null;
}) {
  const { t } = useT('logbook');
  const describe = useDescribe();
  const errorText = useErrorText();
  const [erasing, setErasing] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const hasPerson =
    !detail.erased &&
    detail.history.some(
      (h) => h.data.fullName || h.data.phone || h.data.birthYear || h.data.ethnicity || h.data.applicationCode,
    );
  const erase = async () => {
    try {
      await api.call('logbook.erase', { ids: [detail.id], reason });
      setErasing(false);
      reload();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <Page
      title={title}
      actions={
        <>
          <Button variant="secondary" onClick={() => navigate(`/staff/logbook/day/${detail.current.day}`)}>
            {t('list.dayBook')}
          </Button>
          {!detail.dayClosed ? (
            <Button onClick={() => navigate(`/staff/logbook/entry/${detail.id}/refine`)}>{t('detail.refine')}</Button>
          ) : null}
          <Button
            variant={detail.dayClosed ? 'primary' : 'secondary'}
            onClick={() => navigate(`/staff/logbook/entry/${detail.id}/correct`)}
          >
            {t('detail.correct')}
          </Button>
          {hasPerson ? (
            <Button variant="danger" onClick={() => setErasing(true)}>
              {t('detail.erase')}
            </Button>
          ) : null}
        </>
      }
    >
      {saved ? (
        <Notice tone="success">
          {t(saved.kind === 'correction' ? 'form.corrected' : 'form.refined', {
            id: detail.id,
            version: saved.version,
          })}
          {saved.fromDesk ? (
            <>
              {' '}
              <a href="#/staff/desk">{t('form.backToDesk')}</a>
            </>
          ) : null}
        </Notice>
      ) : null}
      {detail.gaps.length ? (
        <Notice tone="warning">
          {t('form.gapsIntro', { gaps: detail.gaps.map((g) => t(`gaps.${g}`)).join('; ') })}
        </Notice>
      ) : null}
      {detail.erased ? (
        <Notice tone="info">
          {t('detail.erased', {
            at: formatInstant(detail.erased.at),
            why: t(detail.erased.reason === 'retention' ? 'detail.erasedRetention' : 'detail.erasedRequest'),
          })}
        </Notice>
      ) : null}
      {detail.dayClosed ? <Notice tone="warning">{t('form.closedWarning')}</Notice> : null}
      <section className="card" aria-labelledby="current-heading">
        <h2 id="current-heading">
          {t('detail.current')} ({t('list.version', { version: detail.currentVersion })})
        </h2>
        <dl className="logbook-facts">
          {VIEW_FIELDS.map((f) => {
            const value = describe(f, detail.current);
            return value ? (
              <div key={f}>
                <dt>{describe.label(f)}</dt>
                <dd>{value}</dd>
              </div>
            ) : null;
          })}
        </dl>
        <ConsentRecords view={detail.current} />
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('detail.history')}</h2>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('detail.at')}</th>
              <th scope="col">{t('detail.by')}</th>
              <th scope="col">{t('detail.reason')}</th>
              <th scope="col">{t('detail.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.history.map((h, i) => (
              <tr key={h.version}>
                <td>
                  {h.version}
                  {h.late ? (
                    <>
                      {' '}
                      <span className="badge badge-late">{t('detail.late')}</span>
                    </>
                  ) : null}
                </td>
                <td>{formatInstant(h.recordedAt)}</td>
                <td>{h.recordedByName ?? t('detail.none')}</td>
                <td>
                  {h.kind === 'create'
                    ? t('detail.created')
                    : h.kind === 'refinement'
                      ? t('detail.refinement')
                      : h.reason}
                </td>
                <td>
                  <ul className="changes">
                    {changedFields(detail.history[i - 1]?.data, h.data).map((f) => (
                      <li key={f}>
                        <strong>{describe.label(f)}:</strong>{' '}
                        {describe(f, detail.history[i - 1]!.data) || t('detail.none')} →{' '}
                        {describe(f, h.data) || t('detail.none')}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <EraseDialog
        open={erasing}
        title={t('detail.erase')}
        reason={reason}
        onReason={setReason}
        onClose={() => setErasing(false)}
        onErase={() => void erase()}
      >
        <p>{t('find.eraseConfirm', { count: 1 })}</p>
        {problem ? <Notice tone="error">{problem}</Notice> : null}
      </EraseDialog>
    </Page>
  );
}

/** What the citizen agreed to, when, and who recorded it: the proof of consent kept with the entry. */
function ConsentRecords({ view }: { view: EntryView }) {
  const { t } = useT('logbook');
  const items = (['contact', 'ethnicity', 'disability'] as const).filter((k) => view.consent[k]);
  if (!items.length) return null;
  const label = {
    contact: 'form.consentContact',
    ethnicity: 'form.consentEthnicity',
    disability: 'form.consentDisability',
  } as const;
  return (
    <div className="logbook-consents">
      <h3>{t('form.consentTitle')}</h3>
      <ul>
        {items.map((k) => (
          <li key={k}>
            {t(label[k])} —{' '}
            {t('form.consentRecorded', {
              at: formatInstant(view.consent[k]!.at),
              by: view.consent[k]!.byName ?? t('detail.none'),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
