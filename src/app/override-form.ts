import { overrideLevels, type PlanDocument, type PlanNode, type StatusOverride } from '../domain/index.ts';
import type { FieldErrors } from './errors.ts';

type Plan = Pick<PlanDocument, 'evaluation'>;

/** The year's verdict set by hand as the entry form shows it; absent where the plan declares no override. */
export function overrideValuesOf(node: PlanNode, plan: Plan, fy: number) {
  if (!overrideLevels(plan.evaluation)) return {};
  const o = node.statusOverrides?.find((x) => x.fy === fy);
  return { override: o?.level ?? '', overrideReason: o?.reason ?? '' };
}

/**
 * The node's hand-set verdicts after the form's input for the year: a level the plan allows, with a reason; an
 * empty level clears it. Undefined input (a channel without the field, such as the 課 workbook) keeps them as
 * they are, so no channel loses a verdict set elsewhere.
 */
export function parseOverride(
  input: { override?: string | undefined; overrideReason?: string | undefined },
  node: PlanNode,
  plan: Plan,
  fy: number,
): { statusOverrides?: StatusOverride[] | undefined; errors: FieldErrors } {
  if (input.override === undefined && input.overrideReason === undefined) return { errors: {} };
  const level = (input.override ?? '').trim();
  const reason = (input.overrideReason ?? '').trim();
  const levels = overrideLevels(plan.evaluation);
  const errors: FieldErrors = {};
  if (!levels) {
    if (level || reason) {
      errors.override = {
        ja: 'この計画では判定を手入力できません',
        en: 'This plan does not let a verdict be set by hand',
      };
    }
    return { errors };
  }
  if (level && !levels.some((l) => l.key === level)) {
    const list = levels.map((l) => l.label).join('、');
    errors.override = {
      ja: `手入力による判定は一覧から選んでください（${list}）`,
      en: `Verdict set by hand: choose one from the list (${levels.map((l) => l.labelEn ?? l.label).join(', ')})`,
    };
  } else if (level && !reason) {
    errors.overrideReason = {
      ja: '判定を手入力するときは、その理由を入力してください',
      en: 'Give the reason for the verdict set by hand',
    };
  } else if (!level && reason) {
    errors.override = {
      ja: '理由を残すには手入力による判定を選んでください',
      en: 'Choose a verdict set by hand to leave a reason',
    };
  }
  const others = (node.statusOverrides ?? []).filter((o) => o.fy !== fy);
  const next = level ? [...others, { fy, level, reason }].sort((a, b) => a.fy - b.fy) : others;
  return { statusOverrides: next.length > 0 ? next : undefined, errors };
}
