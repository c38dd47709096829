import type { InitiativeView } from '../../../app/index.ts';
import { keyedFields } from '../../../domain/index.ts';
import { DepartmentsText } from '../components/departments-text.tsx';
import { fyText } from '../components/format.ts';
import { IndicatorSection } from '../components/indicator-section.tsx';
import { KpiStatus } from '../components/kpi-status.tsx';
import { LifecycleFacts } from '../components/lifecycle-facts.tsx';
import { Localized } from '../components/localized.tsx';
import { PeriodRatings } from '../components/period-ratings.tsx';
import { RatingDimensions } from '../components/rating-dimensions.tsx';
import { SheetFieldSections } from '../components/sheet-field-sections.tsx';
import { StageRatings } from '../components/stage-ratings.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { VerdictCounts } from '../components/verdict-counts.tsx';
import { PortalLayout } from '../layout.tsx';
import { type PlanPageProps, plainText, planChrome, planCrumbs } from '../plan-page-props.tsx';
import type { PortalContext } from '../portal-context.ts';
import { segment } from '../portal-context.ts';

function Items(props: { pc: PortalContext; items: string[] }) {
  if (props.items.length === 0) return <p>{props.pc.t('common.none')}</p>;
  return (
    <ul>
      {props.items.map((i) => (
        // An item's own line breaks (a 【…】 note under its point) are kept.
        <li class="lines">
          <Localized pc={props.pc} ja={i} />
        </li>
      ))}
    </ul>
  );
}

