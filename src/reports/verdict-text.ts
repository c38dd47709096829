import { type Indicator, type KpiVerdictCounts, kpiVerdict, kpiVerdictCounts, type PlanNode } from '../domain/index.ts';
import type { EditionView } from './edition-view.ts';

/**
 * The plan's KPI verdict on an indicator in words for print and open data: 「達成」, 「測定不能（未公表）」;
 * the reason is the value's own (未公表, 該当なし …) or why no progress could be computed. Null when the plan
 * declares no KPI verdict, so a plan like Ogori prints none.
 * @example kpiVerdictText(view, ind, 2024) // "測定不能（未公表）"
 */
export function kpiVerdictText(view: EditionView, indicator: Indicator, fy: number): string | null {
  const v = kpiVerdict(view.plan, indicator, fy);
  if (!v) return null;
  const label = v.label[view.lang];
  const reason = v.reason ? view.t.missing[v.reason] : undefined;
  return reason ? view.t.verdictWithReason(label, reason) : label;
}

/** KPI verdicts of some nodes counted in words: 「達成 2件、未達成 1件、測定不能 1件（4件中）、集計対象外 1件」. */
export function verdictCountsText(view: EditionView, counts: KpiVerdictCounts): string {
  const { t } = view;
  const text = t.verdictCounts(counts.achieved, counts.notAchieved, counts.unmeasurable, counts.denominator);
  return counts.excluded > 0 ? text + t.verdictExcluded(counts.excluded) : text;
}

/** KPI verdicts of one item counted; null when the plan declares none or the item has no numeric KPI. */
export function itemVerdictCounts(view: EditionView, node: PlanNode, fy: number): KpiVerdictCounts | null {
  if (!node.indicators.some((i) => i.kind !== 'text')) return null;
  return kpiVerdictCounts(view.plan, [node], fy);
}
