import type { PlanDocument, PlanRollup } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { DistributionRows } from './distribution-rows.tsx';
import { fyText } from './format.ts';
import { Localized } from './localized.tsx';
import { TableScroll } from './table-scroll.tsx';

/**
 * The plan's further rating dimensions (e.g. 改善度 beside 達成度) rolled up for the edition's year: each with its
 * figure and method, its coverage, and the count and share of every level. Rendered only for plans with more
 * than one scale; the primary scale has the page's own sections above.
 */
export function ScaleRollupsSection(props: { pc: PortalContext; plan: PlanDocument; rollups: PlanRollup[] }) {
  const { pc, plan } = props;
  const t = pc.t;
  const further = props.rollups.slice(1);
  if (further.length === 0) return null;
  return (
    <section aria-labelledby="scale-rollups">
      <h2 id="scale-rollups">{t('plan.scaleRollups', { fy: fyText(pc, further[0]!.fy) })}</h2>
      {further.map((r) => {
        const scale = plan.ratingScales.find((s) => s.key === r.scaleKey)!;
        const name = pc.text(scale.name, scale.nameEn).value;
        const caption = t('plan.scaleDistributionCaption', { fy: fyText(pc, r.fy), scale: name });
        return (
          <div class="scale-rollup" id={`scale-${scale.key}`}>
            <h3>
              <Localized pc={pc} ja={scale.name} en={scale.nameEn} />
            </h3>
            <p class="headline">
              {r.method !== 'distribution' && (
                <span class="headline__value">{r.assessedCount === 0 ? t('common.notAssessed') : r.formatted}</span>
              )}
              <span class="headline__coverage">{r.coverageLabel[pc.lang]}</span>
            </p>
            <p class="note">{t('plan.method', { method: r.methodLabel[pc.lang] })}</p>
            <TableScroll label={caption}>
              <table>
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('table.rating')}</th>
                    <th scope="col">{t('table.count')}</th>
                    <th scope="col">{t('table.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  <DistributionRows pc={pc} plan={plan} rollup={r} scale={scale} />
                </tbody>
              </table>
            </TableScroll>
          </div>
        );
      })}
    </section>
  );
}
