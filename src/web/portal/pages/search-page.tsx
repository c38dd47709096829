import type { SearchResult } from '../../../app/index.ts';
import { resolveDepartments } from '../../../app/index.ts';
import { DepartmentsText } from '../components/departments-text.tsx';
import { FilterForm } from '../components/filter-fields.tsx';
import { fyText, scaleName } from '../components/format.ts';
import { Highlighted } from '../components/highlighted.tsx';
import { Localized } from '../components/localized.tsx';
import { rateText } from '../components/rate-text.ts';
import { PortalLayout } from '../layout.tsx';
import { type PlanPageProps, planChrome, planCrumbs } from '../plan-page-props.tsx';
import { segment } from '../portal-context.ts';
import type { SearchQuery } from '../portal-query.ts';

/** Search in Japanese with filters; a plain GET form, results rendered on the server. */
export function SearchPage(props: PlanPageProps & { results: SearchResult[]; query: SearchQuery }) {
  const { pc, pub, base, results, query } = props;
  const t = pc.t;
  const content = pub.content;
  const plan = content.plan;
  const scale = plan.ratingScales[0]!;
  const fy = pub.edition.fy;
  const q = query.q?.trim() ?? '';
  const asked =
    q !== '' || [query.goal, query.dept, query.min, query.max, query.sdg, query.status].some((v) => v !== undefined);
  const sep = pc.lang === 'ja' ? '、' : ', ';
  return (
    <PortalLayout
      pc={pc}
      title={q ? `${t('search.title')}: ${q}` : t('search.title')}
      plan={planChrome(props, 'search')}
      crumbs={planCrumbs(props, { label: t('search.title') })}
    >
      <h1>{t('search.title')}</h1>
      <FilterForm
        pc={pc}
        content={content}
        action={`${base}/search`}
        values={query}
        withSdg
        resetHref={pc.href(`${base}/search`)}
        submitLabel={t('search.submit')}
        before={
          <div class="filters__wide">
            <label for="f-q">{t('search.label')}</label>
            <input id="f-q" name="q" type="search" value={q} maxlength={200} aria-describedby="f-q-hint" />
            <p class="hint" id="f-q-hint">
              {t('search.hint')}
            </p>
          </div>
        }
      />
      {asked && (
        <section aria-labelledby="results">
          <h2 id="results">
            {q ? t('search.results', { q, n: results.length }) : t('search.resultsNoQuery', { n: results.length })}
          </h2>
          {results.length === 0 ? (
            <p>{t('search.none')}</p>
          ) : (
            <ol class="results">
              {results.map(({ row, hit }) => (
                <li>
                  <a href={pc.href(`${base}/initiatives/${segment(row.node.code)}`)}>
                    <span class="code">{row.node.code}</span>{' '}
                    {q ? (
                      <Highlighted text={pc.text(row.node.title, row.node.titleEn).value} query={q} />
                    ) : (
                      <Localized pc={pc} ja={row.node.title} en={row.node.titleEn} />
                    )}
                  </a>
                  <DepartmentsText
                    pc={pc}
                    base={base}
                    departments={resolveDepartments(content, row.node.departments)}
                  />
                  <p>
                    {fyText(pc, fy)} {scaleName(pc, plan)}: {rateText(pc, scale, row.current, plan.rollup.decimals)}
                  </p>
                  {hit && (
                    <p class="note">
                      {t('search.matchedIn', { fields: hit.fields.map((f) => t(`search.field.${f}`)).join(sep) })}
                    </p>
                  )}
                  {hit?.snippets.map((s) => (
                    <p>
                      <span class="snippet-field">{t(`search.field.${s.field}`)}：</span>
                      <span lang="ja">
                        <Highlighted text={s.text} query={q} />
                      </span>
                    </p>
                  ))}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </PortalLayout>
  );
}
