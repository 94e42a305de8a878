// Small inline-SVG charts, drawn without a chart library. Each has a text alternative that states
// every value, and the figures are always in a table beside it as well. On paper they must read in
// black and white: the title comes first, every bar has its value written beside it, the track is
// outlined so a bar's share of the whole shows without colour, and a scale runs underneath.

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

const ROW = 24;
const LABEL_WIDTH = 250;
const BAR_WIDTH = 290;
const VALUE_WIDTH = 60;
const SCALE_HEIGHT = 20;

/** Horizontal bars, one per row: the fastest picture of "how many of each". */
export function BarChart({ title, bars, max, unit = '' }: BarChartProps) {
  if (bars.length === 0) return null;
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 1);
  const barsHeight = bars.length * ROW + 4;
  const height = barsHeight + SCALE_HEIGHT;
  const description = bars.map((bar) => `${bar.label}: ${bar.value}${unit}`).join('; ');
  const ticks = scaleTicks(top);
  return (
    <figure className="report-chart">
      <figcaption>{title}</figcaption>
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
              <text x={LABEL_WIDTH - 8} y={y + 16} textAnchor="end" className="report-chart__label">
                {truncate(bar.label, 32)}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 3}
                width={BAR_WIDTH}
                height={ROW - 6}
                className="report-chart__track"
              />
              <rect x={LABEL_WIDTH} y={y + 3} width={width} height={ROW - 6} className="report-chart__bar" />
              <text x={LABEL_WIDTH + BAR_WIDTH + 6} y={y + 16} className="report-chart__value">
                {bar.value}
                {unit}
              </text>
            </g>
          );
        })}
        <g className="report-chart__scale">
          {ticks.map((tick) => {
            const x = LABEL_WIDTH + (tick / top) * BAR_WIDTH;
            return (
              <g key={tick}>
                <line x1={x} x2={x} y1={barsHeight - 2} y2={barsHeight + 3} className="report-chart__tick" />
                <text x={x} y={barsHeight + 15} textAnchor="middle" className="report-chart__tick-label">
                  {tick}
                  {unit}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
    </figure>
  );
}

/** 0, the middle and the top of the scale, as whole numbers where the top allows. */
export function scaleTicks(top: number): number[] {
  const middle = top / 2;
  return Number.isInteger(middle) ? [0, middle, top] : [0, top];
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
