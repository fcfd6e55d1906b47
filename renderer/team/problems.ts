import { dataKey, useT } from '../app/useT';
import { ApiError } from '../api/client';
import { useErrorText } from '../app/errors';

/**
 * The message for a refused call: the field problems the core named (translated), or the
 * general message. A leader told "already on duty that day" knows what to do; "invalid input" not.
 */
export function useProblemText() {
  const { t } = useT('common');
  const errorText = useErrorText();
  return (error: unknown): string => {
    const fields = error instanceof ApiError ? error.body.fields : undefined;
    const keys = fields ? Object.values(fields).filter((k) => k.includes(':')) : [];
    return keys.length ? keys.map((k) => t(dataKey(k))).join(' ') : errorText(error);
  };
}

/** 'YYYY-MM' of a Vietnamese day and month arithmetic for the month pickers. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y! * 12 + (m! - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
