import { applyRounding } from './declared-rounding.ts';
import { indicatorProgress, yearNamingOf } from './indicator-progress.ts';
import type { Indicator, PlanDocument, PlanNode } from './plan-document.ts';
import { progressBasisOf, progressPathOf } from './progress-basis-of.ts';

export type KpiVerdictKind = 'achieved' | 'not-achieved' | 'unmeasurable' | 'excluded';

export interface KpiVerdict {
  fy: number;
  verdict: KpiVerdictKind;
  /** The rounded percentage judged; null when there was none. */
  percent: number | null;
  /** Why there is no figure: the value's missing reason, or why progress could not be computed. */
  reason: string | null;
  label: { ja: string; en: string };
}

const LABELS: Record<KpiVerdictKind, { ja: string; en: string }> = {
  achieved: { ja: '達成', en: 'Achieved' },
  'not-achieved': { ja: '未達成', en: 'Not achieved' },
  unmeasurable: { ja: '測定不能', en: 'Unmeasurable' },
  excluded: { ja: '集計対象外', en: 'Excluded' },
};

/**
 * The plan's KPI verdict on one indicator for a fiscal year; null when the plan declares no KPI verdict rule,
 * the indicator is not numeric, or it is a context indicator (no target, trend only: nothing to achieve).
 * @example kpiVerdict(plan, ind, 2024)?.label.ja // "達成"
 */
export function kpiVerdict(plan: PlanDocument, indicator: Indicator, fy: number): KpiVerdict | null {
  const rule = plan.evaluation?.kpiVerdict;
  if (!rule || indicator.kind === 'text' || progressBasisOf(plan, indicator) === 'context') return null;
  const make = (verdict: KpiVerdictKind, percent: number | null, reason: string | null): KpiVerdict => ({
    fy,
    verdict,
    percent,
    reason,
    label: LABELS[verdict],
  });
  const value = indicator.values.find((v) => v.fy === fy && v.period === 'FY');
  if (typeof value?.actual !== 'number') {
    const reason = value?.missingReason ?? 'not-entered';
    return make(rule.missing[reason] === 'excluded' ? 'excluded' : 'unmeasurable', null, reason);
  }
  const p = indicatorProgress(indicator, {
    asOfFy: fy,
    planStartFy: plan.period.startFy,
    years: yearNamingOf(plan),
    basis: progressBasisOf(plan, indicator),
    path: progressPathOf(plan, indicator),
  });
  if (p.percent === null) return make('unmeasurable', null, p.status);
  const percent = applyRounding(p.percent, rule.rounding);
  return make(percent >= rule.achievedFrom ? 'achieved' : 'not-achieved', percent, null);
}

export interface KpiVerdictCounts {
  achieved: number;
  notAchieved: number;
  unmeasurable: number;
  excluded: number;
  /** Indicators counted: all but the excluded ones. */
  denominator: number;
}

/**
 * KPI verdicts counted over nodes (an item, a goal or the whole plan) for a year; null without a declared rule.
 * @example kpiVerdictCounts(plan, leafNodes(plan), 2024) // { achieved: 3, notAchieved: 1, unmeasurable: 1, excluded: 1, denominator: 5 }
 */
export function kpiVerdictCounts(plan: PlanDocument, nodes: readonly PlanNode[], fy: number): KpiVerdictCounts | null {
  if (!plan.evaluation?.kpiVerdict) return null;
  const counts = { achieved: 0, notAchieved: 0, unmeasurable: 0, excluded: 0, denominator: 0 };
  for (const node of nodes) {
    for (const ind of node.indicators) {
      const v = kpiVerdict(plan, ind, fy);
      if (!v) continue;
      if (v.verdict === 'achieved') counts.achieved++;
      else if (v.verdict === 'not-achieved') counts.notAchieved++;
      else if (v.verdict === 'unmeasurable') counts.unmeasurable++;
      else counts.excluded++;
    }
  }
  counts.denominator = counts.achieved + counts.notAchieved + counts.unmeasurable;
  return counts;
}
