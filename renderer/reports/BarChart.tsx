import { useId } from 'react';
import { formatNumber } from '../../shared/format/vietnamese';

export interface Bar {
  label: string;
  value: number;
}

/**
 * A plain horizontal bar chart in inline SVG (no chart library): prints sharply on A4 and in
 * black and white. It is a picture of the table printed beside it, which is what screen
 * readers read, so the SVG carries a one-line summary only.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const id = useId();
  const shown = bars.filter((b) => b.value > 0);
  if (shown.length === 0) return null;
  const max = Math.max(...shown.map((b) => b.value));
  const row = 24;
  const labelWidth = 250;
  const barWidth = 300;
  const height = shown.length * row + 4;
  return (
    <svg className="bar-chart" role="img" aria-labelledby={id} viewBox={`0 0 ${labelWidth + barWidth + 50} ${height}`} width="100%">
      <title id={id}>{title}</title>
      {shown.map((b, i) => {
        const w = Math.max(2, Math.round((b.value / max) * barWidth));
        const y = i * row + 2;
        return (
          <g key={b.label}>
            <text x={labelWidth - 8} y={y + 17} textAnchor="end" fontSize="14">{b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}</text>
            <rect x={labelWidth} y={y + 3} width={w} height={row - 7} fill="#1f5fa8" />
            <text x={labelWidth + w + 6} y={y + 17} fontSize="14">{formatNumber(b.value)}</text>
          </g>
        );
      })}
    </svg>
  );
}
