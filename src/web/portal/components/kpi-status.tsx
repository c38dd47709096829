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
  const o = s.override;
  const overrideLabel = o ? (en ? (o.level.labelEn ?? o.level.label) : o.level.label) : '';
  return (
    <section aria-labelledby="kpi-status">
      <h2 id="kpi-status">{t('kpiStatus.title', { rule: name, fy: fyText(pc, s.fy) })}</h2>
      {o && (
        // Set by hand: said first and in words, the computed verdict below it and named as such.
        <p class={`rag rag--${o.level.color ?? o.level.key} rag--override`}>
          <span class="rag__mark" aria-hidden="true" />
          <span class="rag__kind">{t('kpiStatus.override')}</span> <strong class="rag__label">{overrideLabel}</strong>
        </p>
      )}
      <p class={`rag rag--${color}${o ? ' rag--computed' : ''}`}>
        <span class="rag__mark" aria-hidden="true" />
        {o && (
          <>
            <span class="rag__kind">{t('kpiStatus.computed')}</span>{' '}
          </>
        )}
        <strong class="rag__label">{level}</strong>{' '}
        {direction && <span class="rag__direction">{s.arrow ? `${s.arrow} ${direction}` : direction}</span>}
      </p>
      {o && <p class="status-override">{t('kpiStatus.overrideNote', { computed: level, override: overrideLabel })}</p>}
      <dl class="facts facts--compact">
        {o && (
          <div>
            <dt>{t('kpiStatus.overrideReason')}</dt>
            <dd class="status-override__reason">{o.reason}</dd>
          </div>
        )}
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
