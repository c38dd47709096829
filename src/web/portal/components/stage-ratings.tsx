import { type PlanDocument, type PlanNode, stageRatingsOf } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText } from './format.ts';
import { Localized } from './localized.tsx';
import { RatingsTableSection } from './ratings-table-section.tsx';

/**
 * An item's ratings in each evaluation stage the plan declares (事中 and 事後, 一次 / 二次 / 外部評価), year by year,
 * the listed stage marked as the one the 一覧 uses. Rendered only for plans with stages.
 */
export function StageRatings(props: { pc: PortalContext; plan: PlanDocument; node: PlanNode }) {
  const { pc, plan } = props;
  const t = pc.t;
  if (!plan.evaluationStages) return null;
  return (
    <RatingsTableSection
      pc={pc}
      plan={plan}
      id="stage-ratings"
      heading={t('initiative.stageRatings')}
      caption={t('initiative.stageRatingsCaption')}
      leadingHeaders={[t('table.fiscalYear'), t('table.stage')]}
      rows={stageRatingsOf(plan, props.node).map((r) => ({
        ...r,
        leading: [
          fyText(pc, r.fy),
          <>
            <Localized pc={pc} ja={r.stage.name} en={r.stage.nameEn} />
            {r.listed && ` ${t('initiative.listedStage')}`}
          </>,
        ],
      }))}
    />
  );
}
