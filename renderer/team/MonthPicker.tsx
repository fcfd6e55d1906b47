import { useT } from '../app/useT';
import { Button } from '../ui/Button';
import { shiftMonth } from './problems';

/** Previous / this month / next: the month is always visible as "tháng 6/2026". */
export function MonthPicker({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const { t } = useT('team');
  const [y, m] = month.split('-');
  return (
    <div className="month-picker" role="group" aria-label={t('roster.month')}>
      <Button variant="secondary" onClick={() => onChange(shiftMonth(month, -1))} aria-label={t('roster.prev')}>
        ‹
      </Button>
      <strong aria-live="polite">{t('roster.printSubtitle', { m: Number(m), y })}</strong>
      <Button variant="secondary" onClick={() => onChange(shiftMonth(month, 1))} aria-label={t('roster.next')}>
        ›
      </Button>
    </div>
  );
}
