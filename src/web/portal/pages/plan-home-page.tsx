import type { PlanOverview } from '../../../app/index.ts';
import { HBarChart } from '../components/bar-chart.tsx';
import { DistributionRows } from '../components/distribution-rows.tsx';
import { dateText, fyText, levelName, overallTitle, paren, periodText, scaleName } from '../components/format.ts';
import { Localized } from '../components/localized.tsx';
import { NodeTypeRollupsSection } from '../components/node-type-rollups-section.tsx';
import { PeriodRollupsSection } from '../components/period-rollups-section.tsx';
import { YearRateTable } from '../components/rate-row.tsx';
import { RollupItems } from '../components/rollup-items.tsx';
import { ScaleRollupsSection } from '../components/scale-rollups-section.tsx';
import { StageRollupsSection } from '../components/stage-rollups-section.tsx';
import { StatedFiguresSection } from '../components/stated-figures-section.tsx';
import { StatusCounts } from '../components/status-counts.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { VerdictCounts } from '../components/verdict-counts.tsx';
import { PortalLayout } from '../layout.tsx';
import { type PlanPageProps, plainText, planChrome } from '../plan-page-props.tsx';
import { segment } from '../portal-context.ts';

/** A plan's home: vision, period, edition, overall achievement per year, distribution and each goal's rate. */
export function PlanHomePage(props: PlanPageProps & { summary: PlanOverview }) {
  const { pc, pub, base, summary } = props;
  const t = pc.t;
  const plan = pub.content.plan;
  const fy = summary.asOfFy;
  const current = summary.current;
  const goalLevel = levelName(pc, plan, 1);
  const goals = summary.goals.filter((g) => !g.node.separateGroup);
  const groups = summary.goals.filter((g) => g.node.separateGroup);
  const method = current.methodLabel[pc.lang];
  const scale = scaleName(pc, plan);
  const overall = overallTitle(pc, plan);
  return (
    <PortalLayout pc={pc} title={`${t('site.title')}${paren(pc, pub.edition.name)}`} plan={planChrome(props, 'home')}>
      <h1>
        <Localized pc={pc} ja={plan.title} en={plan.titleEn} phrased />
      </h1>
      <dl class="facts">
        {plan.vision && (
          <div>
            <dt>{t('plan.vision')}</dt>
            <dd>
              <Localized pc={pc} ja={plan.vision} en={plan.visionEn} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('plan.period')}</dt>
          <dd>{periodText(pc, plan)}</dd>
        </div>
        <div>
          <dt>{t('plan.edition')}</dt>
          <dd>
            <Localized
              pc={pc}
              ja={pub.edition.name}
              en={plan.edition?.name === pub.edition.name ? plan.edition?.nameEn : undefined}
            />
            {/* e.g. a correction (訂正版) naming the edition it corrects */}
            {plan.edition?.note && <p>{plan.edition.note}</p>}
            {/* The comparison is drawn per request from the two editions chosen: a static export has no page for it. */}
            {pub.editions.length > 1 && !pc.staticSite && (
              <p>
                <a href={pc.href(`${base}/compare`)}>{t('editions.compare')}</a>
              </p>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('plan.publishedAt')}</dt>
          <dd>
            <time datetime={pub.edition.publishedAt}>{dateText(pc, pub.edition.publishedAt)}</time>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="overall">
        <h2 id="overall">{overall}</h2>
        <p class="headline">
          <span class="headline__fy">{fyText(pc, fy)}</span>
          <span class="headline__value">{current.formatted}</span>
          <span class="headline__coverage">{current.coverageLabel[pc.lang]}</span>
        </p>
        <p class="note">{t('plan.method', { method })}</p>
        <RollupItems pc={pc} plan={plan} base={base} rollup={current} />
        {summary.verdictCounts && (
          <VerdictCounts pc={pc} fy={fy} counts={summary.verdictCounts} id="plan-kpi-verdicts" />
        )}
        {summary.statusCounts && plan.evaluation?.status && (
          <StatusCounts
            pc={pc}
            rule={
              pc.lang === 'en'
                ? (plan.evaluation.status.nameEn ?? plan.evaluation.status.name)
                : plan.evaluation.status.name
            }
            counts={summary.statusCounts}
          />
        )}
        <YearRateTable
          pc={pc}
          caption={t('plan.overallCaption', { overall })}
          scale={scale}
          rollups={summary.overall}
        />
      </section>

      <section aria-labelledby="distribution">
        <h2 id="distribution">{t('plan.distribution', { fy: fyText(pc, fy) })}</h2>
        <HBarChart
          id="chart-distribution"
          title={t('plan.distribution', { fy: fyText(pc, fy) })}
          desc={current.distribution.map((d) => `${d.label}: ${t('common.count', { n: d.count })}`).join(', ')}
          max={Math.max(1, ...current.distribution.map((d) => d.count))}
          data={current.distribution.map((d) => ({
            label: d.label,
            value: d.count,
            valueText: t('common.count', { n: d.count }),
          }))}
        />
        <TableScroll label={t('plan.distributionCaption', { fy: fyText(pc, fy) })}>
          <table>
            <caption>{t('plan.distributionCaption', { fy: fyText(pc, fy) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.rating')}</th>
                <th scope="col">{t('table.count')}</th>
                <th scope="col">{t('table.share')}</th>
              </tr>
            </thead>
            <tbody>
              <DistributionRows pc={pc} plan={plan} rollup={current} />
            </tbody>
          </table>
        </TableScroll>
        <p class="note">
          {t(`plan.shareRule.${plan.rollup.shareRounding ?? 'largest-remainder'}`, {
            n: current.shareBaseCount,
            decimals: plan.rollup.decimals,
          })}
        </p>
        {current.distribution.some((d) => d.share === null) && (
          <p class="note">
            {t('plan.notInSharesRule', {
              levels: current.distribution
                .filter((d) => d.share === null)
                .map((d) => d.label)
                .join(pc.lang === 'ja' ? '、' : ', '),
            })}
          </p>
        )}
      </section>

      <NodeTypeRollupsSection pc={pc} plan={plan} rollups={summary.nodeTypeRollups} />
      <ScaleRollupsSection pc={pc} plan={plan} rollups={summary.scaleRollups} />
      <StageRollupsSection pc={pc} plan={plan} fy={fy} rollups={summary.stageRollups} />
      <PeriodRollupsSection pc={pc} plan={plan} fy={fy} rollups={summary.periodRollups} />
      <StatedFiguresSection pc={pc} plan={plan} figures={summary.statedFigures} />

      <section aria-labelledby="by-goal">
        <h2 id="by-goal">{t('plan.byGoal', { level: goalLevel, fy: fyText(pc, fy), scale })}</h2>
        {plan.rollup.method !== 'distribution' && (
          <HBarChart
            id="chart-goals"
            title={t('plan.byGoal', { level: goalLevel, fy: fyText(pc, fy), scale })}
            desc={goals
              .map((g) => `${g.node.code} ${plainText(props, g.node.title, g.node.titleEn)}: ${rateOf(g, fy)}`)
              .join(', ')}
            max={chartMax(plan)}
            data={goals.map((g) => ({
              label: g.node.code,
              value: g.rollups.find((r) => r.fy === fy)?.value ?? null,
              valueText: rateOf(g, fy),
            }))}
          />
        )}
        <GoalsTable
          {...props}
          caption={t('plan.byGoalCaption', { level: goalLevel, fy: fyText(pc, fy), scale })}
          nameHeader={goalLevel}
          goals={goals}
        />
        {/* A group of its own (第1期アクションプランからの継続案件) is listed apart, never as one of the goals. */}
        {groups.map((g) => {
          const name = plainText(props, g.node.title, g.node.titleEn);
          return (
            <GoalsTable
              {...props}
              caption={t('plan.groupCaption', { name, fy: fyText(pc, fy), scale })}
              nameHeader={t('table.title')}
              goals={[g]}
            />
          );
        })}
      </section>

      {plan.sections.length > 0 && (
        <section aria-labelledby="about">
          <h2 id="about">{t('plan.sections')}</h2>
          {plan.sections.map((s) => (
            <details>
              <summary>
                {s.number && `${s.number} `}
                <Localized pc={pc} ja={s.title} en={s.titleEn} />
              </summary>
              {s.body.map((para) => (
                <p>
                  <Localized pc={pc} ja={para} />
                </p>
              ))}
            </details>
          ))}
        </section>
      )}
    </PortalLayout>
  );
}

/** Goals (or a separate group) with their initiative count, this year's figure and its method. */
function GoalsTable(
  props: PlanPageProps & { summary: PlanOverview; caption: string; nameHeader: string; goals: PlanOverview['goals'] },
) {
  const { pc, base, summary } = props;
  const t = pc.t;
  const fy = summary.asOfFy;
  return (
    <TableScroll label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.code')}</th>
            <th scope="col">{props.nameHeader}</th>
            <th scope="col">{t('table.initiatives')}</th>
            <th scope="col">{scaleName(pc, props.pub.content.plan)}</th>
            <th scope="col">{t('table.method')}</th>
          </tr>
        </thead>
        <tbody>
          {props.goals.map((g) => (
            <tr>
              <td>{g.node.code}</td>
              <th scope="row">
                <a href={pc.href(`${base}/goals/${segment(g.node.code)}`)}>
                  <Localized pc={pc} ja={g.node.title} en={g.node.titleEn} />
                </a>
              </th>
              <td class="num">{t('common.count', { n: g.count })}</td>
              <td class="num">{rateOf(g, fy)}</td>
              <td>{methodOf(pc, g, fy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function rateOf(g: PlanOverview['goals'][number], fy: number): string {
  const r = g.rollups.find((x) => x.fy === fy);
  return r && r.assessedCount > 0 ? r.formatted : '—';
}

function methodOf(pc: PlanPageProps['pc'], g: PlanOverview['goals'][number], fy: number): string {
  const r = g.rollups.find((x) => x.fy === fy);
  return r && r.assessedCount > 0 ? r.methodLabel[pc.lang] : '—';
}

/** The top of the goals chart's scale: 100 for percentages and shares, else the highest score a level counts as. */
function chartMax(plan: PlanPageProps['pub']['content']['plan']): number {
  const scale = plan.ratingScales[0]!;
  if (plan.rollup.method === 'share-at-or-above' || scale.kind === 'percentage') return scale.max ?? 100;
  if (scale.kind === 'numeric') return scale.max ?? 100;
  return Math.max(1, ...scale.levels.filter((l) => !l.excluded).map((l) => l.score ?? 0));
}
