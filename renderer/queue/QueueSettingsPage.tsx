import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { dataKey, useT } from '../app/useT';
import { queueSettings, type QueueSettings } from '#shared/queue/schemas';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Checkbox, TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';

const NUMBERS = [
  'normalsPerPriority',
  'maxWaitMinutes',
  'recallsBeforeNoShow',
  'ticketIdleSeconds',
  'choiceIdleSeconds',
] as const;
const HINTS: Partial<Record<(typeof NUMBERS)[number], string>> = {
  normalsPerPriority: 'settings.normalsPerPriorityHint',
  maxWaitMinutes: 'settings.maxWaitMinutesHint',
};

export function QueueSettingsPage() {
  const { t } = useT('queue');
  const errorText = useErrorText();
  const current = useQuery('queue.settings', {});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<QueueSettings>({ resolver: zodResolver(queueSettings) });
  useEffect(() => {
    if (current.data) reset(current.data);
  }, [current.data, reset]);

  const save = handleSubmit(async (values) => {
    try {
      await api.call('queue.updateSettings', values);
      setMessage({ tone: 'success', text: t('settings.saved') });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    }
  });

  return (
    <Page title={t('settings.title')}>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <form className="card" onSubmit={save} noValidate>
        {NUMBERS.map((name) => (
          <TextField
            key={name}
            label={t(`settings.${name}`)}
            type="number"
            inputMode="numeric"
            hint={HINTS[name] ? t(dataKey(HINTS[name]!)) : undefined}
            error={formState.errors[name]?.message}
            {...register(name, { valueAsNumber: true })}
          />
        ))}
        <Checkbox label={t('settings.receiptPrinter')} {...register('receiptPrinter')} />
        <Button type="submit" size="large" disabled={formState.isSubmitting}>
          {t('common:actions.save')}
        </Button>
      </form>
    </Page>
  );
}
