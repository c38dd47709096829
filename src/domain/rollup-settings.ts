import { z } from 'zod';
import { text } from './schema-text.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';

/* How a plan rolls its ratings up (plan.rollup). */

export const RollupMethod = z.enum(['mean', 'distribution', 'share-at-or-above']);
export const RollupSettings = z.object({
  method: RollupMethod.default('mean'),
  /** Level key for "share-at-or-above". */
  threshold: text(L.key).optional(),
  /** Use node weights (PlanNode.weight) in the mean. */
  weighted: z.boolean().default(false),
  /** Decimal places for printed percentages; half-up rounding. */
  decimals: z.number().int().min(0).max(3).default(1),
  /**
   * How shares of a distribution are rounded, for the portal and lint alike: largest remainder so they add up to
   * 100 (when absent), half-up per item (may print 99.9 or 100.1), or truncated.
   */
  shareRounding: z.enum(['largest-remainder', 'half-up', 'truncate']).optional(),
});

export type RollupSettings = z.output<typeof RollupSettings>;
