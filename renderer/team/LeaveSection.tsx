import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useT } from '../app/useT';
import type { z } from 'zod';
import { formatDate } from '#shared/format/vietnamese';
import { leaveInput } from '#shared/team/schemas';
import { vnDay } from '#shared/time/vietnam';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { FormDateField } from '../ui/DateTimeFields';
import { SelectField, TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { useProblemText } from './problems';

type Values = z.input<typeof leaveInput>;

/** Members enter the days they cannot be on duty; leaders may enter them for anyone. */
export function LeaveSection() {
  const { t } = useT('team');
  const { me } = useSession();
  const problemText = useProblemText();
  const today = vnDay(new Date());
  // Read without live refresh: this screen already listens to the roster, and the list reloads after each change here.
  const list = useQuery('leave.list', { from: today });
  const team = useQuery('team.list', {});
  const isLeader = me?.role !== 'duty_member';
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, control, handleSubmit, formState, reset, getValues } = useForm<
    Values,
    unknown,
    z.output<typeof leaveInput>
  >({
    resolver: zodResolver(leaveInput),
    defaultValues: { memberId: me?.member?.id ?? 0, from: today, to: today, reason: '' },
  });
  const e = formState.errors;
  const submit = handleSubmit(async () => {
    const values = getValues();
    try {
      const r = await api.call('leave.add', values);
      setMessage({ tone: 'success', text: t('duty.leaveAdded', { count: r.removedShifts }) });
      reset({ ...values, reason: '' });
      list.reload();
    } catch (error) {
      setMessage({ tone: 'error', text: problemText(error) });
    }
  });
  const remove = async (id: number) => {
    try {
      await api.call('leave.remove', { id });
      list.reload();
    } catch (error) {
      setMessage({ tone: 'error', text: problemText(error) });
    }
  };
  return (
    <section className="card" aria-labelledby="leave-title">
      <h2 id="leave-title">{t('duty.leaveTitle')}</h2>
      <p>{t('duty.leaveIntro')}</p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          {isLeader ? (
            <SelectField
              label={t('duty.leaveMember')}
              {...register('memberId', { valueAsNumber: true })}
              options={(team.data ?? [])
                .filter((m) => m.active && m.position !== null)
                .map((m) => ({ value: String(m.id), label: m.fullName }))}
            />
          ) : null}
          <FormDateField control={control} name="from" label={t('duty.from')} error={e.from?.message} />
          <FormDateField control={control} name="to" label={t('duty.to')} error={e.to?.message} />
          <TextField label={t('duty.reason')} maxLength={120} error={e.reason?.message} {...register('reason')} />
        </div>
        <Button type="submit" disabled={formState.isSubmitting}>
          {t('duty.addLeave')}
        </Button>
      </form>
      <h3>{t('duty.leaveList')}</h3>
      {list.data?.length ? (
        <ul>
          {list.data.map((l) => (
            <li key={l.id}>
              {l.fullName}: {formatDate(l.from)} – {formatDate(l.to)}
              {l.reason ? ` (${l.reason})` : ''}{' '}
              <Button
                variant="ghost"
                onClick={() => void remove(l.id)}
                aria-label={t('duty.removeLeave', { name: l.fullName, from: formatDate(l.from), to: formatDate(l.to) })}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('duty.noLeave')}</p>
      )}
    </section>
  );
}
