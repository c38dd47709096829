import type { PlanDocument, StageRollup } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText, scaleName } from './format.ts';
import { Localized } from './localized.tsx';
import { RateRow } from './rate-row.tsx';
import { TableScroll } from './table-scroll.tsx';

/**
 * The primary scale rolled up per evaluation stage (事中 and 事後, 一次 / 二次 / 外部評価) for the edition's year, each
 * by the plan's method, the listed stage marked. Rendered only for plans with stages.
 */
export function StageRollupsSection(props: {
  pc: PortalContext;
  plan: PlanDocument;
  fy: number;
  rollups: StageRollup[];
}) {
  const { pc, plan } = props;
  const t = pc.t;
  if (props.rollups.length === 0) return null;
  const caption = t('plan.stageRollupsCaption', { fy: fyText(pc, props.fy), scale: scaleName(pc, plan) });
  return (
    <section aria-labelledby="stage-rollups">
      <h2 id="stage-rollups">{t('plan.stageRollups', { fy: fyText(pc, props.fy) })}</h2>
      <TableScroll label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.stage')}</th>
              <th scope="col">{scaleName(pc, plan)}</th>
              <th scope="col">{t('table.method')}</th>
              <th scope="col">{t('table.assessed')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rollups.map(({ stage, listed, rollup: r }) => (
              <RateRow pc={pc} rollup={r}>
                <Localized pc={pc} ja={stage.name} en={stage.nameEn} />
                {listed && ` ${t('initiative.listedStage')}`}
              </RateRow>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
