import { dataKey, useT } from '../app/useT';
import { formatDayMonth, formatMonth } from '#shared/format/vietnamese';
import type { Shift } from '#shared/team/generate';

export interface Change {
  day: string;
  before: Shift | null;
  after: Shift | null;
}

/** "thêm 05/12 (Cả ngày), bỏ 08/12": one member's changes in words, for the confirmation and their notice. */
export function useChangeText() {
  const { t } = useT('team');
  return (changes: readonly Change[]) =>
    changes
      .map((c) => {
        const date = formatDayMonth(c.day);
        if (c.before === null) return t('grid.added', { date, shift: t(dataKey(`shifts.${c.after}`)) });
        if (c.after === null) return t('grid.removed', { date });
        return t('grid.moved', { date, from: t(`shifts.${c.before}`), to: t(`shifts.${c.after}`) });
      })
      .join(', ');
}

/** The confirmation before a published month changes: who is told, and what goes to the province. */
export function ConfirmChanges({
  month,
  byMember,
}: {
  month: string;
  byMember: { fullName: string; changes: Change[] }[];
}) {
  const { t } = useT('team');
  const text = useChangeText();
  return (
    <>
      <p>{t('grid.confirmIntro', { month: formatMonth(month) })}</p>
      <ul>
        <li>{t('grid.confirmMembers')}</li>
        <li>{t('grid.confirmProvince')}</li>
      </ul>
      <ul className="roster-changes">
        {byMember.map((m) => (
          <li key={m.fullName}>
            <strong>{m.fullName}</strong>: {text(m.changes)}
          </li>
        ))}
      </ul>
    </>
  );
}
