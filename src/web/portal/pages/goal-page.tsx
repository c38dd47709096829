import type { GoalView } from '../../../app/index.ts';
import { DepartmentsText } from '../components/departments-text.tsx';
import { fyText, levelName, scaleName } from '../components/format.ts';
import { Localized } from '../components/localized.tsx';
import { RatingCells } from '../components/rating-cells.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { PortalLayout } from '../layout.tsx';
import { type PlanPageProps, plainText, planChrome, planCrumbs } from '../plan-page-props.tsx';
import { segment } from '../portal-context.ts';

/** A goal (any node with children): its achievement per year and its initiatives with ratings and KPIs. */
export function GoalPage(props: PlanPageProps & { view: GoalView }) {
  const { pc, pub, base, view } = props;
  const t = pc.t;
  const plan = pub.content.plan;
  const scale = plan.ratingScales[0]!;
  const node = view.node;
  const level = levelName(pc, plan, view.depth);
  const childLevel = levelName(pc, plan, plan.levels.length);
  const ratingsTitle = t('goal.ratings', { scale: scaleName(pc, plan) });
  const title = `${level} ${node.code} ${plainText(props, node.title, node.titleEn)}`;
  return (
    <PortalLayout
      pc={pc}
      title={title}
      plan={planChrome(props)}
      crumbs={planCrumbs(props, {
        label: (
          <>
            {node.code} <Localized pc={pc} ja={node.title} en={node.titleEn} />
          </>
        ),
      })}
    >
      <p class="eyebrow">
        {level} {node.code}
      </p>
      <h1>
        <Localized pc={pc} ja={node.title} en={node.titleEn} />
      </h1>
      <section aria-labelledby="goal-rates">
        <h2 id="goal-rates">{ratingsTitle}</h2>
        <TableScroll label={ratingsTitle}>
          <table>
            <caption>{ratingsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.fiscalYear')}</th>
                <th scope="col">{scaleName(pc, plan)}</th>
                <th scope="col">{t('table.assessed')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rollups.map((r) => (
                <tr>
                  <th scope="row">{fyText(pc, r.fy)}</th>
                  <td class="num">{r.assessedCount === 0 ? t('common.notAssessed') : r.formatted}</td>
                  <td>{r.coverageLabel[pc.lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
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
