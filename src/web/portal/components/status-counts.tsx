import type { StatusCounts as Counts } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText } from './format.ts';

/**
 * Items per verdict of the plan's status rule, counted by the level the plan says roll-ups use (a verdict set by
 * hand, or always the computed one), with that choice in words. Rendered only where the plan declares a rule.
 */
export function StatusCounts(props: { pc: PortalContext; rule: string; counts: Counts }) {
  const { pc, rule, counts: c } = props;
  const t = pc.t;
  return (
    <section aria-labelledby="status-counts">
      <h2 id="status-counts">{t('statusCounts.title', { rule, fy: fyText(pc, c.fy) })}</h2>
      <dl class="facts facts--compact status-counts">
        {c.levels.map((l) => (
          <div>
            <dt>{l.label[pc.lang]}</dt>
            <dd>{t('statusCounts.items', { count: l.count })}</dd>
          </div>
        ))}
        {c.none > 0 && (
          <div>
            <dt>{t('statusCounts.none')}</dt>
            <dd>{t('statusCounts.items', { count: c.none })}</dd>
          </div>
        )}
      </dl>
      <p class="note">{t(c.byOverride ? 'statusCounts.byOverride' : 'statusCounts.byComputed')}</p>
    </section>
  );
}
