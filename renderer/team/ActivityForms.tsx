import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useT } from '../app/useT';
import type { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '#shared/team/activities';
import { activityInput, activityReport, type Activity } from '#shared/team/roster-contract';
import { Button } from '../ui/Button';
import { FormDateField, FormTimeField } from '../ui/DateTimeFields';
import { SelectField, TextField } from '../ui/Field';

type PlanValues = z.input<typeof activityInput>;
type ReportValues = z.input<typeof activityReport>;

function Footer({ onCancel, busy }: { onCancel: () => void; busy: boolean }) {
  const { t } = useT('team');
  return (
    <div className="dialog-footer">
      <Button variant="secondary" onClick={onCancel}>
        {t('common:actions.cancel')}
      </Button>
      <Button type="submit" disabled={busy}>
        {t('common:actions.save')}
      </Button>
    </div>
  );
}

/** Plan an activity: kind, date, place, village, who is responsible, for whom. */
export function ActivityForm({
  activity,
  day,
  members,
  onSave,
  onCancel,
}: {
  activity: Activity | null;
  day: string;
  members: { id: number; fullName: string }[];
  onSave: (values: PlanValues) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useT('team');
  const { register, control, handleSubmit, formState, getValues } = useForm<
    PlanValues,
    unknown,
    z.output<typeof activityInput>
  >({
    resolver: zodResolver(activityInput),
    defaultValues: activity
      ? {
          ...activity,
          startTime: activity.startTime ?? '',
          village: activity.village ?? '',
          topic: activity.topic ?? '',
        }
      : {
          kind: 'support_session',
          day,
          startTime: '08:00',
          place: '',
          village: '',
          responsibleMemberId: null,
          targetGroup: '',
          topic: '',
        },
  });
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(() => onSave(getValues()))} noValidate>
      <SelectField
        label={t('plan.kind')}
        {...register('kind')}
        options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKinds.${k}`) }))}
      />
      <div className="field-row">
        <FormDateField control={control} name="day" label={t('plan.day')} required error={e.day?.message} />
        <FormTimeField control={control} name="startTime" label={t('plan.startTime')} error={e.startTime?.message} />
      </div>
      <TextField label={t('plan.place')} required error={e.place?.message} {...register('place')} />
      <div className="field-row">
        <TextField label={t('plan.village')} error={e.village?.message} {...register('village')} />
        <SelectField
          label={t('plan.responsible')}
          {...register('responsibleMemberId', { setValueAs: (v: string) => (v ? Number(v) : null) })}
          options={[
            { value: '', label: t('plan.nobody') },
            ...members.map((m) => ({ value: String(m.id), label: m.fullName })),
          ]}
        />
      </div>
      <TextField label={t('plan.targetGroup')} required error={e.targetGroup?.message} {...register('targetGroup')} />
      <TextField label={t('plan.topic')} error={e.topic?.message} {...register('topic')} />
      <Footer onCancel={onCancel} busy={formState.isSubmitting} />
    </form>
  );
}

/** Afterwards: done with how many people and a short result, or cancelled. */
export function ReportForm({
  activity,
  onSave,
  onCancel,
}: {
  activity: Activity;
  onSave: (values: ReportValues) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useT('team');
  const { register, handleSubmit, formState, getValues } = useForm<
    ReportValues,
    unknown,
    z.output<typeof activityReport>
  >({
    resolver: zodResolver(activityReport),
    defaultValues: {
      id: activity.id,
      status: activity.status === 'planned' ? 'done' : activity.status,
      peopleReached: activity.peopleReached,
      result: activity.result ?? '',
    },
  });
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(() => onSave(getValues()))} noValidate>
      <SelectField
        label={t('plan.status')}
        {...register('status')}
        options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))}
      />
      <TextField
        label={t('plan.peopleReached')}
        type="number"
        min={0}
        inputMode="numeric"
        error={e.peopleReached?.message}
        {...register('peopleReached', { setValueAs: (v: string) => (v === '' || v === null ? null : Number(v)) })}
      />
      <TextField label={t('plan.result')} maxLength={1000} error={e.result?.message} {...register('result')} />
      <Footer onCancel={onCancel} busy={formState.isSubmitting} />
    </form>
  );
}
