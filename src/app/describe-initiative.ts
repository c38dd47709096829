import type { z } from 'zod';
import {
  compareRatings,
  type Department,
  type EditionContent,
  findNode,
  isActiveIn,
  isItemNode,
  type LocalizedText,
  nodePath,
  type PlanDocument,
  type PlanNode,
  previousAndNext,
  type RatingComparison,
  type RatingScale,
} from '../domain/index.ts';
import { describeNodeKpis, type NodeKpis } from './describe-node-kpis.ts';
import { periodYears } from './describe-plan.ts';
import { levelOfNode } from './node-level.ts';
import { type RatingView, ratingView } from './rating-view.ts';

export { describeIndicator, type IndicatorView } from './describe-indicator.ts';

/** One rating dimension of a node (e.g. 達成度, or 改善度 beside it): a rating per fiscal year of the plan. */
export interface DimensionView {
  scale: RatingScale;
  ratings: RatingView[];
  /**
   * Self-rating beside the rating the plan's rule derives from KPIs, per fiscal year up to the edition's; empty
   * when the plan has no rule for this scale.
   */
  comparisons: RatingComparison[];
}

export interface InitiativeView extends NodeKpis {
  node: PlanNode;
  /** Name of the node's level, e.g. 事務事業. */
  level: z.output<typeof LocalizedText>;
  /** Ancestors, top first (the 基本目標 for a two-level plan). */
  ancestors: PlanNode[];
  /** Departments in the node's order, lead first; a code missing from the edition shows as itself. */
  departments: Department[];
  /** One rating per fiscal year of the plan period, on the primary scale. */
  ratings: RatingView[];
  /** Every scale the node is rated on, the primary one first (scales it was never rated on are left out). */
  dimensions: DimensionView[];
  /** Whether the node is part of the plan in the edition's year (abolished and merged ones are not). */
  activeNow: boolean;
  /** Nodes this one was merged or split into, resolved in the same plan (a code not found stays as text). */
  into: { code: string; node: PlanNode | null }[];
  previous: PlanNode | null;
  next: PlanNode | null;
}

/** Departments named by codes, resolved against the edition's department list. */
export function resolveDepartments(content: EditionContent, codes: readonly string[]): Department[] {
  return codes.map((code) => content.departments.find((d) => d.code === code) ?? { code, name: code });
}

/**
 * The node's ratings on each of the plan's scales, with rule-based ratings beside the self-ratings where the plan
 * has a rule. The primary scale is always there; other scales only when the node has a rating on them.
 */
export function describeDimensions(plan: PlanDocument, node: PlanNode, asOfFy: number): DimensionView[] {
  const years = periodYears(plan);
  return plan.ratingScales
    .map((scale, i) => {
      const ratings = years.map((fy) => ratingView(plan, node, fy, scale.key));
      const hasRule = plan.ratingRules.some((r) => r.scale === scale.key) && isItemNode(node);
      const comparisons = hasRule
        ? years.filter((fy) => fy <= asOfFy).map((fy) => compareRatings(plan, node, fy, { scale: scale.key }))
        : [];
      return { scale, ratings, comparisons, primary: i === 0 };
    })
    .filter((d) => d.primary || d.ratings.some((r) => r.levelKey !== null))
    .map(({ primary: _, ...d }) => d);
}

/**
 * Everything an initiative page and the API's initiative resource show, with the computed parts (ratings per
 * year and scale, rule-based ratings, KPI progress and status as of the edition's year, neighbours) done once
 * here. Undefined for an unknown code.
 */
export function describeInitiative(content: EditionContent, code: string, asOfFy: number): InitiativeView | undefined {
  const plan = content.plan;
  const path = nodePath(plan, code);
  const node = path?.at(-1);
  if (!path || !node || !isItemNode(node)) return undefined;
  const { previous, next } = previousAndNext(plan, code);
  return {
    node,
    level: levelOfNode(plan, path.length, true),
    ancestors: path.slice(0, -1),
    departments: resolveDepartments(content, node.departments),
    ratings: periodYears(plan).map((fy) => ratingView(plan, node, fy)),
    dimensions: describeDimensions(plan, node, asOfFy),
    ...describeNodeKpis(plan, node, asOfFy),
    activeNow: isActiveIn(node, asOfFy),
    into: node.lifecycle.into.map((c) => ({ code: c, node: findNode(plan, c) ?? null })),
    previous: previous ?? null,
    next: next ?? null,
  };
}
