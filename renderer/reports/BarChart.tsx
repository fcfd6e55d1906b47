import { formatNumber } from '#shared/format/vietnamese';

export interface Bar {
  label: string;
  value: number;
}

/**
 * A plain horizontal bar chart in HTML (no chart library): a long label wraps instead of being
 * cut off, and it prints sharply on A4 in black and white. It is a picture of the table printed
 * beside it, which is what screen readers read, so it carries a one-line summary only.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const shown = bars.filter((b) => b.value > 0);
  if (shown.length === 0) return null;
  const max = Math.max(...shown.map((b) => b.value));
  return (
    <div className="bar-chart" role="img" aria-label={title}>
      {shown.map((b) => (
        <div key={b.label} className="bar-chart-row">
          <span className="bar-chart-label">{b.label}</span>
          <span className="bar-chart-track">
            <span className="bar-chart-bar" style={{ width: `${Math.max(1, (b.value / max) * 100)}%` }} />
            <span className="bar-chart-value">{formatNumber(b.value)}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
