import type { InitiativeRow, PlanOverview } from '../../../app/index.ts';
import { listedTitle } from '../../../domain/index.ts';
import { FilterForm } from '../components/filter-fields.tsx';
import { fyText, overallTitle, scaleName, scaleParams } from '../components/format.ts';
import { Localized } from '../components/localized.tsx';
import { rateText } from '../components/rate-text.ts';
import { SortLinks } from '../components/sort-links.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { PortalLayout } from '../layout.tsx';
import { type PlanPageProps, planChrome, planCrumbs } from '../plan-page-props.tsx';
import { segment } from '../portal-context.ts';
import { LIST_SORTS, type ListQuery } from '../portal-query.ts';

/**
 * The 目標達成率一覧 as the document prints it (番号, 取組名, 担当課, one column per fiscal year, the overall mean
 * first), sortable and filterable through query parameters so it works without JavaScript.
 */
export function ListPage(props: PlanPageProps & { rows: InitiativeRow[]; query: ListQuery; overview: PlanOverview }) {
  const { pc, pub, base, rows, query, overview } = props;
  const t = pc.t;
  const content = pub.content;
  const plan = content.plan;
  const scale = plan.ratingScales[0]!;
  const decimals = plan.rollup.decimals;
  const deptName = new Map(content.departments.map((d) => [d.code, d]));
  const filtered = [query.goal, query.dept, query.min, query.max, query.status].some((v) => v !== undefined);
  const sortLabel = t(`list.sort.${query.sort}`, scaleParams(pc, plan));
  const scaleTitle = scaleName(pc, plan);
  const title = t('list.title', { scale: scaleTitle });
  return (
    <PortalLayout pc={pc} title={title} plan={planChrome(props, 'list')} crumbs={planCrumbs(props, { label: title })}>
      <h1>{title}</h1>
      {pc.staticSite ? (
        <SortLinks pc={pc} plan={plan} base={base} current={query.sort} />
      ) : (
        <FilterForm
          pc={pc}
          content={content}
          action={`${base}/list`}
          values={query}
          resetHref={pc.href(`${base}/list`)}
          submitLabel={t('list.apply')}
          before={
            <div>
              <label for="f-sort">{t('list.sort')}</label>
              <select id="f-sort" name="sort">
                {LIST_SORTS.map((s) => (
                  <option value={s} selected={s === query.sort}>
                    {t(`list.sort.${s}`, scaleParams(pc, plan))}
                  </option>
                ))}
              </select>
            </div>
          }
        />
      )}
      <p>
        {t('list.rows', { n: rows.length })} {t('list.sortedBy', { sort: sortLabel })}
      </p>
      <TableScroll label={t('list.caption', { sort: sortLabel, scale: scaleTitle })}>
        <table class="achievements">
          <caption>{t('list.caption', { sort: sortLabel, scale: scaleTitle })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.code')}</th>
              <th scope="col">{t('table.title')}</th>
              <th scope="col">{t('table.departments')}</th>
              {overview.fiscalYears.map((fy) => (
                <th scope="col">{fyText(pc, fy)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {!filtered && (
              <tr class="overall">
                <th scope="row" colspan={3}>
                  {overallTitle(pc, plan)}
                </th>
                {overview.overall.map((r) => (
                  <td class="num">{r.assessedCount === 0 ? '' : r.formatted}</td>
                ))}
              </tr>
            )}
            {rows.map((r) => (
              <tr>
                <td>{r.node.code}</td>
                <th scope="row">
                  <a href={pc.href(`${base}/initiatives/${segment(r.node.code)}`)}>
                    <Localized pc={pc} ja={listedTitle(plan, r.node)} en={r.node.titleEn} />
                  </a>
                </th>
                <td>
                  {r.node.departments.map((code, i) => {
                    const d = deptName.get(code);
                    return (
                      <>
                        {i > 0 && (pc.lang === 'ja' ? '、' : ', ')}
                        <Localized pc={pc} ja={d?.name ?? code} en={d?.nameEn} phrased />
                      </>
                    );
                  })}
                </td>
                {r.ratings.map((rating) => (
                  <td class="num">{rating.levelKey === null ? '' : rateText(pc, scale, rating, decimals)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </PortalLayout>
  );
}
