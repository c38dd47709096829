import { formatPercent, type InitiativeStatus } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText } from './format.ts';

/**
 * The verdict of the plan's own status rule on an initiative's KPIs, with the direction of travel when the rule
 * declares one, and the rule in words. Rendered only when the plan declares a rule. The colour is only a mark
 * beside the words.
 */
export function KpiStatus(props: { pc: PortalContext; status: InitiativeStatus }) {
  const { pc, status: s } = props;
  const t = pc.t;
  const en = pc.lang === 'en';
  const name = en ? (s.rule.nameEn ?? s.rule.name) : s.rule.name;
  const level = s.level ? (en ? (s.level.labelEn ?? s.level.label) : s.level.label) : t('kpiStatus.unknown');
  const direction = s.direction === 'unknown' ? '' : t(`kpiStatus.arrow.${s.direction}`);
  const color = s.level?.color ?? s.level?.key ?? 'unknown';
  return (
    <section aria-labelledby="kpi-status">
      <h2 id="kpi-status">{t('kpiStatus.title', { rule: name, fy: fyText(pc, s.fy) })}</h2>
      <p class={`rag rag--${color}`}>
        <span class="rag__mark" aria-hidden="true" />
        <strong class="rag__label">{level}</strong>{' '}
        {direction && <span class="rag__direction">{s.arrow ? `${s.arrow} ${direction}` : direction}</span>}
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
        {s.expected !== null && (
          <div>
            <dt>{t('kpiStatus.expected')}</dt>
            <dd>{formatPercent(s.expected, 1, pc.lang)}</dd>
          </div>
        )}
        {s.raisedByImprovement && (
          <div>
            <dt>{t('kpiStatus.raised')}</dt>
            <dd>{t('kpiStatus.raisedValue')}</dd>
          </div>
        )}
      </dl>
      <p class="note">{en ? s.explanation.en : s.explanation.ja}</p>
    </section>
  );
}
