import { z } from 'zod';
import { NodeType } from './node-type.ts';
import { PeriodTravelRule } from './period-travel.ts';
import { TEXT_LIMITS } from './text-limits.ts';

/**
 * How a plan judges progress, as plan data. Nothing here has a default that judges: a plan without an
 * `evaluation` (Ogori) gets no computed verdict anywhere, only its values, the plain arithmetic behind them and
 * its own ratings. Every key a plan can write is listed in these enums, so a bundle naming an unknown one is
 * refused with the valid keys.
 */

/**
 * How an indicator's progress percentage is computed.
 * - by-kind: by the indicator's kind (level: latest ÷ target; cumulative: total ÷ target; milestone: done = 100 %;
 *   lower-is-better: distance from the baseline, or target ÷ actual without one).
 * - level: latest actual ÷ target (lower is better: target ÷ actual; a range target: 100 % inside it).
 * - cumulative: total since the target's `fromFy` (or the latest running total) ÷ target.
 * - expected-path: the year's actual ÷ its expected value (期待値): the `path` share of the target, else the
 *   year's own `target` on the indicator's values.
 * - baseline-distance: (actual − baseline) ÷ (target − baseline), for either direction.
 * - growth-rate: compound annual growth since the baseline ÷ the growth the target requires (Open SDG).
 * - milestone: done (actual ≥ 1) = 100 %, else 0 %.
 * - context: no target; only values and their trend are shown.
 */
export const ProgressBasis = z.enum([
  'by-kind',
  'level',
  'cumulative',
  'expected-path',
  'baseline-distance',
  'growth-rate',
  'milestone',
  'context',
]);

/** Expected share of the target per fiscal year (期待値), e.g. 20/40/60/80/100 % for years 1–5. */
export const ExpectedPath = z.array(z.object({ fy: z.number().int(), percent: z.number() })).min(1);

/** Rounding applied to a computed percentage before it is compared with band edges (and printed). */
export const Rounding = z.object({
  mode: z.enum(['half-up', 'truncate', 'none']).default('half-up'),
  decimals: z.number().int().min(0).max(6).default(1),
});

/** A tolerance around the target or expected value: in percentage points, or in percent of the expected value. */
export const Tolerance = z
  .object({ points: z.number().nonnegative().optional(), percent: z.number().nonnegative().optional() })
  .refine((t) => (t.points === undefined) !== (t.percent === undefined), 'give exactly one of points or percent');

export const IndicatorMethod = z.object({ basis: ProgressBasis, path: ExpectedPath.optional() });

/** A level a rule can give, when the rule does not rate on one of the plan's rating scales. */
export const VerdictLevel = z.object({
  key: z.string().trim().min(1).max(20),
  label: z.string().trim().min(1).max(TEXT_LIMITS.name),
  labelEn: z.string().max(TEXT_LIMITS.name).optional(),
  color: z.string().max(TEXT_LIMITS.short).optional(),
});

/**
 * One band: the values at or above `from` (above it when `inclusive` is false) that no band listed before it
 * took. Bands are listed from the top down; the last may omit `from` to take everything below.
 */
export const Band = z.object({
  level: z.string().min(1),
  from: z.number().optional(),
  inclusive: z.boolean().default(true),
});

export const TravelAgainst = z.enum(['previous-year']);

/**
 * How a plan lets a verdict be set by hand: `levels` it may give (every level of the rule when absent);
 * `rollup`: "override" counts the hand-set level in roll-ups where one is set, "computed" always the computed one.
 */
export const StatusOverrideRule = z.object({
  levels: z.array(z.string()).min(1).optional(),
  rollup: z.enum(['override', 'computed']),
});

/**
 * A rule that gives each item (an initiative, or one indicator) a verdict from its indicators.
 * `measure` is what the bands or tolerance apply to:
 * - progress: the combined progress percentage;
 * - pro-rata: progress minus the share of the plan period elapsed (points);
 */
export const StatusRule = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .default('status'),
  name: z.string().trim().min(1).max(TEXT_LIMITS.name),
  nameEn: z.string().max(TEXT_LIMITS.name).optional(),
  measure: z.enum(['progress', 'pro-rata']),
  /**
   * The node types the rule judges, e.g. ["objective", "action"] to judge a 基本目標's own 数値目標 too. Absent:
   * the plan's items (actions and indicator nodes), never a goal.
   */
  appliesTo: z.array(NodeType).min(1).optional(),
  /** How the indicators of one item combine; each is capped to 0–100 % first when `cap` is set. */
  combine: z
    .object({
      method: z.enum(['mean', 'min', 'all', 'any', 'n-achieved']).default('mean'),
      n: z.number().int().positive().optional(),
      cap: z.boolean().default(true),
    })
    .default({ method: 'mean', cap: true }),
  rounding: Rounding.default({ mode: 'half-up', decimals: 1 }),
  levels: z.array(VerdictLevel).min(2),
  /** Explicit bands on the measure. */
  bands: z.array(Band).optional(),
  /** Or a tolerance: `met` on or above the expected value, `within` inside the tolerance, `outside` beyond it. */
  tolerance: Tolerance.and(z.object({ met: z.string(), within: z.string(), outside: z.string() })).optional(),
  /**
   * The level of an item whose every computed indicator has reached its target (growth-rate basis), before the
   * bands: Open SDG's "target achieved".
   */
  reached: z.string().optional(),
  /** Compound rule: an item given `from` whose direction of travel is up gets `level` instead. */
  improving: z.object({ from: z.string(), level: z.string() }).optional(),
  /** Direction of travel shown with the verdict. */
  travel: z.object({ against: TravelAgainst, tolerance: z.number().nonnegative().default(0) }).optional(),
  /**
   * A rating set by hand (by the 課 or the plan office, with a reason) that overrides the computed verdict: which
   * of the rule's levels it may give (all when absent), and which of the two roll-ups count. Without it no
   * verdict can be set by hand.
   */
  override: StatusOverrideRule.optional(),
});

