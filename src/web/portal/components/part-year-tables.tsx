import type { IndicatorView } from '../../../app/index.ts';
import { type PlanDocument, periodBasisOf } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { indicatorPeriodText, indicatorValueText, paren, reportedText } from './format.ts';
import { TableScroll } from './table-scroll.tsx';

/**
 * Monthly, quarterly or half-yearly values of one KPI, a table per fiscal year: each period's target (where the
 * plan gives one), its value as reported (headed by what it is: the period's own, year to date, at period end) and
 * the year-to-date figure with how it was reached (3 + 4 + 2 = 9). The
 * figure starts again each fiscal year, and a missing period is named rather than read as 0.
 */
export function PartYearTables(props: { pc: PortalContext; plan: PlanDocument; view: IndicatorView }) {
  const { pc, plan, view } = props;
  const t = pc.t;
  const ind = view.indicator;
  const name = pc.text(ind.name, ind.nameEn).value;
  // What a reported figure is (the period's own, or the year so far, …): the column says it, never 期間の値 for both.
  const basis = periodBasisOf(ind);
  return (
    <>
      {view.partYears.map((y) => {
        // A target column only where the plan gives targets per period; each row reads its own period's target.
        const targets = y.values.some((p) => typeof p.value.target === 'number');
        // A direction-of-travel column only where the plan declares what a period is compared with.
        const travel = y.values.some((p) => p.travel !== null);
        const caption = t('indicator.partYearCaption', { name, fy: indicatorPeriodText(pc, plan, ind, y.fy) });
        return (
          <TableScroll label={caption}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicator.period')}</th>
                  {targets && <th scope="col">{t('indicator.target')}</th>}
                  <th scope="col">{t(`indicator.periodValue.${basis}`)}</th>
                  <th scope="col">{t('indicator.ytd')}</th>
                  {travel && <th scope="col">{t('indicator.travel')}</th>}
                </tr>
              </thead>
              <tbody>
                {y.values.map((p) => (
                  <tr>
                    <th scope="row">{indicatorPeriodText(pc, plan, ind, y.fy, p.period)}</th>
                    {targets && <td class="num">{indicatorValueText(pc, ind, p.value.target)}</td>}
                    <td class="num">
                      {indicatorValueText(pc, ind, p.value.actual)}
                      {p.value.provisional && paren(pc, t('indicator.provisional'))}
                      {reportedText(pc, plan, p.value)}
                    </td>
                    <td class="num">
                      {p.ytd.value === null ? '—' : indicatorValueText(pc, ind, p.ytd.value)}
                      <span class="cell-note">{p.ytd.formula[pc.lang]}</span>
                    </td>
                    {travel && <td>{p.travel?.text[pc.lang] ?? '—'}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        );
      })}
    </>
  );
}
