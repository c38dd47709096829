import { type PlanDocument, type PlanNode, stageRatingsOf } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText } from './format.ts';
import { Localized } from './localized.tsx';
import { TableScroll } from './table-scroll.tsx';

/**
 * An item's ratings in each evaluation stage the plan declares (事中 and 事後, 一次 / 二次 / 外部評価), year by year,
 * the listed stage marked as the one the 一覧 uses. Rendered only for plans with stages.
 */
export function StageRatings(props: { pc: PortalContext; plan: PlanDocument; node: PlanNode }) {
  const { pc, plan } = props;
  const t = pc.t;
  const rows = stageRatingsOf(plan, props.node);
  if (!plan.evaluationStages || rows.length === 0) return null;
  const several = plan.ratingScales.length > 1;
  return (
    <section aria-labelledby="stage-ratings">
      <h2 id="stage-ratings">{t('initiative.stageRatings')}</h2>
      <TableScroll label={t('initiative.stageRatingsCaption')}>
        <table>
          <caption>{t('initiative.stageRatingsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.fiscalYear')}</th>
              <th scope="col">{t('table.stage')}</th>
              {several && <th scope="col">{t('table.scale')}</th>}
              <th scope="col">{t('table.rating')}</th>
              <th scope="col">{t('table.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{fyText(pc, r.fy)}</th>
                <td>
                  <Localized pc={pc} ja={r.stage.name} en={r.stage.nameEn} />
                  {r.listed && ` ${t('initiative.listedStage')}`}
                </td>
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
