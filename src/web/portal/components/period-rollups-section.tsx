import type { PeriodRollup, PlanDocument } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText, indicatorPeriodText, scaleName } from './format.ts';
import { LabelledRollupsSection } from './labelled-rollups-section.tsx';

/**
 * The primary scale rolled up per part of the edition's year that was rated (a council's quarterly RAG: Q1, Q2,
 * Q3), each by the plan's method. Rendered only where the plan holds part-year ratings.
 */
export function PeriodRollupsSection(props: {
  pc: PortalContext;
  plan: PlanDocument;
  fy: number;
  rollups: PeriodRollup[];
}) {
  const { pc, plan } = props;
  const t = pc.t;
  return (
    <LabelledRollupsSection
      pc={pc}
      plan={plan}
      id="period-rollups"
      heading={t('plan.periodRollups', { fy: fyText(pc, props.fy) })}
      caption={t('plan.periodRollupsCaption', { fy: fyText(pc, props.fy), scale: scaleName(pc, plan) })}
      labelHeader={t('table.period')}
      rows={props.rollups.map(({ fy, period, rollup }) => ({
        label: indicatorPeriodText(pc, plan, { yearBasis: 'fiscal' }, fy, period),
        rollup,
      }))}
    />
  );
}
