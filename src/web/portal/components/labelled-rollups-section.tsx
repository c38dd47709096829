import type { Child } from 'hono/jsx';
import type { PlanDocument, PlanRollup } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { scaleName } from './format.ts';
import { RateRow } from './rate-row.tsx';
import { TableScroll } from './table-scroll.tsx';

/**
 * A section with one roll-up of the primary scale per row, each row named (an evaluation stage, a quarter): the
 * figure by the plan's method, the method and what was assessed. Renders nothing without rows.
 */
export function LabelledRollupsSection(props: {
  pc: PortalContext;
  plan: PlanDocument;
  id: string;
  heading: string;
  caption: string;
  labelHeader: string;
  rows: { label: Child; rollup: PlanRollup }[];
}) {
  const { pc, plan } = props;
  const t = pc.t;
  if (props.rows.length === 0) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <TableScroll label={props.caption}>
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHeader}</th>
              <th scope="col">{scaleName(pc, plan)}</th>
              <th scope="col">{t('table.method')}</th>
              <th scope="col">{t('table.assessed')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <RateRow pc={pc} rollup={row.rollup}>
                {row.label}
              </RateRow>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
