import { assessmentOf, findLevel, type PlanDocument, type PlanNode } from '../domain/index.ts';

/** One initiative's rating in one fiscal year, ready to print: label, score and place on the scale. */
export interface RatingView {
  fy: number;
  /** Level key as entered; null when not assessed. */
  levelKey: string | null;
  label: string | null;
  labelEn: string | null;
  /** The number the level counts as; null for unassessed, excluded or unnumbered levels. */
  score: number | null;
  excluded: boolean;
  /** Place among the counted levels, 1 = lowest; null on numeric scales, when unassessed or excluded. */
  position: number | null;
  /** Number of counted levels (excluded ones such as 評価不能 are not steps of the scale). */
  levelCount: number;
  comment: string | null;
}

/** The rating of a node on the plan's primary scale in a fiscal year. */
export function ratingView(plan: PlanDocument, node: PlanNode, fy: number): RatingView {
  const scale = plan.ratingScales[0]!;
  const a = assessmentOf(node, fy, scale.key, { primaryScale: scale.key });
  const level = a ? findLevel(scale, a.level) : undefined;
  const counted = scale.levels.filter((l) => !l.excluded);
  const index = level ? counted.findIndex((l) => l.key === level.key) : -1;
  return {
    fy,
    levelKey: a?.level ?? null,
    label: level?.label ?? a?.level ?? null,
    labelEn: level?.labelEn ?? level?.label ?? a?.level ?? null,
    score: level && !level.excluded ? level.score : null,
    excluded: level?.excluded ?? false,
    position: index >= 0 ? index + 1 : null,
    levelCount: counted.length,
    comment: a?.comment ?? null,
  };
}
