/** One bar: a short label drawn in the chart, its value (null = none) and the value as printed. */
export interface BarDatum {
  label: string;
  value: number | null;
  valueText: string;
}

const ROW = 28;
const LABEL_W = 72;
const VALUE_W = 64;
const WIDTH = 400;

/**
 * A horizontal bar chart drawn on the server. The numbers are printed beside each bar and the same numbers
 * follow in a table, so the chart adds a picture, not information that only colour carries.
 */
export function HBarChart(props: { id: string; title: string; desc: string; data: BarDatum[]; max: number }) {
  const { id, data, max } = props;
  const plot = WIDTH - LABEL_W - VALUE_W;
  const height = data.length * ROW + 8;
  return (
    <svg
      class="chart chart--bars"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.desc}</desc>
      <line class="chart__axis" x1={LABEL_W} y1={0} x2={LABEL_W} y2={height - 4} />
      {data.map((d, i) => {
        const y = i * ROW + 4;
        const w = d.value === null || max <= 0 ? 0 : Math.max(0, (Math.min(d.value, max) / max) * plot);
        return (
          <g>
            <text class="chart__label" x={LABEL_W - 8} y={y + ROW / 2 + 5} text-anchor="end">
              {d.label}
            </text>
            {w > 0 && <rect class="chart__bar" x={LABEL_W} y={y + 4} width={round(w)} height={ROW - 10} />}
            <text class="chart__value" x={LABEL_W + round(w) + 6} y={y + ROW / 2 + 5}>
              {d.valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export const round = (x: number) => Math.round(x * 10) / 10;

/**
 * A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `x`.
 * @example niceMax(8104) // 10000
 */
export function niceMax(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
