import type { Child } from 'hono/jsx';
import type { PlanRollup } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText } from './format.ts';
import { TableScroll } from './table-scroll.tsx';

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

/**
 * A rate table by fiscal year (年度 / the scale / method / coverage): the plan's overall figures, a goal's, or one
 * node type's. `caption` also names the scroll box.
 */
export function YearRateTable(props: {
  pc: PortalContext;
  caption: string;
  scale: string;
  rollups: PlanRollup[];
  id?: string;
}) {
  const { pc } = props;
  const t = pc.t;
  return (
    <TableScroll label={props.caption}>
      <table class="by-year" id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.fiscalYear')}</th>
            <th scope="col">{props.scale}</th>
            <th scope="col">{t('table.method')}</th>
            <th scope="col">{t('table.assessed')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rollups.map((r) => (
            <RateRow pc={pc} rollup={r}>
              {fyText(pc, r.fy)}
            </RateRow>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
