import { isOneOf } from '#shared/contract/one-of';
import { useState } from 'react';
import { dataKey, useT } from '../app/useT';
import type { Output } from '#shared/contract';
import { ALLOW } from '#shared/contract/roles';
import { formatDate, formatNumber } from '#shared/format/vietnamese';
import type { Activity } from '#shared/team/roster-contract';
import { vnDay } from '#shared/time/vietnam';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { ActivityForm, ReportForm } from './ActivityForms';
import { MonthPicker } from './MonthPicker';
import { useProblemText } from './problems';
import './team.css';

type Check = Output<'activity.list'>['monthChecks'][number];

function Checks({ title, checks }: { title: string; checks: Check[] }) {
  const { t } = useT('team');
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul className="checks">
        {checks.map((c) => (
          <li key={c.kind} className={c.state}>
            <strong>{t(dataKey(`plan.minimumText.${c.kind}`))}</strong>
            <div>
              {t(c.monthsCounted !== undefined ? 'plan.rule.months' : `plan.rule.${c.per}`, {
                done: c.done,
                required: c.required,
              })}
            </div>
            <div>{t(`plan.state.${c.state}`)}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Editing = { kind: 'plan'; activity: Activity | null } | { kind: 'report'; activity: Activity } | null;

/** The month's plan of activities and whether the decision's minimums are met. */
export function PlanPage() {
  const { t } = useT('team');
  const { me } = useSession();
  const problemText = useProblemText();
  const [month, setMonth] = useState(() => vnDay(new Date()).slice(0, 7));
  const data = useQuery('activity.list', { month }, { refreshOn: ['roster.changed'] });
  const team = useQuery('team.list', {});
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const isLeader = !!me && isOneOf(ALLOW.leaders, me.role);
  const members = (team.data ?? []).filter((m) => m.active && m.position !== null);
  const today = vnDay(new Date());

  const save = async (call: () => Promise<unknown>, text: string) => {
    try {
      await call();
      setMessage({ tone: 'success', text });
      setEditing(null);
      data.reload();
    } catch (error) {
      setMessage({ tone: 'error', text: problemText(error) });
    }
  };

  return (
    <Page
      title={t('plan.title')}
      actions={
        isLeader ? <Button onClick={() => setEditing({ kind: 'plan', activity: null })}>{t('plan.add')}</Button> : null
      }
    >
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <MonthPicker month={month} onChange={setMonth} />
      {data.data ? (
        <>
          <Checks title={t('plan.monthChecks')} checks={data.data.monthChecks} />
          <Checks title={t('plan.yearChecks', { year: month.slice(0, 4) })} checks={data.data.yearChecks} />
          {data.data.activities.length === 0 ? (
            <p>{t('plan.none')}</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('plan.day')}</th>
                  <th scope="col">{t('plan.kind')}</th>
                  <th scope="col">{t('plan.place')}</th>
                  <th scope="col">{t('plan.responsible')}</th>
                  <th scope="col">{t('plan.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common:actions.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.data.activities.map((a) => {
                  const canReport = isLeader || a.responsibleMemberId === me?.member?.id;
                  return (
                    <tr key={a.id}>
                      <td>
                        {formatDate(a.day)}
                        {a.startTime ? ` ${a.startTime}` : ''}
                      </td>
                      <td>
                        <strong>{t(`activityKinds.${a.kind}`)}</strong>
                        {a.topic ? <div>{a.topic}</div> : null}
                        <div>
                          {t('plan.targetGroup')}: {a.targetGroup}
                        </div>
                      </td>
                      <td>
                        {a.place}
                        {a.village ? ` · ${a.village}` : ''}
                      </td>
                      <td>{a.responsibleName ?? '—'}</td>
                      <td>
                        {t(`activityStatus.${a.status}`)}
                        {a.peopleReached !== null ? (
                          <div>
                            {t('plan.people', { count: a.peopleReached, formatted: formatNumber(a.peopleReached) })}
                          </div>
                        ) : null}
                        {a.result ? <div>{a.result}</div> : null}
                      </td>
                      <td>
                        <div className="page-actions">
                          {isLeader ? (
                            <Button variant="secondary" onClick={() => setEditing({ kind: 'plan', activity: a })}>
                              {t('common:actions.edit')}
                            </Button>
                          ) : null}
                          {canReport && a.day <= today ? (
                            <Button variant="secondary" onClick={() => setEditing({ kind: 'report', activity: a })}>
                              {t('plan.report')}
                            </Button>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      ) : (
        <p role="status">{data.error ? problemText(data.error) : t('common:loading')}</p>
      )}

      <Dialog
        title={editing?.kind === 'plan' && editing.activity ? t('plan.edit') : t('plan.add')}
        open={editing?.kind === 'plan'}
        onClose={() => setEditing(null)}
      >
        {editing?.kind === 'plan' ? (
          <ActivityForm
            key={editing.activity?.id ?? 'new'}
            activity={editing.activity}
            day={month === today.slice(0, 7) ? today : `${month}-01`}
            members={members}
            onCancel={() => setEditing(null)}
            onSave={(v) =>
              save(
                () => api.call('activity.save', editing.activity ? { ...v, id: editing.activity.id } : v),
                t('plan.saved'),
              )
            }
          />
        ) : null}
      </Dialog>
      <Dialog title={t('plan.report')} open={editing?.kind === 'report'} onClose={() => setEditing(null)}>
        {editing?.kind === 'report' ? (
          <ReportForm
            key={editing.activity.id}
            activity={editing.activity}
            onCancel={() => setEditing(null)}
            onSave={(v) => save(() => api.call('activity.report', v), t('plan.reported'))}
          />
        ) : null}
      </Dialog>
    </Page>
  );
}
