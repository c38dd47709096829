import type { PlanDocument, StageRollup } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText, scaleName } from './format.ts';
import { LabelledRollupsSection } from './labelled-rollups-section.tsx';
import { Localized } from './localized.tsx';

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
  return (
    <LabelledRollupsSection
      pc={pc}
      plan={plan}
      id="stage-rollups"
      heading={t('plan.stageRollups', { fy: fyText(pc, props.fy) })}
      caption={t('plan.stageRollupsCaption', { fy: fyText(pc, props.fy), scale: scaleName(pc, plan) })}
      labelHeader={t('table.stage')}
      rows={props.rollups.map(({ stage, listed, rollup }) => ({
        label: (
          <>
            <Localized pc={pc} ja={stage.name} en={stage.nameEn} />
            {listed && ` ${t('initiative.listedStage')}`}
          </>
        ),
        rollup,
      }))}
    />
  );
}
