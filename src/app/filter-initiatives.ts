import { type EditionContent, isItemNode, type PlanNode, walkNodes } from '../domain/index.ts';
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
 * Every initiative (leaf) of an edition in document order with its ratings per year: the 一覧 rows before any
 * filter, computed once per edition (a published edition stores them, see edition-page-views.ts).
 */
export function initiativeRows(content: EditionContent, asOfFy: number): InitiativeRow[] {
  const plan = content.plan;
  const years = periodYears(plan);
  const rows: InitiativeRow[] = [];
  for (const { node, ancestors } of walkNodes(plan)) {
    if (!isItemNode(node)) continue;
    const ratings = years.map((fy) => ratingView(plan, node, fy));
    const at = years.indexOf(asOfFy);
    rows.push({ node, ancestors, ratings, current: at >= 0 ? ratings[at]! : ratingView(plan, node, asOfFy) });
  }
  return rows;
}

/** The rows that pass the filters; the rating range applies to the edition's fiscal year (`current`). */
export function filterRows(rows: InitiativeRow[], filters: InitiativeFilters): InitiativeRow[] {
  return rows.filter(({ node, ancestors, current }) => {
    if (filters.goal !== undefined && !ancestors.some((a) => a.code === filters.goal)) return false;
    if (filters.dept !== undefined && !node.departments.includes(filters.dept)) return false;
    if (filters.sdg !== undefined && !node.sdgs.includes(filters.sdg)) return false;
    if (filters.status !== undefined && node.lifecycle.status !== filters.status) return false;
    if (filters.min !== undefined || filters.max !== undefined) {
      if (current.score === null) return false;
      if (filters.min !== undefined && current.score < filters.min) return false;
      if (filters.max !== undefined && current.score > filters.max) return false;
    }
    return true;
  });
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
  return filterRows(initiativeRows(content, asOfFy), filters);
}
