import type { PlanDocument, PlanNode } from './plan-document.ts';

/**
 * The name of the plan's closing list of items (its 一覧), as the source headings it: the primary rating
 * scale's name with 一覧, e.g. "目標達成率一覧". Title variants recorded with this source are the list's wording.
 */
export function listName(plan: Pick<PlanDocument, 'ratingScales'>): string | undefined {
  const scale = plan.ratingScales[0];
  return scale ? `${scale.name}一覧` : undefined;
}

/**
 * The Japanese title an item carries in the plan's 一覧: the variant recorded from that list where the source
 * words it differently from the sheet (「市長発信SNS開設」 for the sheet's 「市長発信用SNS開設」), else its title.
 * The sheet title stays the item's title everywhere else, and lint keeps reporting the variant.
 * @example listedTitle(ogori, node12) // "市長発信SNS開設"
 */
export function listedTitle(
  plan: Pick<PlanDocument, 'ratingScales'>,
  node: Pick<PlanNode, 'title' | 'titleVariants'>,
): string {
  const name = listName(plan);
  return node.titleVariants.find((v) => v.source === name)?.title ?? node.title;
}
