import type { GoalView } from '../../../app/index.ts';
import { DepartmentsText } from '../components/departments-text.tsx';
import { fyText, levelName, scaleName } from '../components/format.ts';
import { IndicatorSection } from '../components/indicator-section.tsx';
import { KpiStatus } from '../components/kpi-status.tsx';
import { Localized } from '../components/localized.tsx';
import { YearRateTable } from '../components/rate-row.tsx';
import { RatingCells } from '../components/rating-cells.tsx';
import { RatingDimensions } from '../components/rating-dimensions.tsx';
import { RollupItems } from '../components/rollup-items.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { VerdictCounts } from '../components/verdict-counts.tsx';
import { PortalLayout } from '../layout.tsx';
import { type PlanPageProps, plainText, planChrome, planCrumbs } from '../plan-page-props.tsx';
import { segment } from '../portal-context.ts';

/**
 * A goal (any node with children): its roll-up per year with the method beside each figure, its own rating when
 * the plan rates this level too (施策), its own 数値目標, the goals below it, and its initiatives with ratings and KPIs.
 */
export function GoalPage(props: PlanPageProps & { view: GoalView }) {
  const { pc, pub, base, view } = props;
  const t = pc.t;
  const plan = pub.content.plan;
  const scale = plan.ratingScales[0]!;
  const node = view.node;
  const fy = pub.edition.fy;
  const level = pc.text(view.level.ja, view.level.en).value;
  const childLevel = levelName(pc, plan, plan.levels.length);
  const scaleTitle = scaleName(pc, plan);
  const ratingsTitle = t('goal.ratings', { scale: scaleTitle });
  // A group of its own (第1期アクションプランからの継続案件) is not one of the level's items: no level name.
  const own = node.separateGroup === true;
  const title = `${own ? '' : `${level} `}${node.code} ${plainText(props, node.title, node.titleEn)}`;
  const current = view.rollups.find((r) => r.fy === fy);
  const ancestorCrumbs = view.ancestors.map((a) => ({
    label: (
      <>
        {a.code} <Localized pc={pc} ja={a.title} en={a.titleEn} />
      </>
    ),
    href: pc.href(`${base}/goals/${segment(a.code)}`),
  }));
  return (
    <PortalLayout
      pc={pc}
      title={title}
      plan={planChrome(props)}
      crumbs={planCrumbs(props, ...ancestorCrumbs, {
        label: (
          <>
            {node.code} <Localized pc={pc} ja={node.title} en={node.titleEn} />
          </>
        ),
      })}
    >
      <p class="eyebrow">{own ? node.code : `${level} ${node.code}`}</p>
      <h1>
        <Localized pc={pc} ja={node.title} en={node.titleEn} phrased />
      </h1>
      <section aria-labelledby="goal-rates">
        <h2 id="goal-rates">{ratingsTitle}</h2>
        <YearRateTable pc={pc} caption={ratingsTitle} scale={scaleTitle} rollups={view.rollups} />
        {current && <RollupItems pc={pc} plan={plan} base={base} rollup={current} />}
      </section>
      {view.ownRatings.length > 0 && (
        <RatingDimensions
          pc={pc}
          plan={plan}
          dimensions={view.ownRatings}
          id="own-ratings"
          title={(s) => t('goal.ownRatings', { level, scale: s })}
          caption={(s) => t('goal.ownRatingsCaption', { level, scale: s })}
        />
      )}
      {view.status && <KpiStatus pc={pc} status={view.status} />}
      {view.indicators.length > 0 && (
        // The goal's own 数値目標, shown as an item's are; a goal that holds none has no such section.
        <section aria-labelledby="goal-indicators">
          <h2 id="goal-indicators">{t('goal.indicators', { level })}</h2>
          {view.verdictCounts && <VerdictCounts pc={pc} fy={fy} counts={view.verdictCounts} id="kpi-verdicts" />}
          {view.indicators.map((k, i) => (
            <IndicatorSection pc={pc} plan={plan} id={`kpi-${i + 1}`} view={k} asOfFy={fy} />
          ))}
        </section>
      )}
      {view.children.length > 0 && <ChildGoals {...props} />}
      <section aria-labelledby="goal-initiatives">
        <h2 id="goal-initiatives">{t('goal.initiatives', { level: childLevel })}</h2>
        <ul class="cards">
          {view.initiatives.map((i) => (
            <li class="card">
              <h3 class="card__title">
                <a href={pc.href(`${base}/initiatives/${segment(i.node.code)}`)}>
                  <span class="code">{i.node.code}</span> <Localized pc={pc} ja={i.node.title} en={i.node.titleEn} />
                </a>
              </h3>
              <dl class="facts facts--compact">
                <div>
                  <dt>{t('initiative.departments')}</dt>
                  <dd>
                    <DepartmentsText pc={pc} base={base} departments={i.departments} />
                  </dd>
                </div>
                {i.ratings.map((r) => (
                  <div>
                    <dt>{fyText(pc, r.fy)}</dt>
                    <dd>
                      <RatingCells pc={pc} scale={scale} rating={r} />
                    </dd>
                  </div>
                ))}
                {i.indicators.map((k) => (
                  <div>
                    <dt>
                      <Localized pc={pc} ja={k.indicator.name} en={k.indicator.nameEn} />
                    </dt>
                    <dd>{k.progress.formula[pc.lang]}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      </section>
    </PortalLayout>
  );
}

/** The goals one level down (e.g. the 施策 of a 政策) with this year's figure and its method. */
function ChildGoals(props: PlanPageProps & { view: GoalView }) {
  const { pc, pub, base, view } = props;
  const t = pc.t;
  const fy = pub.edition.fy;
  const first = view.children[0]!;
  const level = pc.text(first.level.ja, first.level.en).value;
  const params = { level, fy: fyText(pc, fy), scale: scaleName(pc, pub.content.plan) };
  return (
    <section aria-labelledby="goal-children">
      <h2 id="goal-children">{t('goal.children', params)}</h2>
      <TableScroll label={t('goal.childrenCaption', params)}>
        <table>
          <caption>{t('goal.childrenCaption', params)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.code')}</th>
              <th scope="col">{level}</th>
              <th scope="col">{t('table.initiatives')}</th>
              <th scope="col">{params.scale}</th>
              <th scope="col">{t('table.method')}</th>
            </tr>
          </thead>
          <tbody>
            {view.children.map((c) => {
              const r = c.rollups.find((x) => x.fy === fy);
              const counted = r !== undefined && r.assessedCount > 0;
              return (
                <tr>
                  <td>{c.node.code}</td>
                  <th scope="row">
                    <a href={pc.href(`${base}/goals/${segment(c.node.code)}`)}>
                      <Localized pc={pc} ja={c.node.title} en={c.node.titleEn} />
                    </a>
                  </th>
                  <td class="num">{t('common.count', { n: c.count })}</td>
                  <td class="num">{counted ? r.formatted : '—'}</td>
                  <td>{counted ? r.methodLabel[pc.lang] : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
