import { type DirectionOfTravel, directionOfTravel } from './direction-of-travel.ts';
import { kpiProgress } from './kpi-progress.ts';
import type { PlanDocument, PlanNode } from './plan-document.ts';
import { expectedProgress, type RagStatus, ragStatus } from './rag-status.ts';

export interface InitiativeStatus {
  fy: number;
  /** KPI progress (mean of capped indicators) as of the year; null when none could be computed. */
  percent: number | null;
  /** Where even progress over the plan period would be by the end of the year. */
  expected: number;
  toleranceBand: number;
  rag: RagStatus;
  /** Progress as of the previous fiscal year, when this year's actuals are in (else the arrow would be stale). */
  previousPercent: number | null;
  direction: DirectionOfTravel;
  /** ↑ better, ↓ worse, → unchanged, blank when unknown; KPI progress already counts lower-is-better right. */
  arrow: '↑' | '↓' | '→' | '';
  formula: { ja: string; en: string };
}

const ARROWS: Record<DirectionOfTravel, InitiativeStatus['arrow']> = { up: '↑', down: '↓', same: '→', unknown: '' };

/**
 * Traffic light and direction of travel of an initiative from its KPIs: green on or ahead of even progress,
 * amber within `toleranceBand` points behind, red further behind; the arrow compares with the previous year.
 * @example initiativeStatus(plan, node, 2024, { toleranceBand: 10 }) // { rag: 'green', arrow: '↑', … }
 */
export function initiativeStatus(
  plan: PlanDocument,
  node: PlanNode,
  fy: number,
  options: { toleranceBand?: number; directionTolerance?: number } = {},
): InitiativeStatus {
  const { toleranceBand = 10, directionTolerance = 0 } = options;
  const opts = { planStartFy: plan.period.startFy, decimals: plan.rollup.decimals };
  const now = kpiProgress(node.indicators, { ...opts, asOfFy: fy });
  const expected = expectedProgress(fy, plan.period);
  // Only a year whose every computed KPI reports that year can be compared with the year before.
  const current = now.indicators.filter((i) => i.progress.percent !== null);
  const reportedThisYear = current.length > 0 && current.every((i) => i.progress.actualFy === fy);
  const previousPercent = reportedThisYear ? kpiProgress(node.indicators, { ...opts, asOfFy: fy - 1 }).percent : null;
  const direction = directionOfTravel(now.percent, previousPercent, directionTolerance);
  return {
    fy,
    percent: now.percent,
    expected,
    toleranceBand,
    rag: ragStatus(now.percent, expected, toleranceBand),
    previousPercent,
    direction,
    arrow: ARROWS[direction],
    formula: now.formula,
  };
}
