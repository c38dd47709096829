import { z } from 'zod';
import { checkDistinctKeys } from './distinct-keys.ts';
import { nonEmpty, Slug, text } from './schema-text.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';

/** One level of a rating scale. `score` null means the level is not a number (shown, never averaged). */
export const RatingLevel = z.object({
  key: nonEmpty(L.key),
  label: nonEmpty(L.name),
  labelEn: text(L.name).optional(),
  definition: text(L.text).optional(),
  definitionEn: text(L.text).optional(),
  score: z.number().nullable(),
  /** Excluded levels (e.g. 評価不能) are skipped by averages and listed separately. */
  excluded: z.boolean().default(false),
  /**
   * false: the level is counted and shown but left out of the denominator of shares, so a "not rated" (未評価,
   * 評価対象外) level does not dilute the others' shares. Absent: counted in shares like any other level.
   */
  countsInShares: z.boolean().optional(),
  /**
   * Key of another level of the scale this one is counted as in distributions and shares: a sub-code pooled with
   * its main level (three 「改善を検討」 sub-reasons counted as one). The item keeps its own level everywhere else.
   */
  countsAs: text(L.key).optional(),
  /** A design-token colour name; never the only carrier of meaning. */
  color: text(L.short).optional(),
});

export const RatingScaleKind = z.enum(['percentage', 'ordinal', 'text', 'traffic-light', 'numeric']);

export const RatingScale = z
  .object({
    key: Slug,
    name: nonEmpty(L.name),
    nameEn: text(L.name).optional(),
    kind: RatingScaleKind,
    /** Ordered from lowest to highest. Empty only for kind "numeric" (free entry between min and max). */
    levels: z.array(RatingLevel),
    min: z.number().optional(),
    max: z.number().optional(),
    /** Unit printed after numeric scores, e.g. "%". */
    unit: text(L.short).optional(),
  })
  .superRefine((scale, ctx) => {
    if (scale.kind === 'numeric') {
      if (scale.min === undefined || scale.max === undefined || scale.min >= scale.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['min'],
          message: 'a numeric scale needs min < max',
          params: { ja: '数値の尺度には min < max が必要です' },
        });
      }
      return;
    }
    if (scale.levels.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message: 'a scale needs at least two levels',
        params: { ja: '尺度には2つ以上の段階が必要です' },
      });
    }
    checkDistinctKeys(scale.levels, ['levels'], { ja: '段階', en: 'level' }, ctx);
    scale.levels.forEach((level, i) => {
      if (level.countsAs === undefined) return;
      const target = scale.levels.find((l) => l.key === level.countsAs);
      if (!target || target.countsAs !== undefined || target.key === level.key) {
        const valid = scale.levels.filter((l) => l.countsAs === undefined && l.key !== level.key).map((l) => l.key);
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'countsAs'],
          message: `countsAs "${level.countsAs}" is not a main level of this scale; valid levels: ${valid.join(', ')}`,
          params: {
            ja: `countsAs「${level.countsAs}」はこの尺度の主な段階ではありません（段階: ${valid.join(', ')}）`,
          },
        });
      }
    });
  });

/** Rule that derives a rating from KPI achievement: the first threshold whose `min` is reached wins. */
export const RatingRule = z.object({
  scale: Slug,
  basis: z.literal('indicator-progress'),
  /** How several indicators of one item combine before thresholds apply. */
  combine: z.enum(['mean', 'min']).default('mean'),
  thresholds: z.array(z.object({ minPercent: z.number(), level: nonEmpty(L.key) })).min(1),
});

export type RatingScale = z.output<typeof RatingScale>;
export type RatingLevel = z.output<typeof RatingLevel>;
export type RatingRule = z.output<typeof RatingRule>;
