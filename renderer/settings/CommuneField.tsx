import { forwardRef, type SelectHTMLAttributes } from 'react';
import { useT } from '../app/useT';
import { GIA_LAI_UNITS } from '#shared/settings/communes';
import { FieldShell } from '../ui/Field';

type Props = SelectHTMLAttributes<HTMLSelectElement> & { error?: string | undefined; hint?: string | undefined };

/**
 * The commune is picked, never typed: one of Gia Lai's 135 units as the list spells them, wards
 * then communes, so the name printed on the day book and reports is the official one.
 */
export const CommuneField = forwardRef<HTMLSelectElement, Props>(function CommuneField({ error, hint, ...rest }, ref) {
  const { t } = useT('settings');
  const group = (kind: 'ward' | 'commune') =>
    GIA_LAI_UNITS.filter((u) => u.kind === kind).map((u) => (
      <option key={u.name} value={u.name}>
        {u.name}
      </option>
    ));
  return (
    <FieldShell label={t('wizard.communeName')} hint={hint ?? t('wizard.communeNameHint')} error={error} required>
      {({ id, describedBy, invalid }) => (
        <select ref={ref} id={id} aria-describedby={describedBy} aria-invalid={invalid} aria-required {...rest}>
          <option value="">{t('wizard.communeChoose')}</option>
          <optgroup label={t('wizard.wards')}>{group('ward')}</optgroup>
          <optgroup label={t('wizard.communes')}>{group('commune')}</optgroup>
        </select>
      )}
    </FieldShell>
  );
});
