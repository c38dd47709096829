import type { KpiVerdictCounts } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText } from './format.ts';

/**
 * The plan's KPI verdicts (達成 / 未達成 / 測定不能) counted over an item or the whole plan, with the missing
 * values the plan leaves out of the count. Rendered only where the plan declares a KPI verdict.
 */
export function VerdictCounts(props: { pc: PortalContext; fy: number; counts: KpiVerdictCounts; id: string }) {
  const { pc, fy, counts: c, id } = props;
  const t = pc.t;
  return (
    <p class="verdict-counts" id={id}>
      <strong>{t('verdicts.title', { fy: fyText(pc, fy) })}</strong>{' '}
      {t('verdicts.counts', {
        achieved: c.achieved,
        notAchieved: c.notAchieved,
        unmeasurable: c.unmeasurable,
        denominator: c.denominator,
      })}
      {c.excluded > 0 && t('verdicts.excluded', { excluded: c.excluded })}
    </p>
  );
}
