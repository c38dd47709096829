import { yearNamingOf } from './indicator-progress.ts';
import type { PlanDocument, PlanNode } from './plan-document.ts';
import { assessmentOf, isActiveIn, ratingQuery } from './plan-tree.ts';
import { ruleBasisOf } from './progress-basis-of.ts';
import { deriveRating } from './rating-rules.ts';
import { findLevel, stepDistance } from './rating-scale.ts';
import type { DomainError } from './result.ts';

export interface RatingComparison {
  fy: number;
  scaleKey: string;
  /** The rating staff entered; null when not assessed. */
  self: { level: string; label: string; comment: string | null } | null;
  /** The rating the plan's rule derives from KPI achievement; null with `ruleReason` when it gives none. */
  rule: { level: string; label: string; percent: number; formula: { ja: string; en: string } } | null;
  ruleReason: DomainError | null;
  /** True only when both ratings exist and differ: then both are shown, neither replaces the other. */
  disagree: boolean;
  /** Steps between the two on the scale (excluded levels skipped); null unless both exist. */
  steps: number | null;
}

/**
 * An item's self-rating beside the rating its KPIs earn under the plan's rule for the same scale (e.g. ≥100 % → A,
 * ≥80 % → B), for one fiscal year. A plan may use either or both; when both exist and differ, `disagree` is set so
 * pages and reports print both.
 * @example compareRatings(plan, findNode(plan, '1-1-1')!, 2024) // self B, rule C (76.0 %), disagree: true
 */
export function compareRatings(
  plan: PlanDocument,
  node: PlanNode,
  fy: number,
  options: { scale?: string } = {},
): RatingComparison {
  const primary = plan.ratingScales[0];
  const scale = options.scale === undefined ? primary : plan.ratingScales.find((s) => s.key === options.scale);
  if (!scale || !primary) throw new RangeError(`no rating scale "${options.scale}" in plan ${plan.slug}`);
  const assessment = assessmentOf(node, fy, scale.key, ratingQuery(plan));
  const self = assessment
    ? {
        level: assessment.level,
        label: findLevel(scale, assessment.level)?.label ?? assessment.level,
        comment: assessment.comment ?? null,
      }
    : null;

  let rule: RatingComparison['rule'] = null;
  let ruleReason: DomainError | null = null;
  const planRule = plan.ratingRules.find((r) => r.scale === scale.key);
  if (!planRule) {
    ruleReason = {
      code: 'no-rule',
      message: `評価尺度「${scale.name}」には自動評価の基準がありません`,
      messageEn: `Scale "${scale.nameEn ?? scale.name}" has no rating rule`,
    };
  } else if (!isActiveIn(node, fy)) {
    ruleReason = {
      code: 'inactive',
      message: 'この年度は計画の対象外です',
      messageEn: 'Not part of the plan this year',
    };
  } else {
    const derived = deriveRating(node.indicators, planRule, {
      asOfFy: fy,
      planStartFy: plan.period.startFy,
      years: yearNamingOf(plan),
      basisOf: (i) => ruleBasisOf(plan, i),
    });
    if (derived.level === null || derived.percent === null) ruleReason = derived.reason;
    else {
      const label = findLevel(scale, derived.level)?.label ?? derived.level;
      rule = { level: derived.level, label, percent: derived.percent, formula: derived.formula };
    }
  }
  const pair = self && rule ? { self: self.level, rule: rule.level } : null;
  return {
    fy,
    scaleKey: scale.key,
    self,
    rule,
    ruleReason,
    disagree: pair !== null && pair.self !== pair.rule,
    steps: pair ? stepDistance(scale, pair.self, pair.rule) : null,
  };
}
