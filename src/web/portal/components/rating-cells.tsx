import type { RatingView } from '../../../app/index.ts';
import type { RatingScale } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { paren } from './format.ts';

/**
 * How many of the cells to fill: the document's ten 10 % cells on a percentage scale (and tenths of a numeric
 * range); one cell per level, filled up to the rating's level, on other scales.
 */
export function cellsOf(scale: RatingScale, r: RatingView): { filled: number; total: number } {
  if (scale.kind === 'percentage' || scale.kind === 'numeric') {
    const min = scale.min ?? 0;
    const max = scale.max ?? 100;
    const filled = r.score === null ? 0 : Math.round(((r.score - min) * 10) / (max - min));
    return { filled: Math.max(0, Math.min(10, filled)), total: 10 };
  }
  const levels = scale.levels.filter((l) => !l.excluded);
  const at = levels.findIndex((l) => l.key === r.levelKey);
  return { filled: at + 1, total: levels.length };
}

/** A rating as a row of cells plus its label in words, so nothing depends on colour or shape alone. */
export function RatingCells(props: { pc: PortalContext; scale: RatingScale; rating: RatingView }) {
  const { pc, scale, rating: r } = props;
  const t = pc.t;
  if (r.levelKey === null) {
    return <span class="rating rating--none">{r.inPlan ? t('common.notAssessed') : t('rating.notInPlan')}</span>;
  }
  const { filled, total } = cellsOf(scale, r);
  const label = pc.lang === 'en' ? r.labelEn : r.label;
  let detail: string | null = null;
  if (r.excluded) detail = t('rating.excluded');
  else if (scale.kind !== 'percentage' && scale.kind !== 'numeric' && r.position !== null) {
    detail = t('rating.position', { position: r.position, count: r.levelCount });
  }
  return (
    <span class="rating">
      <span class="cells" aria-hidden="true">
        {Array.from({ length: total }, (_, i) => (
          <span class={i < filled ? 'cell cell--on' : 'cell'} />
        ))}
      </span>
      <span class="rating__label">
        {label}
        {detail && <span class="rating__detail">{paren(pc, detail)}</span>}
      </span>
    </span>
  );
}
