import type { RatingView } from '../../../app/index.ts';
import { formatPercent, type RatingScale } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';

/**
 * A rating as the 目標達成率一覧 prints it: "40.0%" on a percentage scale (the plan's decimals), the level's
 * label on other scales, 未評価 when missing.
 */
export function rateText(pc: PortalContext, scale: RatingScale, r: RatingView, decimals: number): string {
  if (r.levelKey === null) return pc.t('common.notAssessed');
  if (scale.kind === 'percentage' && r.score !== null) return formatPercent(r.score, decimals);
  return (pc.lang === 'en' ? r.labelEn : r.label) ?? r.levelKey;
}
