import type { Evaluation } from './evaluation-method.ts';
import { type InitiativeStatus, initiativeStatus } from './initiative-status.ts';
import type { PlanDocument, PlanNode } from './plan-document.ts';
import { isActiveIn } from './plan-tree.ts';

export interface StatusCounts {
  fy: number;
  /** Items per level of the rule, in the rule's order. */
  levels: { key: string; label: { ja: string; en: string }; count: number }[];
  /** Items with no verdict (no figure to judge and none set by hand). */
  none: number;
  /** Whether hand-set verdicts were counted in place of the computed ones (the plan's `override.rollup`). */
  byOverride: boolean;
}

/**
 * Items counted per verdict of the plan's status rule, each by its roll-up level: the hand-set verdict where
 * the plan says overrides count, else the computed one. Null when the plan declares no status rule.
 * @example statusCounts(plan.evaluation, statuses, 2025)?.levels.map((l) => l.count) // [1, 3, 1]
 */
export function statusCounts(
  evaluation: Evaluation | undefined,
  statuses: readonly (InitiativeStatus | null)[],
  fy: number,
): StatusCounts | null {
  const rule = evaluation?.status;
  if (!rule) return null;
  const levels = rule.levels.map((l) => ({
    key: l.key,
    label: { ja: l.label, en: l.labelEn ?? l.label },
    count: statuses.filter((s) => s?.rollupLevel?.key === l.key).length,
  }));
  return {
    fy,
    levels,
    none: statuses.filter((s) => !s?.rollupLevel).length,
    byOverride: rule.override?.rollup === 'override',
  };
}

/**
 * The same over items of a plan (a goal's or the whole plan's leaves): those active in the year with a
 * numeric KPI, the items a status is shown for; null unless the plan's status rule declares an override.
 * @example planStatusCounts(plan, leafNodes(plan), 2025)?.none // 0
 */
export function planStatusCounts(plan: PlanDocument, items: readonly PlanNode[], fy: number): StatusCounts | null {
  // Published where the plan declares how hand-set verdicts roll up (`override.rollup`): that declaration is what
  // says which verdict a count is of.
  if (!plan.evaluation?.status?.override) return null;
  const judged = items.filter((n) => isActiveIn(n, fy) && n.indicators.some((i) => i.kind !== 'text'));
  return statusCounts(
    plan.evaluation,
    judged.map((n) => initiativeStatus(plan, n, fy)),
    fy,
  );
}
