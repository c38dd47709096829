import { findLevel, type RatingScale } from '../domain/index.ts';

/** The level a typed or chosen rating names: a level's key or label, or a number on a numeric scale. */
export function levelOf(scale: RatingScale, value: string | number): string | undefined {
  const text = String(value).trim();
  if (scale.kind === 'numeric') return findLevel(scale, text.replace(/%$/, '')) ? text.replace(/%$/, '') : undefined;
  const byText = scale.levels.find((l) => l.key === text || l.label === text || l.labelEn === text);
  if (byText) return byText.key;
  // Excel turns a chosen "70%" into the number 0.7 unless the cell is text-formatted; accept that too.
  if (typeof value === 'number' && scale.kind === 'percentage') {
    const pct = String(Math.round(value * 1e6) / 1e4);
    return scale.levels.find((l) => l.key === pct || l.label === `${pct}%`)?.key;
  }
  return undefined;
}
