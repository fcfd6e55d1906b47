import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { dataKey, useT } from '../app/useT';
import type { z } from 'zod';
import { LANGUAGES } from '#shared/settings/schemas';
import { HELP_KINDS, ORIGINS, SUB_GROUPS, TEAM_POSITIONS, memberInput, type MemberDetail } from '#shared/team/schemas';
import { Button } from '../ui/Button';
import { Checkbox, SelectField, TextField } from '../ui/Field';

type Values = z.input<typeof memberInput>;

/** The role a position gives by default; an admin's different choice is kept, else it follows. */
const defaultRole = (position: MemberDetail['position']) =>
  position === null ? null : position === 'member' ? 'duty_member' : 'team_leader';

function toValues(m: MemberDetail | null, isAdmin: boolean): Values {
  if (!m) {
    return {
      fullName: '',
      position: 'member',
      origin: null,
      subGroup: 'citizens_business',
      village: '',
      skills: [],
      languages: ['vi'],
      phone: '',
      phoneConsent: false,
      pin: '',
    };
  }
  return {
    id: m.id,
    fullName: m.fullName,
    position: m.position,
    accessRole:
      isAdmin && m.accessRole !== 'citizen' && m.accessRole !== defaultRole(m.position) ? m.accessRole : undefined,
    origin: m.origin,
    subGroup: m.subGroup,
    village: m.village ?? '',
    skills: m.skills,
    languages: m.languages,
    phone: m.phone ?? '',
    phoneConsent: m.phoneConsent,
  };
}

/** Add or edit a member; the same zod schema as the core checks it before sending. */
export function MemberForm({
  member,
  isAdmin,
  onSave,
  onCancel,
}: {
  member: MemberDetail | null;
  isAdmin: boolean;
  onSave: (values: Values) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useT('team');
  const { register, handleSubmit, formState, setValue, watch, getValues } = useForm<
    Values,
    unknown,
    z.output<typeof memberInput>
  >({ resolver: zodResolver(memberInput), defaultValues: toValues(member, isAdmin) });
  const e = formState.errors;
  const nullable = (name: 'position' | 'origin' | 'subGroup') =>
    register(name, { setValueAs: (v: string) => (v === '' ? null : v) });
  const accessRole = watch('accessRole');
  return (
    <form onSubmit={handleSubmit(() => onSave(getValues()))} noValidate>
      <TextField
        label={t('members.name')}
        required
        autoComplete="off"
        error={e.fullName?.message}
        {...register('fullName')}
      />
      <div className="field-row">
        <SelectField
          label={t('members.position')}
          error={e.position?.message}
          {...nullable('position')}
          options={[
            ...TEAM_POSITIONS.map((p) => ({ value: p, label: t(`positions.${p}`) })),
            ...(isAdmin ? [{ value: '', label: t('noPosition') }] : []),
          ]}
        />
        {isAdmin ? (
          <SelectField
            label={t('members.accessRole')}
            value={accessRole ?? ''}
            onChange={(ev) => setValue('accessRole', (ev.target.value || undefined) as Values['accessRole'])}
            options={[
              { value: '', label: t('members.roleFollows') },
              ...(['duty_member', 'team_leader', 'commune_official', 'admin'] as const).map((r) => ({
                value: r,
                label: t(`common:roles.${r}`),
              })),
            ]}
          />
        ) : null}
      </div>
      <div className="field-row">
        <SelectField
          label={t('members.origin')}
          {...nullable('origin')}
          options={[{ value: '', label: '—' }, ...ORIGINS.map((o) => ({ value: o, label: t(`origins.${o}`) }))]}
        />
        <SelectField
          label={t('members.subGroup')}
          {...nullable('subGroup')}
          options={[{ value: '', label: '—' }, ...SUB_GROUPS.map((g) => ({ value: g, label: t(`subGroups.${g}`) }))]}
        />
      </div>
      <TextField label={t('members.village')} error={e.village?.message} {...register('village')} />
      <fieldset className="field">
        <legend>{t('members.languages')}</legend>
        {LANGUAGES.map((lng) => (
          <Checkbox key={lng} label={t(`common:language.${lng}`)} value={lng} {...register('languages')} />
        ))}
        {e.languages?.message ? (
          <p className="field-error" role="alert">
            {t(dataKey(e.languages.message))}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="field">
        <legend>{t('members.skills')}</legend>
        {HELP_KINDS.map((k) => (
          <Checkbox key={k.key} label={t(`helpKinds.${k.key}`)} value={k.key} {...register('skills')} />
        ))}
      </fieldset>
      <TextField
        label={t('members.phone')}
        hint={t('members.phoneHint')}
        inputMode="tel"
        autoComplete="off"
        error={e.phone?.message}
        {...register('phone')}
      />
      <Checkbox label={t('members.phoneConsent')} {...register('phoneConsent')} />
      {e.phoneConsent?.message ? (
        <p className="field-error" role="alert">
          {t(dataKey(e.phoneConsent.message))}
        </p>
      ) : null}
      {member ? null : (
        <TextField
          label={t('members.pin')}
          hint={t('members.pinHint')}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          required
          error={e.pin?.message}
          {...register('pin')}
        />
      )}
      <div className="dialog-footer">
        <Button variant="secondary" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" disabled={formState.isSubmitting}>
          {t('common:actions.save')}
        </Button>
      </div>
    </form>
  );
}
