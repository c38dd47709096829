import { z } from 'zod';
import { FiscalYear, Period } from './reporting-period.ts';
import { NodeCode, nonEmpty, Slug, text } from './schema-text.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';

/**
 * A figure the source document prints (e.g. 「B以上の割合 62.6%」), kept so lint can compare it with the one we
 * compute from the ratings and flag the source's own rounding or counting errors instead of copying them.
 */
export const StatedFigure = z
  .object({
    fy: FiscalYear,
    /** Code of the node whose items the figure covers; absent for the whole plan. */
    scope: NodeCode.optional(),
    /** Rating scale; the plan's primary scale when absent. */
    scale: Slug.optional(),
    /** mean: mean score; share-at-or-above / share-of-level: percent of counted items. */
    method: z.enum(['mean', 'share-at-or-above', 'share-of-level']),
    /** Level key for the share methods. */
    level: nonEmpty(L.key).optional(),
    /** The printed figure (62.6 for 「62.6%」); absent when the body prints only counts (「73件中41件」). */
    value: z.number().optional(),
    /** Share methods: how many items the body counts on (or at or above) the level, as printed. */
    count: z.number().int().min(0).optional(),
    /** Share methods: how many items the body counts among, as printed. */
    of: z.number().int().min(1).optional(),
    /** The period inside the fiscal year the figure is for; absent for the whole year. */
    period: Period.optional(),
    /** Where the figure is printed, e.g. 「令和6年度行政評価結果報告書 p.3」. */
    source: text(L.title).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.value === undefined && (f.count === undefined || f.of === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'give the printed value, or count and of',
        params: { ja: '原本の数値（value）か、件数（count と of）を指定してください' },
      });
    }
    if ((f.count !== undefined || f.of !== undefined) && f.method === 'mean') {
      ctx.addIssue({
        code: 'custom',
        path: [f.count !== undefined ? 'count' : 'of'],
        message: 'count and of belong to a share (share-at-or-above, share-of-level), not a mean',
        params: { ja: 'count と of は割合（share-at-or-above, share-of-level）に指定します。平均には指定できません' },
      });
    }
    if (f.count !== undefined && f.of !== undefined && f.count > f.of) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: `count (${f.count}) is more than of (${f.of})`,
        params: { ja: `count（${f.count}）が of（${f.of}）を超えています` },
      });
    }
  });

export type StatedFigure = z.output<typeof StatedFigure>;
