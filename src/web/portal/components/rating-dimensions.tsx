import type { DimensionView } from '../../../app/index.ts';
import type { PlanDocument, RatingComparison } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText, nameOfScale, paren } from './format.ts';
import { Localized } from './localized.tsx';
import { RatingCells } from './rating-cells.tsx';
import { ScaleLegend } from './scale-legend.tsx';
import { TableScroll } from './table-scroll.tsx';

/** The rule-based rating of one year in words, with the KPI formula it came from, or why there is none. */
function RuleCell(props: { pc: PortalContext; c: RatingComparison | undefined }) {
  const { pc, c } = props;
  const t = pc.t;
  if (!c) return <td>—</td>;
  if (!c.rule) return <td>{pc.lang === 'en' ? (c.ruleReason?.messageEn ?? '—') : (c.ruleReason?.message ?? '—')}</td>;
  return (
    <td>
      <span class="rating__label">
        {t('rating.ruleValue', { label: c.rule.label, formula: c.rule.formula[pc.lang] })}
      </span>
      {c.disagree && c.self && (
        <p class="cell-note disagree">{t('rating.disagree', { self: c.self.label, rule: c.rule.label })}</p>
      )}
    </td>
  );
}

/**
 * A node's ratings, one table per dimension (達成度, 改善度 …), each year with its self-rating and, where the
 * plan has a rule, the rating the KPIs earn beside it; both stay visible when they differ.
 */
export function RatingDimensions(props: {
  pc: PortalContext;
  plan: PlanDocument;
  dimensions: DimensionView[];
  /** id of the first dimension's heading (later ones get "-<scale key>"). */
  id: string;
  headingLevel?: 'h2' | 'h3';
  title?: (scale: string) => string;
  caption?: (scale: string) => string;
}) {
  const { pc, plan, dimensions, id } = props;
  const t = pc.t;
  const H = props.headingLevel ?? 'h2';
  return (
    <>
      {dimensions.map((d, i) => {
        const scale = nameOfScale(pc, d.scale);
        const hid = i === 0 ? id : `${id}-${d.scale.key}`;
        const caption = props.caption ? props.caption(scale) : t('initiative.ratingsCaption', { scale });
        const withRule = d.comparisons.length > 0;
        return (
          <section aria-labelledby={hid}>
            <H id={hid}>{props.title ? props.title(scale) : t('initiative.ratings', { scale })}</H>
            <TableScroll label={caption}>
              <table class="by-year">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('table.fiscalYear')}</th>
                    <th scope="col">{withRule ? `${scale}${paren(pc, t('rating.self'))}` : scale}</th>
                    {withRule && <th scope="col">{t('rating.rule')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {d.ratings.map((r) => (
                    <tr>
                      <th scope="row">{fyText(pc, r.fy)}</th>
                      <td>
                        <RatingCells pc={pc} scale={d.scale} rating={r} />
                        {r.comment && (
                          <p class="cell-note">
                            <Localized pc={pc} ja={r.comment} />
                          </p>
                        )}
                      </td>
                      {withRule && <RuleCell pc={pc} c={d.comparisons.find((c) => c.fy === r.fy)} />}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <ScaleLegend pc={pc} plan={plan} scale={d.scale} />
          </section>
        );
      })}
    </>
  );
}
