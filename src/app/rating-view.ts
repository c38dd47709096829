import {
  assessmentOf,
  findLevel,
  isActiveIn,
  type PlanDocument,
  type PlanNode,
  type RatingScale,
  ratingQuery,
} from '../domain/index.ts';

/** One initiative's rating in one fiscal year, ready to print: label, score and place on the scale. */
export interface RatingView {
  fy: number;
  /** Key of the scale (dimension) the rating is on, e.g. "achievement" or "improvement". */
  scaleKey: string;
  /** Level key as entered; null when not assessed. */
  levelKey: string | null;
  label: string | null;
  labelEn: string | null;
  /** The level's definition (e.g. 「目標を上回った」), shown beside the label; null when the scale has none. */
  definition: string | null;
  definitionEn: string | null;
  /** The number the level counts as; null for unassessed, excluded or unnumbered levels. */
  score: number | null;
  excluded: boolean;
  /** Place among the counted levels, 1 = lowest; null on numeric scales, when unassessed or excluded. */
  position: number | null;
  /** Number of counted levels (excluded ones such as 評価不能 are not steps of the scale). */
  levelCount: number;
  comment: string | null;
  /** False in years the node was not part of the plan (before it was added, after it was abolished or merged). */
  inPlan: boolean;
}

/** The scale with this key, or the plan's primary (first) scale. */
export function scaleOf(plan: PlanDocument, scaleKey?: string): RatingScale {
  const primary = plan.ratingScales[0]!;
  return scaleKey === undefined ? primary : (plan.ratingScales.find((s) => s.key === scaleKey) ?? primary);
}

/** The rating of a node in a fiscal year on one of the plan's scales (the primary one by default). */
export function ratingView(plan: PlanDocument, node: PlanNode, fy: number, scaleKey?: string): RatingView {
  const scale = scaleOf(plan, scaleKey);
  const a = assessmentOf(node, fy, scale.key, ratingQuery(plan));
  const level = a ? findLevel(scale, a.level) : undefined;
  const counted = scale.levels.filter((l) => !l.excluded);
  const index = level && !level.excluded ? counted.findIndex((l) => l.key === level.key) : -1;
  const numeric = scale.kind === 'numeric' && a ? Number(a.level) : null;
  return {
    fy,
    scaleKey: scale.key,
    levelKey: a?.level ?? null,
    label: level?.label ?? a?.level ?? null,
    labelEn: level?.labelEn ?? level?.label ?? a?.level ?? null,
    definition: level?.definition ?? null,
    definitionEn: level?.definitionEn ?? level?.definition ?? null,
    score: level && !level.excluded ? level.score : numeric,
    excluded: level?.excluded ?? false,
    position: index >= 0 ? index + 1 : null,
    levelCount: counted.length,
    comment: a?.comment ?? null,
    inPlan: isActiveIn(node, fy),
  };
}
