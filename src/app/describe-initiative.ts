import {
  type Department,
  type EditionContent,
  type Indicator,
  type IndicatorProgress,
  type IndicatorValue,
  indicatorProgress,
  nodePath,
  type PlanNode,
  previousAndNext,
} from '../domain/index.ts';
import { periodYears } from './describe-plan.ts';
import { type RatingView, ratingView } from './rating-view.ts';

export interface IndicatorView {
  indicator: Indicator;
  /** Achievement as of the edition's fiscal year. */
  progress: IndicatorProgress;
  /** Whole-year values, oldest first. */
  values: IndicatorValue[];
}

export interface InitiativeView {
  node: PlanNode;
  /** Ancestors, top first (the 基本目標 for a two-level plan). */
  ancestors: PlanNode[];
  /** Departments in the node's order, lead first; a code missing from the edition shows as itself. */
  departments: Department[];
  /** One rating per fiscal year of the plan period. */
  ratings: RatingView[];
  indicators: IndicatorView[];
  previous: PlanNode | null;
  next: PlanNode | null;
}

/** Departments named by codes, resolved against the edition's department list. */
export function resolveDepartments(content: EditionContent, codes: readonly string[]): Department[] {
  return codes.map((code) => content.departments.find((d) => d.code === code) ?? { code, name: code });
}

/** The indicator with its whole-year values and progress as of a fiscal year. */
export function describeIndicator(indicator: Indicator, asOfFy: number, planStartFy: number): IndicatorView {
  return {
    indicator,
    progress: indicatorProgress(indicator, { asOfFy, planStartFy }),
    values: indicator.values.filter((v) => v.period === 'FY').sort((a, b) => a.fy - b.fy),
  };
}

/**
 * Everything an initiative page and the API's initiative resource show, with the computed parts (ratings per
 * year, KPI progress as of the edition's year, neighbours) done once here. Undefined for an unknown code.
 */
export function describeInitiative(content: EditionContent, code: string, asOfFy: number): InitiativeView | undefined {
  const plan = content.plan;
  const path = nodePath(plan, code);
  const node = path?.at(-1);
  if (!path || !node || node.children.length > 0) return undefined;
  const { previous, next } = previousAndNext(plan, code);
  return {
    node,
    ancestors: path.slice(0, -1),
    departments: resolveDepartments(content, node.departments),
    ratings: periodYears(plan).map((fy) => ratingView(plan, node, fy)),
    indicators: node.indicators.map((i) => describeIndicator(i, asOfFy, plan.period.startFy)),
    previous: previous ?? null,
    next: next ?? null,
  };
}
