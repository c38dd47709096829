import type { PlanDocument } from './plan-document.ts';
import { type PlanRollup, planRollup, type RollupScope } from './plan-rollup.ts';
import { leafNodes } from './plan-tree.ts';
import { comparePeriods, type PartPeriod } from './reporting-period.ts';
import { ok, type Result } from './result.ts';

/** The primary scale rolled up over one part of a year. */
export interface PeriodRollup {
  fy: number;
  period: PartPeriod;
  rollup: PlanRollup;
}

/**
 * The primary scale rolled up for each part of the year anyone rated (a council's quarterly RAG: Q1, Q2, Q3), in
 * the order the periods end, each by the plan's own method. Empty for a plan that rates whole years only.
 * @example periodRollups(wrenmoor, 2025, { scope: 'plan' }) // ok: [Q1 "Green: 1, Amber: 2, Red: 1", Q2 …, Q3 …]
 */
export function periodRollups(plan: PlanDocument, fy: number, options: { scope: RollupScope }): Result<PeriodRollup[]> {
  const primary = plan.ratingScales[0]!.key;
  const periods = new Set<PartPeriod>();
  for (const node of leafNodes(plan)) {
    for (const a of node.assessments) {
      if (a.fy === fy && a.period !== 'FY' && (a.scale ?? primary) === primary) periods.add(a.period);
    }
  }
  const out: PeriodRollup[] = [];
  for (const period of [...periods].sort(comparePeriods)) {
    const rolled = planRollup(plan, fy, { ...options, period });
    if (!rolled.ok) return rolled;
    out.push({ fy, period, rollup: rolled.value });
  }
  return ok(out);
}
