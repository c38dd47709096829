import type { PlanDocument, StatedFigureView } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { indicatorPeriodText } from './format.ts';
import { TableScroll } from './table-scroll.tsx';

/**
 * The aggregates the body itself published (「73件中41件」「62.6%」), each beside the figure computed from the
 * items' ratings where the plan holds them, with how it was computed. Rendered only for plans that hold any.
 */
export function StatedFiguresSection(props: { pc: PortalContext; plan: PlanDocument; figures: StatedFigureView[] }) {
  const { pc, plan } = props;
  const t = pc.t;
  if (props.figures.length === 0) return null;
  const caption = t('plan.statedFiguresCaption');
  return (
    <section aria-labelledby="stated-figures">
      <h2 id="stated-figures">{t('plan.statedFigures')}</h2>
      <TableScroll label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.fiscalYear')}</th>
              <th scope="col">{t('table.scope')}</th>
              <th scope="col">{t('table.figure')}</th>
              <th scope="col">{t('table.stated')}</th>
              <th scope="col">{t('table.computed')}</th>
              <th scope="col">{t('table.source')}</th>
            </tr>
          </thead>
          <tbody>
            {props.figures.map((f) => (
              <tr>
                <th scope="row">
                  {indicatorPeriodText(pc, plan, { yearBasis: 'fiscal' }, f.figure.fy, f.figure.period ?? 'FY')}
                </th>
                <td>{f.figure.scope ?? t('plan.wholePlan')}</td>
                <td>{f.what[pc.lang]}</td>
                <td class="num">{f.stated[pc.lang]}</td>
                <td class="num">
                  {f.computed
                    ? t('plan.computedWithBasis', { value: f.computed.formatted, basis: f.computed.basis[pc.lang] })
                    : t('plan.noItemsToCompute')}
                </td>
                <td>{f.figure.source ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
