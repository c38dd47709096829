import type { PlanDocument, RatingScale } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { nameOfScale, paren } from './format.ts';

/**
 * What each level of a scale means (e.g. A：目標を上回った), highest first, with excluded levels marked, and the
 * plan's rule for deriving the level from KPI achievement when it has one. Folded so it does not crowd the page.
 */
export function ScaleLegend(props: { pc: PortalContext; plan: PlanDocument; scale: RatingScale }) {
  const { pc, plan, scale } = props;
  const t = pc.t;
  const levels = [...scale.levels].reverse();
  const rule = plan.ratingRules.find((r) => r.scale === scale.key);
  const labelOf = (key: string) => {
    const l = scale.levels.find((x) => x.key === key);
    return l ? (pc.lang === 'en' ? (l.labelEn ?? l.label) : l.label) : key;
  };
  if (levels.length === 0 && !rule) return null;
  return (
    <details class="legend">
      <summary>{t('rating.legend', { scale: nameOfScale(pc, scale) })}</summary>
      {levels.length > 0 && (
        <ul class="legend__levels">
          {levels.map((l) => {
            const label = pc.lang === 'en' ? (l.labelEn ?? l.label) : l.label;
            const definition = pc.lang === 'en' ? (l.definitionEn ?? l.definition) : l.definition;
            return (
              <li>
                {definition ? t('rating.definitionOf', { label, definition }) : label}
                {l.excluded && paren(pc, t('rating.excluded'))}
                {!l.excluded &&
                  l.score !== null &&
                  scale.kind !== 'percentage' &&
                  t('rating.scoreOf', { score: l.score })}
              </li>
            );
          })}
        </ul>
      )}
      {rule && (
        <p>
          {t('rating.ruleThresholds', {
            rules: [...rule.thresholds]
              .sort((a, b) => b.minPercent - a.minPercent)
              .map((th) => t('rating.threshold', { min: th.minPercent, label: labelOf(th.level) }))
              .join(pc.lang === 'ja' ? '、' : '; '),
          })}
        </p>
      )}
    </details>
  );
}
