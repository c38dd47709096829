import type { IndicatorView } from '../../../app/index.ts';
import type { PlanDocument } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { fyText, indicatorPeriodText, indicatorValueText, paren, reportedText } from './format.ts';
import { IndicatorChart } from './indicator-chart.tsx';
import { Localized } from './localized.tsx';
import { PartYearTables } from './part-year-tables.tsx';
import { TableScroll } from './table-scroll.tsx';

function Note(props: { pc: PortalContext; text: string | undefined }) {
  return props.text ? (
    <>
      {' '}
      <Localized pc={props.pc} ja={props.text} />
    </>
  ) : null;
}

/** The period target: the one in force and, when it was revised, the earlier ones with the year each applied from. */
function TargetFacts(props: { pc: PortalContext; view: IndicatorView }) {
  const { pc, view } = props;
  const t = pc.t;
  const ind = view.indicator;
  const v = (x: number | null | undefined) => indicatorValueText(pc, ind, x);
  // 到達する水準・小さいほど良い / "(Level reached; lower is better)".
  const kindText = [
    t(`indicator.kind.${ind.kind}`),
    ...(ind.direction === 'lower' ? [t('indicator.lowerIsBetter')] : []),
  ];
  const kind = paren(pc, kindText.join(pc.lang === 'ja' ? '・' : '; '));
  if (!ind.target) return null;
  if (view.targetHistory.length === 0 || !view.targetInForce) {
    return (
      <div>
        <dt>{t('indicator.periodTarget')}</dt>
        <dd>
          {v(ind.target.value)}
          {kind}
          <Note pc={pc} text={ind.target.note} />
        </dd>
      </div>
    );
  }
  const inForce = view.targetInForce;
  return (
    <>
      <div>
        <dt>{t('indicator.targetInForce')}</dt>
        <dd>
          {v(inForce.value)}
          {kind}
          {inForce.inForceFromFy !== null &&
            ` ${t('indicator.inForceFrom', { fy: fyText(pc, inForce.inForceFromFy) })}`}
          <Note pc={pc} text={inForce.note} />
        </dd>
      </div>
      <div>
        <dt>{t('indicator.targetHistory')}</dt>
        <dd>
          <ul class="plain">
            {view.targetHistory.map((h) => (
              <li>
                {t('indicator.historyItem', { value: v(h.value), fy: fyText(pc, h.fromFy) })}
                <Note pc={pc} text={h.note} />
              </li>
            ))}
          </ul>
        </dd>
      </div>
    </>
  );
}

const MISSING_REASONS = new Set(['not-published', 'unmeasurable', 'not-applicable', 'not-entered']);

/** One KPI: what it measures, its baseline and target, progress as of the edition, chart and tables. */
export function IndicatorSection(props: {
  pc: PortalContext;
  plan: PlanDocument;
  id: string;
  view: IndicatorView;
  asOfFy: number;
}) {
  const { pc, plan, id, view, asOfFy } = props;
  const t = pc.t;
  const ind = view.indicator;
  const name = pc.text(ind.name, ind.nameEn).value;
  const calendar = ind.yearBasis === 'calendar';
  const caption = t(calendar ? 'indicator.valuesCaptionCalendar' : 'indicator.valuesCaption', { name });
  const year = (fy: number) => indicatorPeriodText(pc, plan, ind, fy);
  // A chart needs at least one number; text-only indicators keep their table of notes.
  const hasNumbers =
    ind.kind !== 'text' &&
    (ind.baseline !== undefined ||
      view.values.some((v) => typeof v.actual === 'number' || typeof v.target === 'number'));
  const withUnit = (x: number | null | undefined) => indicatorValueText(pc, ind, x);
  const progress = view.progress;
  return (
    <section class="indicator" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>
        <Localized pc={pc} ja={ind.name} en={ind.nameEn} />
      </h3>
      <dl class="facts facts--compact">
        <div>
          <dt>{t('indicator.progress', { fy: fyText(pc, asOfFy) })}</dt>
          <dd class="indicator__progress">
            {progress.formula[pc.lang]}
            {progress.provisional && paren(pc, t('indicator.provisional'))}
          </dd>
        </div>
        {view.verdict && (
          <div>
            <dt>{t('indicator.verdict', { fy: fyText(pc, view.verdict.fy) })}</dt>
            <dd class="indicator__verdict">
              {view.verdict.label[pc.lang]}
              {MISSING_REASONS.has(view.verdict.reason ?? '')
                ? paren(pc, t(`indicator.missing.${view.verdict.reason as 'not-published'}`))
                : ''}
            </dd>
          </div>
        )}
        {ind.baseline && (
          <div>
            <dt>{t('indicator.baseline')}</dt>
            <dd>
              {withUnit(ind.baseline.value)}
              {pc.lang === 'ja' ? '（' : ' ('}
              {year(ind.baseline.fy)}
              <Note pc={pc} text={ind.baseline.note} />
              {pc.lang === 'ja' ? '）' : ')'}
            </dd>
          </div>
        )}
        <TargetFacts pc={pc} view={view} />
        {calendar && (
          <div>
            <dt>{t('indicator.yearBasis')}</dt>
            <dd>{t('indicator.yearBasis.calendar')}</dd>
          </div>
        )}
      </dl>
      {(view.values.length > 0 || ind.baseline) && (
        <>
          {hasNumbers && <IndicatorChart pc={pc} plan={plan} id={`${id}-chart`} view={view} />}
          <TableScroll label={caption}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{calendar ? t('indicator.year') : t('table.fiscalYear')}</th>
                  <th scope="col">{t('indicator.target')}</th>
                  <th scope="col">{t('indicator.actual')}</th>
                </tr>
              </thead>
              <tbody>
                {ind.baseline && !view.values.some((v) => v.fy === ind.baseline?.fy) && (
                  <tr>
                    <th scope="row">
                      {year(ind.baseline.fy)}
                      {paren(pc, t('indicator.baseline'))}
                    </th>
                    <td class="num">—</td>
                    <td class="num">{withUnit(ind.baseline.value)}</td>
                  </tr>
                )}
                {view.values.map((v) => (
                  <tr>
                    <th scope="row">{year(v.fy)}</th>
                    <td class="num">
                      {withUnit(v.target)}
                      {v.targetNote && (
                        <span class="cell-note">
                          <Localized pc={pc} ja={v.targetNote} />
                        </span>
                      )}
                    </td>
                    <td class="num">
                      {typeof v.actual !== 'number' && v.missingReason
                        ? t(`indicator.missing.${v.missingReason}`)
                        : withUnit(v.actual)}
                      {v.provisional && paren(pc, t('indicator.provisional'))}
                      {reportedText(pc, plan, v)}
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
      )}
      {/* Part-year tables show on their own when no whole-year value exists yet (e.g. Q1–Q3 of a year). */}
      <PartYearTables pc={pc} plan={plan} view={view} />
      {view.values.length === 0 && !ind.baseline && view.partYears.length === 0 && <p>{t('indicator.noValues')}</p>}
      {ind.note && (
        <p class="note">
          <Localized pc={pc} ja={ind.note} />
        </p>
      )}
    </section>
  );
}
