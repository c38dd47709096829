import type { PlanDocument } from './plan-document.ts';
import { leafNodes } from './plan-tree.ts';

/**
 * The latest fiscal year of the plan period with a whole-year actual on any item's KPI, the year a preview of
 * the plan's data is most telling for; the period's first year when nothing is reported yet.
 * @example latestActualFy(wrenmoor) // 2025
 */
export function latestActualFy(plan: PlanDocument): number {
  let latest = plan.period.startFy;
  for (const node of leafNodes(plan)) {
    for (const ind of node.indicators) {
      for (const v of ind.values) {
        if (v.period === 'FY' && v.actual !== null && v.actual !== undefined && v.fy <= plan.period.endFy) {
          latest = Math.max(latest, v.fy);
        }
      }
    }
  }
  return latest;
}
