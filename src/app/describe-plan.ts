import {
  countedItems,
  type EditionContent,
  isGoalNode,
  type KpiVerdictCounts,
  kpiVerdictCounts,
  leafNodes,
  type NodeTypeRollup,
  nodeTypeRollups,
  type PeriodRollup,
  type PlanDocument,
  type PlanNode,
  type PlanRollup,
  periodRollups,
  planRollup,
  planStatusCounts,
  type RatingScale,
  type RollupScope,
  type StageRollup,
  type StatedFigureView,
  type StatusCounts,
  scaleRollups,
  stageRollups,
  statedFigureViews,
  walkNodes,
} from '../domain/index.ts';

export interface GoalOverview {
  node: PlanNode;
  /** Initiatives (leaves) under the goal, document order. */
  initiatives: PlanNode[];
  /** How many of them the plan counts as its items (its actions, where it also has indicator nodes). */
  count: number;
  /** One roll-up per fiscal year of the plan period. */
  rollups: PlanRollup[];
}

export interface PlanOverview {
  /** Every fiscal year of the plan period, oldest first. */
  fiscalYears: number[];
  /** The fiscal year whose results the edition reflects. */
  asOfFy: number;
  scale: RatingScale;
  /** Whole plan, one roll-up per fiscal year. */
  overall: PlanRollup[];
  /** The roll-up for `asOfFy` (the edition's year). */
  current: PlanRollup;
  goals: GoalOverview[];
  initiativeCount: number;
  /**
   * Every rating dimension rolled up for `asOfFy` over the whole plan, the primary scale first (the same figure
   * as `current`): each with its distribution and, where its levels are numbers, its mean.
   */
  scaleRollups: PlanRollup[];
  /**
   * Indicator nodes rolled up apart from the actions, one per fiscal year (the figures above count the actions
   * only); empty for a plan whose items are all of one type.
   */
  nodeTypeRollups: { type: NodeTypeRollup['type']; rollups: PlanRollup[] }[];
  /** The primary scale rolled up per evaluation stage for `asOfFy`; empty for a plan without stages. */
  stageRollups: StageRollup[];
  /** The primary scale rolled up per part of the edition's year anyone rated (quarterly RAG); else empty. */
  periodRollups: PeriodRollup[];
  /** The aggregates the body published, beside the figures computed from the items. */
  statedFigures: StatedFigureView[];
  /** The plan's KPI verdicts in `asOfFy` counted over every indicator of the tree; null when it declares none. */
  verdictCounts: KpiVerdictCounts | null;
  /** Items per verdict of the plan's status rule in `asOfFy`, by its roll-up level; null unless it declares an override. */
  statusCounts: StatusCounts | null;
}

/** Fiscal years of a plan's period, oldest first. */
export function periodYears(plan: PlanDocument): number[] {
  const out: number[] = [];
  for (let fy = plan.period.startFy; fy <= plan.period.endFy; fy++) out.push(fy);
  return out;
}

/** A roll-up through the domain; content of a published edition is valid, so a failure is a bug. */
export function rollupOf(plan: PlanDocument, fy: number, scope: RollupScope, nodes?: PlanNode[]): PlanRollup {
  const r = planRollup(plan, fy, { scope, ...(nodes && { nodes }) });
  if (!r.ok) throw new Error(`roll-up failed: ${r.error.messageEn}`);
  return r.value;
}

function stageRollupsOf(plan: PlanDocument, fy: number): StageRollup[] {
  const r = stageRollups(plan, fy, { scope: 'plan' });
  if (!r.ok) throw new Error(`roll-up failed: ${r.error.messageEn}`);
  return r.value;
}

function periodRollupsOf(plan: PlanDocument, fy: number): PeriodRollup[] {
  const r = periodRollups(plan, fy, { scope: 'plan' });
  if (!r.ok) throw new Error(`roll-up failed: ${r.error.messageEn}`);
  return r.value;
}

function nodeTypeRollupsOf(plan: PlanDocument, years: number[]): PlanOverview['nodeTypeRollups'] {
  const perYear = years.map((fy) => {
    const r = nodeTypeRollups(plan, fy, { scope: 'plan' });
    if (!r.ok) throw new Error(`roll-up failed: ${r.error.messageEn}`);
    return r.value;
  });
  return (perYear[0] ?? []).map((t, i) => ({ type: t.type, rollups: perYear.map((y) => y[i]!.rollup) }));
}

function scaleRollupsOf(plan: PlanDocument, fy: number): PlanRollup[] {
  const r = scaleRollups(plan, fy, { scope: 'plan' });
  if (!r.ok) throw new Error(`roll-up failed: ${r.error.messageEn}`);
  return r.value;
}

/**
 * The figures a plan's home page and the API's plan resource show: overall achievement per fiscal year with
 * its coverage, the rating distribution and each top-level goal's achievement, all from the domain roll-ups.
 */
export function describePlan(content: EditionContent, asOfFy: number): PlanOverview {
  const plan = content.plan;
  const fiscalYears = periodYears(plan);
  const leaves = leafNodes(plan);
  const overall = fiscalYears.map((fy) => rollupOf(plan, fy, 'plan', leaves));
  const goals = plan.nodes
    .filter((n) => isGoalNode(n))
    .map((node) => {
      const initiatives = leafNodes(node.children);
      return {
        node,
        initiatives,
        count: countedItems(plan, initiatives).length,
        rollups: fiscalYears.map((fy) => rollupOf(plan, fy, { goal: node.code }, initiatives)),
      };
    });
  return {
    fiscalYears,
    asOfFy,
    scale: plan.ratingScales[0]!,
    overall,
    current: overall[fiscalYears.indexOf(asOfFy)] ?? rollupOf(plan, asOfFy, 'plan', leaves),
    goals,
    scaleRollups: scaleRollupsOf(plan, asOfFy),
    nodeTypeRollups: nodeTypeRollupsOf(plan, fiscalYears),
    stageRollups: stageRollupsOf(plan, asOfFy),
    periodRollups: periodRollupsOf(plan, asOfFy),
    statedFigures: statedFigureViews(plan),
    initiativeCount: countedItems(plan, leaves).length,
    statusCounts: planStatusCounts(plan, leaves, asOfFy),
    verdictCounts: kpiVerdictCounts(
      plan,
      [...walkNodes(plan)].map((w) => w.node),
      asOfFy,
    ),
  };
}
