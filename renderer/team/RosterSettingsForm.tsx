import { useEffect, useState } from 'react';
import { dataKey, useT } from '../app/useT';
import type { Output } from '#shared/contract';
import { SHIFT_MODES } from '#shared/team/generate';
import { api } from '../api/client';
import { Button } from '../ui/Button';
import { Checkbox, SelectField } from '../ui/Field';

type Settings = Output<'roster.month'>['settings'];

/** How the point splits the day, how many a shift, which weekdays want a minority-language speaker. */
export function RosterSettingsForm({
  settings,
  onDone,
}: {
  settings: Settings;
  onDone: (message: string, error?: unknown) => void;
}) {
  const { t } = useT('team');
  const [value, setValue] = useState(settings);
  useEffect(() => setValue(settings), [settings]);
  const toggle = (day: number) =>
    setValue((v) => ({
      ...v,
      languageWeekdays: v.languageWeekdays.includes(day)
        ? v.languageWeekdays.filter((d) => d !== day)
        : [...v.languageWeekdays, day],
    }));
  const save = async () => {
    try {
      await api.call('roster.updateSettings', value);
      onDone(t('roster.settingsSaved'));
    } catch (error) {
      onDone('', error);
    }
  };
  return (
    <section className="card" aria-labelledby="roster-settings">
      <h2 id="roster-settings">{t('roster.settingsTitle')}</h2>
      <div className="field-row">
        <SelectField
          label={t('roster.shift')}
          value={value.shiftMode}
          onChange={(e) => setValue({ ...value, shiftMode: e.target.value as Settings['shiftMode'] })}
          options={SHIFT_MODES.map((m) => ({ value: m, label: t(`shiftModes.${m}`) }))}
        />
        <SelectField
          label={t('roster.perShift')}
          value={String(value.perShift)}
          onChange={(e) => setValue({ ...value, perShift: Number(e.target.value) })}
          options={[1, 2, 3].map((n) => ({ value: String(n), label: String(n) }))}
        />
      </div>
      <fieldset className="field">
        <legend>{t('roster.languageWeekdays')}</legend>
        <div className="field-row">
          {[1, 2, 3, 4, 5, 6].map((d) => (
            <Checkbox
              key={d}
              label={t(dataKey(`weekdays.${d}`))}
              checked={value.languageWeekdays.includes(d)}
              onChange={() => toggle(d)}
            />
          ))}
        </div>
      </fieldset>
      <Button onClick={() => void save()}>{t('common:actions.save')}</Button>
    </section>
  );
}
