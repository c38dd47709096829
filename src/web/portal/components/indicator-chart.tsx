import type { IndicatorView } from '../../../app/index.ts';
import { formatQuantity, indicatorQuantity, type PlanDocument } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { niceMax, round } from './bar-chart.tsx';
import { indicatorPeriodText, indicatorYearShort } from './format.ts';

const W = 400;
const H = 220;
const LEFT = 56;
const RIGHT = 12;
const TOP = 28;
const BOTTOM = 40;

/**
 * A KPI over the years: actuals as bars, yearly targets as diamonds, the baseline as a grey bar and a level
 * target as a dashed line, each with its number written on the chart. The table under it has the same numbers.
 */
export function IndicatorChart(props: { pc: PortalContext; plan: PlanDocument; id: string; view: IndicatorView }) {
  const { pc, plan, id, view } = props;
  const t = pc.t;
  const ind = view.indicator;
  const name = pc.text(ind.name, ind.nameEn).value;
  const baseline = ind.baseline;
  const columns: { fy: number; actual: number | null; target: number | null; baseline: boolean }[] = [];
  if (baseline && !view.values.some((v) => v.fy === baseline.fy)) {
    columns.push({ fy: baseline.fy, actual: baseline.value, target: null, baseline: true });
  }
  for (const v of view.values) {
    columns.push({ fy: v.fy, actual: v.actual ?? null, target: v.target ?? null, baseline: false });
  }
  columns.sort((a, b) => a.fy - b.fy);
  const inForce = view.targetInForce?.value ?? ind.target?.value ?? null;
  const levelTarget = ind.kind === 'level' && inForce !== null ? inForce : null;
  const all = columns.flatMap((c) => [c.actual, c.target]).concat(levelTarget);
  const max = niceMax(Math.max(0, ...all.filter((x): x is number => x !== null)));
  const plotH = H - TOP - BOTTOM;
  const plotW = W - LEFT - RIGHT;
  const slot = plotW / Math.max(1, columns.length);
  const yOf = (v: number) => round(TOP + plotH - (Math.max(0, v) / max) * plotH);
  const dash = (x: number | null) => (x === null ? '—' : indicatorQuantity(ind, x));
  const desc = t(ind.yearBasis === 'calendar' ? 'indicator.chartDescCalendar' : 'indicator.chartDesc', {
    values: columns
      .map((c) =>
        t('indicator.chartValue', {
          fy: indicatorPeriodText(pc, plan, ind, c.fy),
          actual: dash(c.actual),
          target: dash(c.target),
        }),
      )
      .join(pc.lang === 'ja' ? '、' : '; '),
  });
  return (
    <svg
      class="chart chart--indicator"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
    >
      <title id={`${id}-title`}>{t('indicator.chartTitle', { name })}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <line class="chart__axis" x1={LEFT} y1={TOP + plotH} x2={W - RIGHT} y2={TOP + plotH} />
      <line class="chart__axis" x1={LEFT} y1={TOP} x2={LEFT} y2={TOP + plotH} />
      {[0, max / 2, max].map((v) => (
        <text class="chart__tick" x={LEFT - 6} y={round(yOf(v) + 4)} text-anchor="end">
          {formatQuantity(v)}
        </text>
      ))}
      {levelTarget !== null && (
        <g>
          <line class="chart__target-line" x1={LEFT} y1={yOf(levelTarget)} x2={W - RIGHT} y2={yOf(levelTarget)} />
          <text class="chart__note" x={W - RIGHT} y={round(yOf(levelTarget) - 6)} text-anchor="end">
            {`${t('indicator.periodTarget')} ${indicatorQuantity(ind, levelTarget)}`}
          </text>
        </g>
      )}
      {columns.map((c, i) => {
        const cx = LEFT + slot * i + slot / 2;
        const bw = Math.min(36, slot * 0.5);
        return (
          <g>
            {c.actual !== null && (
              <rect
                class={c.baseline ? 'chart__bar chart__bar--baseline' : 'chart__bar'}
                x={round(cx - bw / 2)}
                y={yOf(c.actual)}
                width={round(bw)}
                height={round(TOP + plotH - yOf(c.actual))}
              />
            )}
            {c.actual !== null && (
              <text class="chart__value" x={round(cx)} y={round(yOf(c.actual) - 4)} text-anchor="middle">
                {indicatorQuantity(ind, c.actual)}
              </text>
            )}
            {c.target !== null && (
              <path
                class="chart__target"
                d={`M${round(cx + bw / 2 + 8)} ${round(yOf(c.target) - 6)}l6 6l-6 6l-6 -6z`}
              />
            )}
            <text class="chart__label" x={round(cx)} y={H - BOTTOM + 18} text-anchor="middle">
              {indicatorYearShort(pc, ind, c.fy)}
            </text>
            {c.baseline && (
              <text class="chart__label" x={round(cx)} y={H - BOTTOM + 34} text-anchor="middle">
                {t('indicator.baseline')}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
