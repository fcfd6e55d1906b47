import { forwardRef, useEffect, useState, type KeyboardEvent } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useT } from '../app/useT';
import { formatDate, parseDate, parseTime } from '#shared/format/vietnamese';
import { addDays } from '#shared/time/vietnam';
import { FieldShell } from './Field';

/**
 * Date and time fields that read and write dd/mm/yyyy and 24-hour HH:MM whatever the PC's
 * locale. The browser's own `<input type="date|time">` follows the operating system's language
 * (an English Windows shows "12/01/2026" month first and "10:53 PM"), so they are not used.
 * The value handed to the form stays the contract's 'YYYY-MM-DD' / 'HH:MM'; what cannot be read
 * is handed on as typed, so the form's schema says what is wrong.
 */
interface Props {
  label: string;
  value: string | null | undefined;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  /** 'YYYY-MM-DD' bounds for the arrow keys. */
  min?: string;
  max?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const shownDay = (value: string | null | undefined) =>
  value && ISO_DAY.test(value) ? formatDate(value) : (value ?? '');

export const DateField = forwardRef<HTMLInputElement, Props>(function DateField(
  { label, value, onChange, onBlur, name, hint, error, required, disabled, min, max },
  ref,
) {
  const { t } = useT('common');
  const [text, setText] = useState(() => shownDay(value));
  // A value set from outside (a reset, the next-day button) replaces what is shown.
  useEffect(() => {
    setText((current) => (parseDate(current) === value || current === value ? current : shownDay(value)));
  }, [value]);
  const emit = (typed: string) => {
    setText(typed);
    onChange(parseDate(typed) ?? typed.trim());
  };
  const step = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const day = parseDate(text);
    if (!day) return;
    event.preventDefault();
    const next = addDays(day, event.key === 'ArrowUp' ? 1 : -1);
    if ((min && next < min) || (max && next > max)) return;
    emit(formatDate(next));
  };
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <input
          ref={ref}
          id={id}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="date-input"
          placeholder={t('common:format.datePlaceholder')}
          value={text}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required={required}
          onChange={(e) => emit(e.target.value)}
          onKeyDown={step}
          onBlur={() => {
            const day = parseDate(text);
            if (day) setText(formatDate(day));
            onBlur?.();
          }}
        />
      )}
    </FieldShell>
  );
});

export const TimeField = forwardRef<HTMLInputElement, Omit<Props, 'min' | 'max'>>(function TimeField(
  { label, value, onChange, onBlur, name, hint, error, required, disabled },
  ref,
) {
  const { t } = useT('common');
  const [text, setText] = useState(value ?? '');
  useEffect(() => {
    setText((current) => (parseTime(current) === value || current === value ? current : (value ?? '')));
  }, [value]);
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <input
          ref={ref}
          id={id}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="time-input"
          placeholder={t('common:format.timePlaceholder')}
          value={text}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required={required}
          onChange={(e) => {
            setText(e.target.value);
            onChange(parseTime(e.target.value) ?? e.target.value.trim());
          }}
          onBlur={() => {
            const time = parseTime(text);
            if (time) setText(time);
            onBlur?.();
          }}
        />
      )}
    </FieldShell>
  );
});

// biome-ignore lint/suspicious/noExplicitAny: any form, whatever its context and output types
type FormProps<T extends FieldValues> = { control: Control<T, any, any>; name: Path<T> } & Omit<
  Props,
  'value' | 'onChange' | 'onBlur' | 'name'
>;

/** The same fields inside a react-hook-form form (in place of `register`). */
export function FormDateField<T extends FieldValues>({ control, name, ...rest }: FormProps<T>) {
  const { field } = useController({ control, name });
  return (
    <DateField
      {...rest}
      name={field.name}
      value={field.value as string}
      onChange={field.onChange}
      onBlur={field.onBlur}
      ref={field.ref}
    />
  );
}

export function FormTimeField<T extends FieldValues>({ control, name, ...rest }: Omit<FormProps<T>, 'min' | 'max'>) {
  const { field } = useController({ control, name });
  return (
    <TimeField
      {...rest}
      name={field.name}
      value={field.value as string}
      onChange={field.onChange}
      onBlur={field.onBlur}
      ref={field.ref}
    />
  );
}
