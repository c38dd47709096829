import type { Child } from 'hono/jsx';
import type { PlanRollup } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';

/**
 * One row of a rate table (年度, 評価段階, node type …): the roll-up's figure, its method and its coverage, with
 * 「未評価」 and no method when nothing was assessed. `children` is the row's header cell content.
 */
export function RateRow(props: { pc: PortalContext; rollup: PlanRollup; children: Child }) {
  const { pc, rollup: r } = props;
  const t = pc.t;
  return (
    <tr>
      <th scope="row">{props.children}</th>
      <td class="num">{r.assessedCount === 0 ? t('common.notAssessed') : r.formatted}</td>
      <td>{r.assessedCount === 0 ? '—' : r.methodLabel[pc.lang]}</td>
      <td>{r.coverageLabel[pc.lang]}</td>
    </tr>
  );
}
