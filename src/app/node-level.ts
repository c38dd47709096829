import type { z } from 'zod';
import type { LocalizedText, PlanDocument } from '../domain/index.ts';

/**
 * The name of the level a node sits on, from the plan's level names. Leaves are the plan's initiatives and take
 * the last level's name wherever they hang: a 継続案件 directly under its group in a four-level plan is a 事業,
 * not a 施策. Other nodes take the name of their depth (1 = top).
 * @example levelOfNode(komorebi3, 2, true) // { ja: "事業", en: "Project" }
 */
export function levelOfNode(plan: PlanDocument, depth: number, isLeaf: boolean): z.output<typeof LocalizedText> {
  const levels = plan.levels;
  const index = isLeaf ? levels.length - 1 : Math.min(depth, levels.length) - 1;
  return levels[index] ?? levels[0]!;
}
