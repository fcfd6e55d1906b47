import { useId } from 'react';
import { dataKey, useT } from '../app/useT';

interface ChoicesProps<T extends string | number> {
  legend: string;
  options: { value: T; label: string }[];
  value: T[];
  onChange: (next: T[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
  /** Radio buttons (one choice, arrow keys move between them) instead of check boxes. */
  single?: boolean;
  name?: string;
}

/**
 * A group of check boxes (or radio buttons) in a fieldset: quick with Tab and Space, read out
 * with its legend, and its error tied to the group.
 */
export function Choices<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  error,
  hint,
  single,
  name,
}: ChoicesProps<T>) {
  const { t } = useT('common');
  const id = useId();
  const toggle = (v: T, on: boolean) => onChange(single ? [v] : on ? [...value, v] : value.filter((x) => x !== v));
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`field choices ${error ? 'field-invalid' : ''}`}
      aria-describedby={describedBy}
      data-field={name}
    >
      <legend>{legend}</legend>
      <div
        className="choices-grid"
        role={single ? 'radiogroup' : undefined}
        aria-invalid={single ? !!error : undefined}
      >
        {options.map((o) => (
          <label key={String(o.value)} className="choice">
            <input
              type={single ? 'radio' : 'checkbox'}
              name={single ? `${id}-radio` : undefined}
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t(dataKey(error))}
        </p>
      ) : null}
    </fieldset>
  );
}
