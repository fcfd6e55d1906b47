import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useT } from '../app/useT';
import type { z } from 'zod';
import { MINORITY_LANGUAGES, pointSettingsInput } from '#shared/settings/schemas';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { FormTimeField } from '../ui/DateTimeFields';
import { Checkbox, TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { CommuneField } from './CommuneField';

type Values = z.input<typeof pointSettingsInput>;

export function SettingsPage() {
  const { t } = useT('settings');
  const errorText = useErrorText();
  const current = useQuery('settings.get', {});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, control, handleSubmit, reset, formState } = useForm<Values>({
    resolver: zodResolver(pointSettingsInput),
  });
  const e = formState.errors;
  useEffect(() => {
    if (current.data) reset(current.data);
  }, [current.data, reset]);

  const save = handleSubmit(async (values) => {
    try {
      await api.call('settings.update', pointSettingsInput.parse(values));
      setMessage({ tone: 'success', text: t('settingsPage.saved') });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    }
  });

  return (
    <Page title={t('settingsPage.title')}>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <form className="card" onSubmit={save} noValidate>
        <div className="field-row">
          <CommuneField error={e.communeName?.message} {...register('communeName')} />
          <TextField
            label={t('wizard.communeCode')}
            hint={t('wizard.communeCodeHint')}
            inputMode="numeric"
            maxLength={5}
            error={e.communeCode?.message}
            {...register('communeCode')}
          />
        </div>
        <Checkbox label={t('wizard.isPilotCommune')} {...register('isPilotCommune')} />
        <TextField label={t('wizard.pointName')} required error={e.pointName?.message} {...register('pointName')} />
        <TextField label={t('wizard.address')} required error={e.address?.message} {...register('address')} />
        <div className="field-row">
          <TextField
            label={t('wizard.deskCount')}
            type="number"
            min={1}
            max={9}
            error={e.deskCount?.message}
            {...register('deskCount', { valueAsNumber: true })}
          />
          <FormTimeField control={control} name="openTime" label={t('wizard.openTime')} error={e.openTime?.message} />
          <FormTimeField
            control={control}
            name="closeTime"
            label={t('wizard.closeTime')}
            error={e.closeTime?.message}
          />
        </div>
        <Checkbox label={t('wizard.saturdayOpen')} {...register('saturdayOpen')} />
        <fieldset className="field">
          <legend>{t('wizard.localLanguages')}</legend>
          {MINORITY_LANGUAGES.map((lng) => (
            <Checkbox key={lng} label={t(`common:language.${lng}`)} value={lng} {...register('localLanguages')} />
          ))}
        </fieldset>
        <Button type="submit" size="large" disabled={formState.isSubmitting}>
          {t('common:actions.save')}
        </Button>
      </form>
    </Page>
  );
}
