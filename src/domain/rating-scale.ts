import type { RatingLevel, RatingScale } from './plan-document.ts';
import { formatQuantity, roundHalfUp } from './round-percent.ts';

/**
 * Rating scales are data (plan.ratingScales), ordered lowest level first. A "numeric" scale has no levels:
 * its level key is the number itself as a string ("85"), between `min` and `max`.
 */

function numericLevel(scale: RatingScale, key: string): RatingLevel | undefined {
  const n = key.trim() === '' ? Number.NaN : Number(key);
  if (!Number.isFinite(n) || n < (scale.min ?? 0) || n > (scale.max ?? 100)) return undefined;
  return {
    key,
    label: `${formatQuantity(n)}${scale.unit ?? ''}`,
    score: n,
    excluded: false,
  };
}

/**
 * The level with this key; for a numeric scale a level made up from the number.
 * @example findLevel(percentageScale(10), '70')?.label // "70%"
 */
export function findLevel(scale: RatingScale, key: string): RatingLevel | undefined {
  if (scale.kind === 'numeric') return numericLevel(scale, key);
  return scale.levels.find((l) => l.key === key);
}

/**
 * The number a level counts as in averages; null for excluded levels (評価不能), levels without a number,
 * and unknown keys.
 * @example scoreOf(percentageScale(10), '70') // 70
 */
export function scoreOf(scale: RatingScale, key: string): number | null {
  const level = findLevel(scale, key);
  return level && !level.excluded ? level.score : null;
}

/**
 * Position of a level, 0 = lowest; -1 for unknown keys and for numeric scales, which have no positions.
 * @example levelIndex(ordinalScale(['A', 'B', 'C']), 'A') // 2
 */
export function levelIndex(scale: RatingScale, key: string): number {
  return scale.levels.findIndex((l) => l.key === key);
}

/**
 * How many steps apart two levels are (always ≥ 0), skipping excluded levels; null if either is unknown or
 * excluded. On a numeric scale one step is a tenth of the range.
 * @example stepDistance(percentageScale(10), '40', '70') // 3
 */
export function stepDistance(scale: RatingScale, a: string, b: string): number | null {
  if (scale.kind === 'numeric') {
    const x = scoreOf(scale, a);
    const y = scoreOf(scale, b);
    const range = (scale.max ?? 100) - (scale.min ?? 0);
    return x === null || y === null ? null : (Math.abs(x - y) * 10) / range;
  }
  const ranked = scale.levels.filter((l) => !l.excluded);
  const i = ranked.findIndex((l) => l.key === a);
  const j = ranked.findIndex((l) => l.key === b);
  return i < 0 || j < 0 ? null : Math.abs(i - j);
}

/**
 * The scored level closest to a percentage (halves go up, as in 四捨五入); for numeric scales the rounded
 * number clamped to the range. Undefined when the scale has no scored levels.
 * @example nearestLevelForPercent(percentageScale(10), 48.25)?.key // "50"
 */
export function nearestLevelForPercent(scale: RatingScale, percent: number): RatingLevel | undefined {
  if (scale.kind === 'numeric') {
    const clamped = Math.min(scale.max ?? 100, Math.max(scale.min ?? 0, roundHalfUp(percent, 0)));
    return numericLevel(scale, String(clamped));
  }
  let best: RatingLevel | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const level of scale.levels) {
    if (level.excluded || level.score === null) continue;
    const gap = Math.abs(level.score - percent);
    // `<=` lets the higher of two equally near levels win, since levels run lowest first.
    if (gap <= bestGap) {
      best = level;
      bestGap = gap;
    }
  }
  return best;
}
