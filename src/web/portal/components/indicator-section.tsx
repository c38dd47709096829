import type { IndicatorView } from '../../../app/index.ts';
import { formatQuantity } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText } from './format.ts';
import { IndicatorChart } from './indicator-chart.tsx';
import { Localized } from './localized.tsx';
import { TableScroll } from './table-scroll.tsx';

const q = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatQuantity(x));

/** One KPI: what it measures, its baseline and target, progress as of the edition, chart and table. */
export function IndicatorSection(props: { pc: PortalContext; id: string; view: IndicatorView; asOfFy: number }) {
  const { pc, id, view, asOfFy } = props;
  const t = pc.t;
  const ind = view.indicator;
  const name = pc.text(ind.name, ind.nameEn).value;
  const unit = ind.unit;
  // A chart needs at least one number; text-only indicators keep their table of notes.
  const hasNumbers =
    ind.baseline !== undefined || view.values.some((v) => typeof v.actual === 'number' || typeof v.target === 'number');
  const withUnit = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${q(x)}${unit}`);
  return (
    <section class="indicator" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>
        <Localized pc={pc} ja={ind.name} en={ind.nameEn} />
      </h3>
      <dl class="facts facts--compact">
        <div>
          <dt>{t('indicator.progress', { fy: fyText(pc, asOfFy) })}</dt>
          <dd class="indicator__progress">{view.progress.formula[pc.lang]}</dd>
        </div>
        {ind.baseline && (
          <div>
            <dt>{t('indicator.baseline')}</dt>
            <dd>
              {withUnit(ind.baseline.value)}（{fyText(pc, ind.baseline.fy)}
              {ind.baseline.note && (
                <>
                  {' '}
                  <Localized pc={pc} ja={ind.baseline.note} />
                </>
              )}
              ）
            </dd>
          </div>
        )}
        {ind.target && (
          <div>
            <dt>{t('indicator.periodTarget')}</dt>
            <dd>
              {withUnit(ind.target.value)}（{t(`indicator.kind.${ind.kind}`)}
              {ind.direction === 'lower' && `・${t('indicator.lowerIsBetter')}`}）
              {ind.target.note && (
                <>
                  {' '}
                  <Localized pc={pc} ja={ind.target.note} />
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      {view.values.length > 0 || ind.baseline ? (
        <>
          {hasNumbers && <IndicatorChart pc={pc} id={`${id}-chart`} view={view} />}
          <TableScroll label={t('indicator.valuesCaption', { name })}>
            <table>
              <caption>{t('indicator.valuesCaption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.fiscalYear')}</th>
                  <th scope="col">{t('indicator.target')}</th>
                  <th scope="col">{t('indicator.actual')}</th>
                </tr>
              </thead>
              <tbody>
                {ind.baseline && !view.values.some((v) => v.fy === ind.baseline?.fy) && (
                  <tr>
                    <th scope="row">
                      {fyText(pc, ind.baseline.fy)}（{t('indicator.baseline')}）
                    </th>
                    <td class="num">—</td>
                    <td class="num">{withUnit(ind.baseline.value)}</td>
                  </tr>
                )}
                {view.values.map((v) => (
                  <tr>
                    <th scope="row">{fyText(pc, v.fy)}</th>
                    <td class="num">
                      {withUnit(v.target)}
                      {v.targetNote && (
                        <span class="cell-note">
                          <Localized pc={pc} ja={v.targetNote} />
                        </span>
                      )}
                    </td>
                    <td class="num">
                      {withUnit(v.actual)}
                      {v.provisional && `（${t('indicator.provisional')}）`}
                      {v.actualNote && (
                        <span class="cell-note">
                          <Localized pc={pc} ja={v.actualNote} />
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : (
        <p>{t('indicator.noValues')}</p>
      )}
      {ind.note && (
        <p class="note">
          <Localized pc={pc} ja={ind.note} />
        </p>
      )}
    </section>
  );
}
