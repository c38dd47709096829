import { findLevel, formatDecimal, type RatingScale } from '../domain/index.ts';

/**
 * A rating as printed in tables: percentages with the plan's decimals ("10.0%", as the 目標達成率一覧 prints
 * them), other scales by their level label; an unknown key is printed as stored so nothing is hidden.
 * @example ratingText(ogoriScale, '10', 1) // "10.0%"
 * @example ratingText(abcScale, 'A', 1) // "A"
 */
export function ratingText(scale: RatingScale, level: string | undefined, decimals: number, lang = 'ja'): string {
  if (level === undefined) return '';
  const found = findLevel(scale, level);
  if (!found) return level;
  const numeric = scale.kind === 'percentage' || scale.kind === 'numeric';
  if (numeric && found.score !== null && !found.excluded) {
    return `${formatDecimal(found.score, decimals, { grouping: true })}${scale.unit ?? ''}`;
  }
  return lang === 'en' ? (found.labelEn ?? found.label) : found.label;
}
