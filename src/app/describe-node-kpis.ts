import {
  type InitiativeStatus,
  initiativeStatus,
  isActiveIn,
  type KpiVerdictCounts,
  kpiVerdict,
  kpiVerdictCounts,
  type PlanDocument,
  type PlanNode,
  progressBasisOf,
  progressPathOf,
  yearNamingOf,
} from '../domain/index.ts';
import { describeIndicator, type IndicatorView } from './describe-indicator.ts';

/** The KPIs a node holds (an item's, or a goal's own 数値目標) with what the plan's declared rules make of them. */
export interface NodeKpis {
  indicators: IndicatorView[];
  /**
   * Verdict of the plan's declared status rule on the KPIs in the edition's year; null without numeric KPIs, when
   * the plan declares no status rule, or when the rule does not judge this node's type.
   */
  status: InitiativeStatus | null;
  /** The plan's KPI verdicts of this node in the edition's year counted; null when it declares none. */
  verdictCounts: KpiVerdictCounts | null;
}

/**
 * A node's indicators with their progress, verdicts and status as of a fiscal year, the same for an item and a
 * goal, so every channel shows a goal's 数値目標 as it shows an item's.
 */
export function describeNodeKpis(plan: PlanDocument, node: PlanNode, asOfFy: number): NodeKpis {
  const numericKpis = node.indicators.some((i) => i.kind !== 'text');
  const rule = plan.evaluation?.periodTravel;
  const travel = rule && { rule, startMonth: plan.fiscalYearStartMonth, language: plan.language };
  return {
    indicators: node.indicators.map((i) =>
      describeIndicator(
        i,
        asOfFy,
        plan.period.startFy,
        plan.rollup.decimals,
        progressBasisOf(plan, i),
        progressPathOf(plan, i),
        kpiVerdict(plan, i, asOfFy),
        travel,
        yearNamingOf(plan),
      ),
    ),
    status: numericKpis && isActiveIn(node, asOfFy) ? initiativeStatus(plan, node, asOfFy) : null,
    verdictCounts: numericKpis ? kpiVerdictCounts(plan, [node], asOfFy) : null,
  };
}
