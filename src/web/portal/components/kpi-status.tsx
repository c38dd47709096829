import { formatPercent, type InitiativeStatus } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText } from './format.ts';

/**
 * The traffic light of an initiative's KPIs against even progress over the plan period, with the direction of
 * travel since the previous year. The colour is only a mark beside the words (順調 ↑ 前年度より改善).
 */
export function KpiStatus(props: { pc: PortalContext; status: InitiativeStatus }) {
  const { pc, status: s } = props;
  const t = pc.t;
  const direction = t(`kpiStatus.arrow.${s.direction}`);
  return (
    <section aria-labelledby="kpi-status">
      <h2 id="kpi-status">{t('kpiStatus.title', { fy: fyText(pc, s.fy) })}</h2>
      <p class={`rag rag--${s.rag}`}>
        <span class="rag__mark" aria-hidden="true" />
        <strong class="rag__label">{t(`kpiStatus.rag.${s.rag}`)}</strong>{' '}
        <span class="rag__direction">{s.arrow ? `${s.arrow} ${direction}` : direction}</span>
      </p>
      <dl class="facts facts--compact">
        <div>
          <dt>{t('kpiStatus.percent')}</dt>
          <dd>{s.percent === null ? '—' : s.formula[pc.lang]}</dd>
        </div>
        {s.previousPercent !== null && (
          <div>
            <dt>{t('kpiStatus.previous')}</dt>
            <dd>{formatPercent(s.previousPercent, 1, pc.lang)}</dd>
          </div>
        )}
        <div>
          <dt>{t('kpiStatus.expected')}</dt>
          <dd>
            {t('kpiStatus.expectedValue', { expected: formatPercent(s.expected, 1, pc.lang), band: s.toleranceBand })}
          </dd>
        </div>
      </dl>
      <p class="note">{t('kpiStatus.rule')}</p>
    </section>
  );
}
