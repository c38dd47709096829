import type { PlanOverview } from '../../../app/index.ts';
import type { PlanDocument } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { scaleName } from './format.ts';
import { YearRateTable } from './rate-row.tsx';

/**
 * The indicator nodes' own roll-up per fiscal year, apart from the actions the figures above count. Rendered
 * only for a plan whose items are both actions and indicators.
 */
export function NodeTypeRollupsSection(props: {
  pc: PortalContext;
  plan: PlanDocument;
  rollups: PlanOverview['nodeTypeRollups'];
}) {
  const { pc, plan } = props;
  const t = pc.t;
  if (props.rollups.length === 0) return null;
  const scale = scaleName(pc, plan);
  return (
    <section aria-labelledby="type-rollups">
      <h2 id="type-rollups">{t('plan.typeRollups', { scale })}</h2>
      <p class="note">{t('plan.typeRollupsNote')}</p>
      {props.rollups.map(({ type, rollups }) => {
        const caption = t('plan.typeRollupsCaption', { type: t(`nodeType.${type}`), scale });
        return <YearRateTable pc={pc} caption={caption} scale={scale} rollups={rollups} id={`type-${type}`} />;
      })}
    </section>
  );
}
