import { type PlanDocument, type PlanNode, periodRatingsOf } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { indicatorPeriodText } from './format.ts';
import { RatingsTableSection } from './ratings-table-section.tsx';

/**
 * An item's ratings for parts of a year (a council's quarterly RAG status), period by period with the comment
 * given; the whole-year rating stays in the yearly table. Rendered only where the item has such ratings.
 */
export function PeriodRatings(props: { pc: PortalContext; plan: PlanDocument; node: PlanNode }) {
  const { pc, plan } = props;
  const t = pc.t;
  return (
    <RatingsTableSection
      pc={pc}
      plan={plan}
      id="period-ratings"
      heading={t('initiative.periodRatings')}
      caption={t('initiative.periodRatingsCaption')}
      leadingHeaders={[t('table.period')]}
      rows={periodRatingsOf(plan, props.node).map((r) => ({
        ...r,
        leading: [indicatorPeriodText(pc, plan, { yearBasis: 'fiscal' }, r.fy, r.period)],
      }))}
    />
  );
}