/** An initiative: everything its sheet in the plan holds, plus computed KPI progress and neighbours. */
export function InitiativePage(props: PlanPageProps & { view: InitiativeView; asOfFy: number }) {
  const { pc, pub, base, view, asOfFy } = props;
  const t = pc.t;
  const plan = pub.content.plan;
  const node = view.node;
  const level = pc.text(view.level.ja, view.level.en).value;
  const roadmap = [...node.roadmap].sort((a, b) => a.fy - b.fy);
  // The source has no sheet for this item: its note says so once, in place of empty sections.
  const sheetNotes = node.sourceNotes.filter((n) => n.kind === 'sheet-missing');
  const crumbs = planCrumbs(
    props,
    ...view.ancestors.map((a) => ({
      label: (
        <>
          {a.code} <Localized pc={pc} ja={a.title} en={a.titleEn} />
        </>
      ),
      href: pc.href(`${base}/goals/${segment(a.code)}`),
    })),
    { label: node.code },
  );
  return (
    <PortalLayout
      pc={pc}
      title={`${node.code} ${plainText(props, node.title, node.titleEn)}`}
      plan={planChrome(props)}
      crumbs={crumbs}
    >
      <p class="eyebrow">
        {level} {node.code}
      </p>
      <h1>
        <Localized pc={pc} ja={node.title} en={node.titleEn} phrased />
      </h1>
      <dl class="facts">
        <div>
          <dt>{t('initiative.code')}</dt>
          <dd>{node.code}</dd>
        </div>
        <div>
          <dt>{t('initiative.departments')}</dt>
          <dd>
            <DepartmentsText pc={pc} base={base} departments={view.departments} />
          </dd>
        </div>
        <LifecycleFacts pc={pc} plan={plan} base={base} view={view} />
        {(node.sdgs.length > 0 || sheetNotes.length === 0) && (
          <div>
            <dt>{t('initiative.sdgs')}</dt>
            <dd>
              {node.sdgs.length === 0
                ? t('common.notRecorded')
                : node.sdgs.map((n) => t('initiative.sdgGoal', { n })).join(pc.lang === 'ja' ? '、' : ', ')}
            </dd>
          </div>
        )}
      </dl>

      {!view.activeNow && (
        <p class="notice">
          {t('lifecycle.inactive', { fy: fyText(pc, asOfFy), status: t(`status.${node.lifecycle.status}`) })}
        </p>
      )}
      <RatingDimensions pc={pc} plan={plan} dimensions={view.dimensions} id="ratings" />
      <StageRatings pc={pc} plan={plan} node={view.node} />
      <PeriodRatings pc={pc} plan={plan} node={view.node} />
      {view.status && <KpiStatus pc={pc} status={view.status} />}

      {sheetNotes.length > 0 && (
        <p class="notice" id="source-note">
          {sheetNotes.map((n) => (
            <Localized pc={pc} ja={n.text} />
          ))}
        </p>
      )}
      {(node.situation || sheetNotes.length === 0) && (
        <section aria-labelledby="situation">
          <h2 id="situation">
            {node.situation
              ? t('initiative.situation', { fy: fyText(pc, node.situation.asOfFy) })
              : t('initiative.situationUndated')}
          </h2>
          {node.situation ? <Items pc={pc} items={node.situation.items} /> : <p>{t('common.notRecorded')}</p>}
        </section>
      )}
      {(node.challenges || sheetNotes.length === 0) && (
        <section aria-labelledby="challenges">
          <h2 id="challenges">
            {node.challenges
              ? t('initiative.challenges', { fy: fyText(pc, node.challenges.asOfFy) })
              : t('initiative.challengesUndated')}
          </h2>
          {node.challenges ? <Items pc={pc} items={node.challenges.items} /> : <p>{t('common.notRecorded')}</p>}
        </section>
      )}
      {(node.goal || sheetNotes.length === 0) && (
        <section aria-labelledby="goal">
          <h2 id="goal">{t('initiative.goal')}</h2>
          {/* A multi-line 目標 keeps its lines (8-2, 10-1). */}
          <p class="lines">{node.goal ? <Localized pc={pc} ja={node.goal} /> : t('common.notRecorded')}</p>
        </section>
      )}
      <SheetFieldSections pc={pc} fields={keyedFields(plan, 'portal')} node={node} />

      {(roadmap.length > 0 || sheetNotes.length === 0) && (
        <section aria-labelledby="roadmap">
          <h2 id="roadmap">{t('initiative.roadmap')}</h2>
          {roadmap.length === 0 ? (
            <p>{t('common.notRecorded')}</p>
          ) : (
            <TableScroll label={t('initiative.roadmapCaption')}>
              <table class="roadmap">
                <caption>{t('initiative.roadmapCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('table.fiscalYear')}</th>
                    <th scope="col">{t('initiative.plan')}</th>
                    <th scope="col">{t('initiative.actual')}</th>
                  </tr>
                </thead>
                <tbody>
                  {roadmap.map((r) => (
                    <tr>
                      <th scope="row">{fyText(pc, r.fy)}</th>
                      <td>{r.plan.length > 0 ? <Items pc={pc} items={r.plan} /> : '—'}</td>
                      <td>{r.actual.length > 0 ? <Items pc={pc} items={r.actual} /> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      )}

      <section aria-labelledby="indicators">
        <h2 id="indicators">{t('initiative.indicators')}</h2>
        {view.verdictCounts && <VerdictCounts pc={pc} fy={asOfFy} counts={view.verdictCounts} id="kpi-verdicts" />}
        {view.indicators.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          view.indicators.map((k, i) => (
            <IndicatorSection pc={pc} plan={plan} id={`kpi-${i + 1}`} view={k} asOfFy={asOfFy} />
          ))
        )}
      </section>

      {(view.previous || view.next) && (
        <nav class="pager" aria-label={t('initiative.neighbours')}>
          {view.previous && (
            <a class="pager__prev" rel="prev" href={pc.href(`${base}/initiatives/${segment(view.previous.code)}`)}>
              <span class="pager__label">{t('initiative.previous')}</span>
              {view.previous.code} <Localized pc={pc} ja={view.previous.title} en={view.previous.titleEn} />
            </a>
          )}
          {view.next && (
            <a class="pager__next" rel="next" href={pc.href(`${base}/initiatives/${segment(view.next.code)}`)}>
              <span class="pager__label">{t('initiative.next')}</span>
              {view.next.code} <Localized pc={pc} ja={view.next.title} en={view.next.titleEn} />
            </a>
          )}
        </nav>
      )}
    </PortalLayout>
  );
}
