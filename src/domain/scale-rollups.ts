import type { PlanDocument, RatingScale, RollupSettings } from './plan-document.ts';
import { type PlanRollup, planRollup, type RollupScope } from './plan-rollup.ts';
import { ok, type Result } from './result.ts';

/**
 * How a scale is rolled up. The primary scale follows the plan's declared roll-up. The plan declares no method
 * for its other dimensions, so they get only what needs no rule: the count per level (always) and the plain mean
 * of the numbers their levels declare, when they declare any (a numeric scale, or levels with a score); a
 * scale of words (traffic light, text levels without scores) gets its counts alone. Decimals, weighting and
 * share rounding are the plan's.
 */
export function rollupSettingsFor(plan: PlanDocument, scale: RatingScale): RollupSettings {
  if (scale.key === plan.ratingScales[0]?.key) return plan.rollup;
  const scored = scale.kind === 'numeric' || scale.levels.some((l) => !l.excluded && l.score !== null);
  const { threshold: _primaryThreshold, ...rest } = plan.rollup;
  return { ...rest, method: scored ? 'mean' : 'distribution' };
}

/**
 * Every rating dimension of a plan rolled up for one fiscal year and scope, the primary scale first, in the
 * plan's order; each with its distribution and, where its levels are numbers, its mean.
 * @example scaleRollups(minamikaze, 2024, { scope: 'plan' }) // ok: [achievement distribution, improvement mean]
 */
export function scaleRollups(plan: PlanDocument, fy: number, options: { scope: RollupScope }): Result<PlanRollup[]> {
  const out: PlanRollup[] = [];
  for (const scale of plan.ratingScales) {
    const rolled = planRollup(plan, fy, { ...options, scale: scale.key, settings: rollupSettingsFor(plan, scale) });
    if (!rolled.ok) return rolled;
    out.push(rolled.value);
  }
  return ok(out);
}

/** One figure of a further rating dimension: the scale and one roll-up of it. */
export interface DimensionFigure {
  scale: RatingScale;
  rollup: PlanRollup;
}

/**
 * The figures of the dimensions after the primary scale, for reports that print one row per figure (CSV, PDF,
 * workbook): for each further scale its plain mean where its levels are numbers, then always its distribution.
 * Empty for a plan with one scale, so such a plan's reports stay as they are.
 * @example furtherDimensionFigures(minamikaze, 2024, { scope: 'plan' }) // ok: [改善度 mean, 改善度 distribution]
 */
export function furtherDimensionFigures(
  plan: PlanDocument,
  fy: number,
  options: { scope: RollupScope },
): Result<DimensionFigure[]> {
  const out: DimensionFigure[] = [];
  for (const scale of plan.ratingScales.slice(1)) {
    const own = rollupSettingsFor(plan, scale);
    const settings: RollupSettings[] =
      own.method === 'distribution' ? [own] : [own, { ...own, method: 'distribution' }];
    for (const s of settings) {
      const rolled = planRollup(plan, fy, { ...options, scale: scale.key, settings: s });
      if (!rolled.ok) return rolled;
      out.push({ scale, rollup: rolled.value });
    }
  }
  return ok(out);
}
