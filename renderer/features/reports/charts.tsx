// Small inline-SVG charts, drawn without a chart library. Each has a text alternative that states
// every value, and the figures are always in a table beside it as well.

export interface Bar {
  label: string;
  value: number;
}

interface BarChartProps {
  title: string;
  bars: Bar[];
  /** The value of a full-width bar; defaults to the largest value. */
  max?: number;
  unit?: string;
}

const ROW = 22;
const LABEL_WIDTH = 240;
const BAR_WIDTH = 300;
const VALUE_WIDTH = 60;

/** Horizontal bars, one per row: the fastest picture of "how many of each". */
export function BarChart({ title, bars, max, unit = '' }: BarChartProps) {
  if (bars.length === 0) return null;
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 1);
  const height = bars.length * ROW + 4;
  const description = bars.map((bar) => `${bar.label}: ${bar.value}${unit}`).join('; ');
  return (
    <figure className="report-chart">
      <svg
        role="img"
        aria-label={`${title}. ${description}`}
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((bar, i) => {
          const y = i * ROW + 2;
          const width = Math.max(0, (bar.value / top) * BAR_WIDTH);
          return (
            <g key={bar.label}>
              <text x={LABEL_WIDTH - 8} y={y + 14} textAnchor="end" className="report-chart__label">
                {truncate(bar.label, 34)}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 3}
                width={BAR_WIDTH}
                height={ROW - 8}
                className="report-chart__track"
              />
              <rect x={LABEL_WIDTH} y={y + 3} width={width} height={ROW - 8} className="report-chart__bar" />
              <text x={LABEL_WIDTH + BAR_WIDTH + 6} y={y + 14} className="report-chart__value">
                {bar.value}
                {unit}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
