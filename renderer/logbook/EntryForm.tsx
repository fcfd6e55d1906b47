import { isOneOf } from '#shared/contract/one-of';
import { zodResolver } from '@hookform/resolvers/zod';
import { forwardRef, useEffect, useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { Controller, useForm, type Path } from 'react-hook-form';
import { dataKey, useT } from '../app/useT';
import { ageBandOf, entryInput, FILED_OUTCOMES, type EntryData, type EntryInput } from '#shared/logbook/schemas';
import {
  AGE_BANDS,
  CHANNELS,
  COMMON_PROCEDURES,
  ETHNICITIES,
  GENDERS,
  OBSTACLES,
  OUTCOMES,
  PRIORITY_GROUPS,
} from '#shared/logbook/vocabulary';
import { LANGUAGES } from '#shared/settings/schemas';
import { HELP_KIND_KEYS } from '#shared/team/schemas';
import { ApiError } from '../api/client';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { FormDateField, FormTimeField } from '../ui/DateTimeFields';
import { SelectField, TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Choices } from './Choices';

const nullable = (v: unknown) => (v === '' || v === undefined ? null : v);
const numberOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

interface EntryFormProps {
  defaults: EntryInput;
  /** Shown above the form, e.g. the ticket it comes from. */
  banner?: ReactNode;
  /** The day is closed: say that saving makes a late amendment. */
  dayClosed?: boolean;
  /** A correction asks why. */
  withReason?: boolean;
  submitLabel: string;
  onSubmit: (entry: EntryData, reason: string) => Promise<void>;
}

/**
 * One screen for one visit, top to bottom in the order a volunteer thinks: what was done, then
 * who it was for. The resolver is the gate's own schema, so what passes here passes there.
 */
export function EntryForm({ defaults, banner, dayClosed, withReason, submitLabel, onSubmit }: EntryFormProps) {
  const { t } = useT('logbook');
  const errorText = useErrorText();
  const team = useQuery('team.list', {});
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const { register, control, handleSubmit, watch, setError, reset, formState } = useForm<
    EntryInput,
    unknown,
    EntryData
  >({
    resolver: zodResolver(entryInput),
    defaultValues: defaults,
  });
  useEffect(() => reset(defaults), [defaults, reset]);
  const e = formState.errors;
  const [channel, outcome, birthYear, day, consent, priorityGroups, memberIds] = watch([
    'channel',
    'outcome',
    'birthYear',
    'day',
    'consent',
    'priorityGroups',
    'memberIds',
  ]);
  const derivedBand = typeof birthYear === 'number' && birthYear > 1900 && day ? ageBandOf(birthYear, day) : null;
  const members = (team.data ?? []).filter((m) => (m.active && m.accessRole !== 'admin') || memberIds?.includes(m.id));

  const submit = handleSubmit(async (entry) => {
    setFailure(undefined);
    if (withReason && reason.trim().length < 5) {
      setReasonError('logbook:problems.reason');
      return;
    }
    try {
      await onSubmit(entry, reason.trim());
    } catch (error) {
      // The gate's field problems land on the same fields the form shows.
      const fields = error instanceof ApiError ? (error.body.fields ?? {}) : {};
      for (const [path, key] of Object.entries(fields)) {
        if (path === 'reason') setReasonError(key);
        else setError(path.replace(/^entry\./, '') as Path<EntryInput>, { message: key });
      }
      setFailure(errorText(error));
    }
  });

  const options = <T extends string>(keys: readonly T[], prefix: string) =>
    keys.map((k) => ({ value: k, label: t(dataKey(`${prefix}.${k}`)) }));
  return (
    <form onSubmit={submit} noValidate className="logbook-form">
      {banner}
      {dayClosed ? <Notice tone="warning">{t('form.closedWarning')}</Notice> : null}
      {failure ? <Notice tone="error">{failure}</Notice> : null}

      <section className="card" aria-labelledby="visit-heading">
        <h2 id="visit-heading">{t('form.visit')}</h2>
        <div className="field-row">
          <FormDateField control={control} name="day" label={t('form.day')} required error={e.day?.message} />
          <FormTimeField control={control} name="time" label={t('form.time')} required error={e.time?.message} />
          <SelectField
            label={t('form.channel')}
            required
            error={e.channel?.message}
            options={options(CHANNELS, 'vocabulary:channels')}
            {...register('channel')}
          />
          {channel === 'support_point' ? (
            <TextField
              label={t('form.desk')}
              type="number"
              min={1}
              max={9}
              error={e.desk?.message}
              {...register('desk', { setValueAs: numberOrNull })}
            />
          ) : (
            <TextField
              label={t('form.place')}
              hint={t('form.placeHint')}
              error={e.place?.message}
              {...register('place')}
            />
          )}
        </div>
        <Controller
          control={control}
          name="helpKinds"
          render={({ field }) => (
            <Choices
              name="helpKinds"
              legend={t('form.helpKinds')}
              options={options(HELP_KIND_KEYS, 'team:helpKinds')}
              value={field.value ?? []}
              onChange={field.onChange}
              error={e.helpKinds?.message}
            />
          )}
        />
        <div className="field-row">
          <SelectField
            label={t('form.procedure')}
            error={e.procedure?.message}
            options={[
              { value: '', label: t('form.procedureNone') },
              ...options(COMMON_PROCEDURES, 'vocabulary:procedures'),
            ]}
            {...register('procedure', { setValueAs: nullable })}
          />
          <TextField
            label={t('form.procedureText')}
            hint={t('form.freeTextHint')}
            error={e.procedureText?.message}
            {...register('procedureText')}
          />
        </div>
        <Controller
          control={control}
          name="outcome"
          render={({ field }) => (
            <Choices
              name="outcome"
              single
              legend={t('form.outcome')}
              options={options(OUTCOMES, 'vocabulary:outcomes')}
              value={field.value ? [field.value] : []}
              onChange={(v) => field.onChange(v[0])}
              error={e.outcome?.message}
            />
          )}
        />
        <div className="field-row">
          {isOneOf(FILED_OUTCOMES, outcome) ? (
            <TextField
              label={t('form.applicationCode')}
              hint={t('form.applicationCodeHint')}
              error={e.applicationCode?.message}
              {...register('applicationCode')}
            />
          ) : null}
          <TextField
            label={t('form.minutes')}
            type="number"
            min={1}
            max={480}
            required
            error={e.minutes?.message}
            {...register('minutes', { valueAsNumber: true })}
          />
        </div>
        <Controller
          control={control}
          name="memberIds"
          render={({ field }) => (
            <Choices
              name="memberIds"
              legend={t('form.members')}
              options={members.map((m) => ({ value: m.id, label: m.fullName }))}
              value={field.value ?? []}
              onChange={field.onChange}
              error={e.memberIds?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="obstacles"
          render={({ field }) => (
            <Choices
              name="obstacles"
              legend={t('form.obstacles')}
              options={options(OBSTACLES, 'vocabulary:obstacles')}
              value={field.value ?? []}
              onChange={field.onChange}
            />
          )}
        />
        <Controller
          control={control}
          name="guideErrors"
          render={({ field }) =>
            (defaults.guideErrors?.length ?? 0) > 0 ? (
              <Choices
                name="guideErrors"
                legend={t('form.guideErrors')}
                options={(defaults.guideErrors ?? []).map((g) => ({ value: g.ref, label: g.label }))}
                value={(field.value ?? []).map((g) => g.ref)}
                onChange={(refs) => field.onChange((defaults.guideErrors ?? []).filter((g) => refs.includes(g.ref)))}
              />
            ) : (
              <></>
            )
          }
        />
        <TextField
          label={t('form.obstacleText')}
          hint={t('form.freeTextHint')}
          error={e.obstacleText?.message}
          {...register('obstacleText')}
        />
      </section>

      <section className="card" aria-labelledby="person-heading">
        <h2 id="person-heading">{t('form.person')}</h2>
        <p className="field-hint">{t('form.personHint')}</p>
        <div className="field-row">
          <TextField
            label={t('form.birthYear')}
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
            error={e.birthYear?.message}
            {...register('birthYear', { setValueAs: numberOrNull })}
          />
          {derivedBand ? (
            <TextField
              label={t('form.ageBand')}
              hint={t('form.ageBandAuto')}
              value={t(`vocabulary:ageBands.${derivedBand}`)}
              readOnly
            />
          ) : (
            <SelectField
              label={t('form.ageBand')}
              options={options(AGE_BANDS, 'vocabulary:ageBands')}
              {...register('ageBand')}
            />
          )}
          <SelectField
            label={t('form.gender')}
            options={options(GENDERS, 'vocabulary:genders')}
            {...register('gender')}
          />
          <TextField label={t('form.village')} error={e.village?.message} {...register('village')} />
          <SelectField
            label={t('form.language')}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`common:language.${l}`) }))}
            {...register('language')}
          />
        </div>
        <Controller
          control={control}
          name="priorityGroups"
          render={({ field }) => (
            <Choices
              name="priorityGroups"
              legend={t('form.priorityGroups')}
              options={options(PRIORITY_GROUPS, 'vocabulary:priorityGroups')}
              value={field.value ?? []}
              onChange={field.onChange}
            />
          )}
        />
        <fieldset className="field consent">
          <legend>{t('form.consentTitle')}</legend>
          <ConsentBox
            label={t('form.consentContact')}
            error={e.consent?.contact?.message}
            {...register('consent.contact')}
          />
          <ConsentBox
            label={t('form.consentEthnicity')}
            error={e.consent?.ethnicity?.message}
            {...register('consent.ethnicity')}
          />
          {priorityGroups?.includes('disability') || consent?.disability ? (
            <ConsentBox
              label={t('form.consentDisability')}
              error={e.consent?.disability?.message}
              {...register('consent.disability')}
            />
          ) : null}
        </fieldset>
        <div className="field-row">
          <TextField
            label={t('form.fullName')}
            autoComplete="off"
            disabled={!consent?.contact}
            error={e.fullName?.message}
            {...register('fullName')}
          />
          <TextField
            label={t('form.phone')}
            type="tel"
            autoComplete="off"
            disabled={!consent?.contact}
            error={e.phone?.message}
            {...register('phone')}
          />
          <SelectField
            label={t('form.ethnicity')}
            disabled={!consent?.ethnicity}
            error={e.ethnicity?.message}
            options={[{ value: '', label: t('form.ethnicityNone') }, ...options(ETHNICITIES, 'vocabulary:ethnicities')]}
            {...register('ethnicity', { setValueAs: nullable })}
          />
        </div>
      </section>

      {withReason ? (
        <section className="card">
          <TextField
            label={t('form.reason')}
            hint={t('form.reasonHint')}
            required
            value={reason}
            error={reasonError}
            onChange={(ev) => {
              setReason(ev.target.value);
              setReasonError(undefined);
            }}
          />
        </section>
      ) : null}
      <div className="form-actions">
        <Button type="submit" size="large" disabled={formState.isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** A consent tick with its own error line: each consent is asked and answered on its own. */
const ConsentBox = forwardRef<
  HTMLInputElement,
  InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | undefined }
>(function ConsentBox({ label, error, ...rest }, ref) {
  const { t } = useT('common');
  const id = useId();
  return (
    <div className={`checkbox ${error ? 'field-invalid' : ''}`}>
      <input
        ref={ref}
        id={id}
        type="checkbox"
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        {...rest}
      />
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t(dataKey(error))}
        </p>
      ) : null}
    </div>
  );
});
