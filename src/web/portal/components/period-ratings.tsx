import { type PlanDocument, type PlanNode, periodRatingsOf } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { indicatorPeriodText } from './format.ts';
import { Localized } from './localized.tsx';
import { TableScroll } from './table-scroll.tsx';

/**
 * An item's ratings for parts of a year (a council's quarterly RAG status), period by period with the comment
 * given; the whole-year rating stays in the yearly table. Rendered only where the item has such ratings.
 */
export function PeriodRatings(props: { pc: PortalContext; plan: PlanDocument; node: PlanNode }) {
  const { pc, plan } = props;
  const t = pc.t;
  const rows = periodRatingsOf(plan, props.node);
  if (rows.length === 0) return null;
  const several = plan.ratingScales.length > 1;
  return (
    <section aria-labelledby="period-ratings">
      <h2 id="period-ratings">{t('initiative.periodRatings')}</h2>
      <TableScroll label={t('initiative.periodRatingsCaption')}>
        <table>
          <caption>{t('initiative.periodRatingsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.period')}</th>
              {several && <th scope="col">{t('table.scale')}</th>}
              <th scope="col">{t('table.rating')}</th>
              <th scope="col">{t('table.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{indicatorPeriodText(pc, plan, { yearBasis: 'fiscal' }, r.fy, r.period)}</th>
                {several && (
                  <td>
                    <Localized pc={pc} ja={r.scale.name} en={r.scale.nameEn} />
                  </td>
                )}
                <td>
                  <Localized pc={pc} ja={r.level?.label ?? r.assessment.level} en={r.level?.labelEn} />
                </td>
                <td>{r.assessment.comment ? <Localized pc={pc} ja={r.assessment.comment} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
