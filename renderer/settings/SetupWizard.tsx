import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { useT } from '../app/useT';
import { z } from 'zod';
import { isPilotUnit } from '#shared/settings/communes';
import { MINORITY_LANGUAGES, setupInput } from '#shared/settings/schemas';
import { api, ApiError } from '../api/client';
import { useErrorText } from '../app/errors';
import { Button } from '../ui/Button';
import { FormTimeField } from '../ui/DateTimeFields';
import { Checkbox, TextField } from '../ui/Field';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Notice } from '../ui/Notice';
import { CommuneField } from './CommuneField';

const wizardSchema = setupInput
  .extend({ adminPinConfirm: z.string(), setupCode: z.string().max(20).optional() })
  .refine((v) => v.adminPin === v.adminPinConfirm, {
    path: ['adminPinConfirm'],
    message: 'settings:wizard.pinMismatch',
  });
type WizardValues = z.input<typeof wizardSchema>;

const STEPS: { key: 'commune' | 'point' | 'hours' | 'admin'; fields: FieldPath<WizardValues>[] }[] = [
  { key: 'commune', fields: ['point.communeName', 'point.communeCode', 'point.isPilotCommune'] },
  { key: 'point', fields: ['point.pointName', 'point.address', 'point.deskCount', 'point.localLanguages'] },
  { key: 'hours', fields: ['point.openTime', 'point.closeTime', 'point.saturdayOpen'] },
  { key: 'admin', fields: ['adminName', 'adminPin', 'adminPinConfirm', 'setupCode'] },
];

/** First run: four short steps, validated as the user goes and again by the core. */
export function SetupWizard({ onDone, codeRequired }: { onDone: () => void; codeRequired: boolean }) {
  const { t } = useT('settings');
  const errorText = useErrorText();
  const [step, setStep] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<WizardValues>({
    resolver: zodResolver(wizardSchema),
    mode: 'onTouched',
    defaultValues: {
      point: {
        communeName: '',
        isPilotCommune: false,
        communeCode: '',
        pointName: '',
        address: '',
        deskCount: 2,
        openTime: '07:30',
        closeTime: '17:00',
        saturdayOpen: false,
        localLanguages: [],
      },
      adminName: '',
      adminPin: '',
      adminPinConfirm: '',
      setupCode: '',
    },
  });
  const { register, control, handleSubmit, trigger, setValue, setError, formState } = form;
  const e = formState.errors;

  const next = async () => {
    if (await trigger(STEPS[step]!.fields, { shouldFocus: true })) setStep(step + 1);
  };
  const submit = handleSubmit(async ({ adminPinConfirm: _confirm, setupCode, ...input }) => {
    setFailure(null);
    try {
      await api.call('setup.complete', codeRequired ? { ...input, setupCode } : input);
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.body.fields) {
        for (const [path, key] of Object.entries(error.body.fields))
          setError(path as FieldPath<WizardValues>, { message: key });
      }
      setFailure(errorText(error));
    }
  });
  const current = STEPS[step]!.key;
  const communeField = register('point.communeName');

  return (
    <div className="centered">
      <main id="main" className="panel">
        <div className="panel-header">
          <div>
            <p className="field-hint">
              {t('common:appName')} · {t('common:province')}
            </p>
            <h1>{t('wizard.title')}</h1>
          </div>
          <LanguageSwitch />
        </div>
        <p>{t('wizard.intro')}</p>
        <ol className="steps" aria-label={t('wizard.stepOf', { step: step + 1, total: STEPS.length })}>
          {STEPS.map((s, i) => (
            <li key={s.key} aria-current={i === step ? 'step' : undefined}>
              {i + 1}. {t(`wizard.steps.${s.key}`)}
            </li>
          ))}
        </ol>
        <h2>
          {t('wizard.stepOf', { step: step + 1, total: STEPS.length })}: {t(`wizard.steps.${current}`)}
        </h2>
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            if (step < STEPS.length - 1) void next();
            else void submit();
          }}
          noValidate
        >
          {current === 'commune' && (
            <>
              <CommuneField
                error={e.point?.communeName?.message}
                {...communeField}
                onChange={(ev) => {
                  void communeField.onChange(ev);
                  setValue('point.isPilotCommune', isPilotUnit(ev.target.value));
                }}
              />
              <Checkbox label={t('wizard.isPilotCommune')} {...register('point.isPilotCommune')} />
              <TextField
                label={t('wizard.communeCode')}
                hint={t('wizard.communeCodeHint')}
                error={e.point?.communeCode?.message}
                inputMode="numeric"
                maxLength={5}
                autoComplete="off"
                {...register('point.communeCode')}
              />
            </>
          )}
          {current === 'point' && (
            <>
              <TextField
                label={t('wizard.pointName')}
                placeholder={t('wizard.pointNamePlaceholder')}
                required
                error={e.point?.pointName?.message}
                {...register('point.pointName')}
              />
              <TextField
                label={t('wizard.address')}
                required
                error={e.point?.address?.message}
                {...register('point.address')}
              />
              <TextField
                label={t('wizard.deskCount')}
                type="number"
                min={1}
                max={9}
                required
                error={e.point?.deskCount?.message}
                {...register('point.deskCount', { valueAsNumber: true })}
              />
              <fieldset className="field">
                <legend>{t('wizard.localLanguages')}</legend>
                {MINORITY_LANGUAGES.map((lng) => (
                  <Checkbox
                    key={lng}
                    label={t(`common:language.${lng}`)}
                    value={lng}
                    {...register('point.localLanguages')}
                  />
                ))}
              </fieldset>
            </>
          )}
          {current === 'hours' && (
            <>
              <div className="field-row">
                <FormTimeField
                  control={control}
                  name="point.openTime"
                  label={t('wizard.openTime')}
                  required
                  error={e.point?.openTime?.message}
                />
                <FormTimeField
                  control={control}
                  name="point.closeTime"
                  label={t('wizard.closeTime')}
                  required
                  error={e.point?.closeTime?.message}
                />
              </div>
              <Checkbox label={t('wizard.saturdayOpen')} {...register('point.saturdayOpen')} />
            </>
          )}
          {current === 'admin' && (
            <>
              <TextField
                label={t('wizard.adminName')}
                required
                autoComplete="name"
                error={e.adminName?.message}
                {...register('adminName')}
              />
              <Notice>{t('wizard.adminPinHint')}</Notice>
              <div className="field-row">
                <TextField
                  label={t('wizard.adminPin')}
                  type="password"
                  inputMode="numeric"
                  autoComplete="new-password"
                  required
                  error={e.adminPin?.message}
                  {...register('adminPin')}
                />
                <TextField
                  label={t('wizard.adminPinConfirm')}
                  type="password"
                  inputMode="numeric"
                  autoComplete="new-password"
                  required
                  error={e.adminPinConfirm?.message}
                  {...register('adminPinConfirm')}
                />
              </div>
              {codeRequired ? (
                <TextField
                  label={t('wizard.setupCode')}
                  hint={t('wizard.setupCodeHint')}
                  inputMode="numeric"
                  autoComplete="off"
                  required
                  error={e.setupCode?.message}
                  {...register('setupCode')}
                />
              ) : null}
            </>
          )}
          <div className="form-actions">
            <Button variant="secondary" size="large" disabled={step === 0} onClick={() => setStep(step - 1)}>
              {t('common:actions.back')}
            </Button>
            <Button type="submit" size="large" disabled={formState.isSubmitting}>
              {step < STEPS.length - 1 ? t('common:actions.next') : t('wizard.finish')}
            </Button>
          </div>
        </form>
      </main>
    </div>
  );
}
