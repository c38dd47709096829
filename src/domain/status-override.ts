import { z } from 'zod';
import type { Evaluation } from './evaluation-method.ts';
import { FiscalYear } from './reporting-period.ts';
import { TEXT_LIMITS } from './text-limits.ts';

/**
 * A verdict set by hand on one initiative for one fiscal year, where the plan's status rule declares an
 * `override`: the level of the rule it gives and why. The computed verdict is kept and shown beside it.
 */
export const StatusOverride = z.object({
  fy: FiscalYear,
  level: z.string().trim().min(1).max(TEXT_LIMITS.key),
  reason: z.string().trim().min(1).max(TEXT_LIMITS.text),
});
export type StatusOverride = z.output<typeof StatusOverride>;

export interface OverrideIssue {
  /** Path below the node. */
  path: (string | number)[];
  message: string;
  ja: string;
}

/**
 * The levels a plan lets be set by hand, in the rule's order; null when its status rule declares no override.
 * @example overrideLevels(plan.evaluation)?.map((l) => l.key) // ["green", "amber", "red"]
 */
export function overrideLevels(evaluation: Evaluation | undefined) {
  const rule = evaluation?.status;
  if (!rule?.override) return null;
  const allowed = rule.override.levels;
  return rule.levels.filter((l) => !allowed || allowed.includes(l.key));
}

/**
 * What is wrong with a node's hand-set verdicts under the plan's method: none may exist without a declared
 * override, each must give a level the plan allows, and a year has at most one.
 * @example statusOverrideIssues(undefined, [{ fy: 2025, level: 'amber', reason: '…' }])[0]?.path // ["statusOverrides", 0]
 */
export function statusOverrideIssues(
  evaluation: Evaluation | undefined,
  overrides: readonly StatusOverride[] | undefined,
): OverrideIssue[] {
  if (!overrides?.length) return [];
  const levels = overrideLevels(evaluation);
  if (!levels) {
    return [
      {
        path: ['statusOverrides'],
        message: 'the plan declares no verdict set by hand (evaluation.status.override)',
        ja: '計画が手入力による判定（evaluation.status.override）を定めていません',
      },
    ];
  }
  const keys = levels.map((l) => l.key).join(', ');
  const issues: OverrideIssue[] = [];
  const years = new Set<number>();
  overrides.forEach((o, i) => {
    if (!levels.some((l) => l.key === o.level)) {
      issues.push({
        path: ['statusOverrides', i, 'level'],
        message: `unknown level "${o.level}"; valid levels: ${keys}`,
        ja: `段階「${o.level}」は手入力できません（段階: ${keys}）`,
      });
    }
    if (years.has(o.fy)) {
      issues.push({
        path: ['statusOverrides', i, 'fy'],
        message: `a second verdict set by hand for FY${o.fy}`,
        ja: `${o.fy}年度の手入力による判定が重複しています`,
      });
    }
    years.add(o.fy);
  });
  return issues;
}
