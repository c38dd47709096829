import type { PlanNode } from '../domain/index.ts';

export interface RoadmapRow {
  fy: number;
  /** "actual" once the year has 実績; until then the 計画 is shown. */
  kind: 'actual' | 'plan';
  items: string[];
}

/**
 * The 工程表 as printed: one row per fiscal year of the roadmap, oldest first, showing the year's 実績 when
 * entered and its 計画 otherwise (the plan is kept in the data either way).
 * @example roadmapRows(node)[0] // { fy: 2021, kind: 'actual', items: ['Web会議システム導入の環境を整える'] }
 */
export function roadmapRows(node: Pick<PlanNode, 'roadmap'>): RoadmapRow[] {
  return [...node.roadmap]
    .sort((a, b) => a.fy - b.fy)
    .map((entry) =>
      entry.actual.length > 0
        ? { fy: entry.fy, kind: 'actual', items: entry.actual }
        : { fy: entry.fy, kind: 'plan', items: entry.plan },
    );
}