export const MissingReason = z.enum(['not-published', 'unmeasurable', 'not-applicable', 'not-entered']);

/**
 * KPI verdicts 達成 / 未達成 / 測定不能 per indicator and year: achieved when the progress percentage (by the
 * declared basis, after `rounding`) reaches `achievedFrom`. A missing actual is 測定不能 (counted in the
 * denominator) unless `missing` says its reason is left out of the denominator.
 */
export const KpiVerdictRule = z.object({
  achievedFrom: z.number().default(100),
  rounding: Rounding.default({ mode: 'half-up', decimals: 1 }),
  missing: z.partialRecord(MissingReason, z.enum(['unmeasurable', 'excluded'])).default({}),
});

export const PresetKey = z.enum([
  'self-rating-only',
  'expected-path-bands',
  'pro-rata-with-tolerance',
  'rag-tolerance-travel',
  'sdg-growth-rate',
]);

export const Evaluation = z
  .object({
    /** The documented preset the settings came from (see EVALUATION_PRESETS); the fields below are what counts. */
    preset: PresetKey.optional(),
    /** Plan default for every indicator; an indicator's own `method` overrides it. */
    progress: IndicatorMethod.optional(),
    /** Verdict per initiative (e.g. 順調 / やや遅れ / 遅れ). */
    status: StatusRule.optional(),
    /** Verdict per indicator and year (達成 / 未達成 / 測定不能). */
    kpiVerdict: KpiVerdictRule.optional(),
    /** Direction of travel of part-year values (quarters, halves, months); none shown when absent. */
    periodTravel: PeriodTravelRule.optional(),
  })
  .superRefine((ev, ctx) => {
    if (ev.kpiVerdict && !ev.progress) {
      ctx.addIssue({
        code: 'custom',
        path: ['kpiVerdict'],
        message: 'a KPI verdict needs a declared progress basis',
        params: { ja: '成果指標の判定には進捗の算定基準が必要です' },
      });
    }
    const rule = ev.status;
    if (!rule) return;
    if (!ev.progress) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'a status rule needs a declared progress basis',
        params: { ja: '進捗状況の判定には進捗の算定基準が必要です' },
      });
    }
    const keys = rule.levels.map((l) => l.key);
    const check = (key: string, path: (string | number)[]) => {
      if (!keys.includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['status', ...path],
          message: `unknown level "${key}"; valid levels: ${keys.join(', ')}`,
          params: { ja: `段階「${key}」はありません（段階: ${keys.join(', ')}）` },
        });
      }
    };
    if ((rule.bands === undefined) === (rule.tolerance === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'give exactly one of bands or tolerance',
        params: { ja: '段階の区切りと許容幅のどちらか一方を指定してください' },
      });
    }
    rule.bands?.forEach((b, i) => {
      check(b.level, ['bands', i, 'level']);
    });
    if (rule.tolerance) {
      for (const k of ['met', 'within', 'outside'] as const) check(rule.tolerance[k], ['tolerance', k]);
    }
    if (rule.reached) check(rule.reached, ['reached']);
    rule.override?.levels?.forEach((l, i) => {
      check(l, ['override', 'levels', i]);
    });
    if (rule.improving) {
      check(rule.improving.from, ['improving', 'from']);
      check(rule.improving.level, ['improving', 'level']);
      if (!rule.travel)
        ctx.addIssue({
          code: 'custom',
          path: ['status', 'improving'],
          message: 'needs travel',
          params: { ja: '改善による引き上げには前年度との比較（推移）が必要です' },
        });
    }
    if (rule.combine.method === 'n-achieved' && rule.combine.n === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['status', 'combine', 'n'],
        message: 'n-achieved needs n',
        params: { ja: '「n件達成」には件数 n が必要です' },
      });
    }
  });

export type ProgressBasis = z.output<typeof ProgressBasis>;
export type Rounding = z.output<typeof Rounding>;
export type IndicatorMethod = z.output<typeof IndicatorMethod>;
export type StatusRule = z.output<typeof StatusRule>;
export type StatusOverrideRule = z.output<typeof StatusOverrideRule>;
export type Band = z.output<typeof Band>;
export type Evaluation = z.output<typeof Evaluation>;
export type KpiVerdictRule = z.output<typeof KpiVerdictRule>;
