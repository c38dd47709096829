import { type EditionContent, type PlanNode, walkNodes } from '../domain/index.ts';
import { periodYears } from './describe-plan.ts';
import { type RatingView, ratingView } from './rating-view.ts';

/** Filters shared by the 一覧, search and the API. Absent fields do not filter. */
export interface InitiativeFilters {
  /** Code of a goal (any ancestor). */
  goal?: string | undefined;
  /** Department code, lead or shared. */
  dept?: string | undefined;
  /** Rating range on the scale's numbers (percent on Ogori's scale), inclusive; unrated items never match. */
  min?: number | undefined;
  max?: number | undefined;
  sdg?: number | undefined;
  status?: PlanNode['lifecycle']['status'] | undefined;
}

export interface InitiativeRow {
  node: PlanNode;
  /** Ancestors, top first. */
  ancestors: PlanNode[];
  /** One rating per fiscal year of the plan period. */
  ratings: RatingView[];
  /** The rating in the edition's year. */
  current: RatingView;
}

/**
 * The initiatives (leaves) of an edition in document order with their ratings per year, narrowed by filters
 * whose rating range applies to the edition's fiscal year.
 */
export function filterInitiatives(
  content: EditionContent,
  filters: InitiativeFilters,
  asOfFy: number,
): InitiativeRow[] {
  const plan = content.plan;
  const years = periodYears(plan);
  const rows: InitiativeRow[] = [];
  for (const { node, ancestors } of walkNodes(plan)) {
    if (node.children.length > 0) continue;
    if (filters.goal !== undefined && !ancestors.some((a) => a.code === filters.goal)) continue;
    if (filters.dept !== undefined && !node.departments.includes(filters.dept)) continue;
    if (filters.sdg !== undefined && !node.sdgs.includes(filters.sdg)) continue;
    if (filters.status !== undefined && node.lifecycle.status !== filters.status) continue;
    const current = ratingView(plan, node, asOfFy);
    if (filters.min !== undefined || filters.max !== undefined) {
      if (current.score === null) continue;
      if (filters.min !== undefined && current.score < filters.min) continue;
      if (filters.max !== undefined && current.score > filters.max) continue;
    }
    rows.push({ node, ancestors, ratings: years.map((fy) => ratingView(plan, node, fy)), current });
  }
  return rows;
}
