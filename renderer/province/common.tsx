import { useTranslation } from 'react-i18next';
import { useT } from '../app/useT';
import type { ErrorBody } from '#shared/contract/errors';
import { formatPercent } from '#shared/format/vietnamese';
import { SelectField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import type { HubError } from './client';

/** The message of an error in the language on screen. */
export function useErrorText() {
  const { i18n } = useTranslation();
  return (body: ErrorBody) => (i18n.language === 'en' ? body.message.en : body.message.vi);
}

export function Loading({ error, retry }: { error: HubError | null; retry: () => void }) {
  const { t } = useT('province');
  const text = useErrorText();
  if (!error) return <p role="status">{t('app.loading')}</p>;
  return (
    <Notice tone="error">
      {t('app.failed')} {text(error.body)}{' '}
      <button type="button" className="btn btn-secondary btn-normal" onClick={retry}>
        {t('app.retry')}
      </button>
    </Notice>
  );
}

/** A percentage, or the words for "no data" (never a 0 that was not measured). */
export function Percent({ value, none }: { value: number | null; none: string }) {
  return <>{value === null ? none : formatPercent(value, Number.isInteger(value) ? 0 : 1)}</>;
}

/** 'YYYY-MM' | 'YYYY-Qn' | 'YYYY' in words. */
export function usePeriodName() {
  const { t } = useT('province');
  return (key: string) => {
    const y = key.slice(0, 4);
    if (key.length === 4) return t('period.year', { y });
    if (key.includes('Q')) return t('period.quarter', { q: key.slice(6), y });
    return t('period.month', { m: Number(key.slice(5)), y });
  };
}

/** The periods offered: every month of this year so far, its quarters, this year and last year. */
export function periodChoices(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months = Array.from({ length: month }, (_, i) => `${year}-${String(month - i).padStart(2, '0')}`);
  const quarters = Array.from({ length: Math.ceil(month / 3) }, (_, i) => `${year}-Q${Math.ceil(month / 3) - i}`);
  return [...months, ...quarters, String(year), String(year - 1)];
}

export function PeriodPicker({
  value,
  today,
  onChange,
}: {
  value: string;
  today: string;
  onChange: (period: string) => void;
}) {
  const { t } = useT('province');
  const name = usePeriodName();
  return (
    <div className="hub-period">
      <SelectField
        label={t('period.label')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        options={periodChoices(today).map((p) => ({ value: p, label: name(p) }))}
      />
    </div>
  );
}
