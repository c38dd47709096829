import { type Context, Hono } from 'hono';
import {
  type AppContext,
  comparePublicEditions,
  editionKey,
  filterRows,
  isAppError,
  listPublicPlanListings,
  type PageViewSource,
  type PublicEditionStamp,
  searchRows,
  sortAchievements,
  storedPageView,
  withContent,
} from '../../app/index.ts';
import { csvWithBom, editionFile, pdfAvailable } from '../../reports/index.ts';
import { translator } from '../i18n/index.ts';
import { PageCache, renderedPage } from './page-cache.ts';
import { ComparePage } from './pages/compare-page.tsx';
import { DepartmentPage, DepartmentsIndexPage } from './pages/department-page.tsx';
import { DownloadsPage } from './pages/downloads-page.tsx';
import { EditionsPage } from './pages/editions-page.tsx';
import { GoalPage } from './pages/goal-page.tsx';
import { InitiativePage } from './pages/initiative-page.tsx';
import { ListPage } from './pages/list-page.tsx';
import { PlanHomePage } from './pages/plan-home-page.tsx';
import { PlansIndexPage } from './pages/plans-index-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { CURRENT_CACHE, type FileOutput, plainContext, planPage, sendError, sendPage } from './plan-page-handler.tsx';
import type { PlanPageProps } from './plan-page-props.tsx';
import { commonQuery, compareQuery, csvQuery, langOf, listQuery, parseQuery, searchQuery } from './portal-query.ts';
import { renderHtml } from './render-html.ts';

/** Download names: "ogori-action-plan-2-令和4年度実績反映版.csv", in ASCII "ogori-action-plan-2-fy2022.csv". */
function fileNames(pub: PublicEditionStamp, suffix: string): { filename: string; asciiFilename: string } {
  const stem = `${pub.organization.slug}-${pub.planSlug}`;
  const name = pub.edition.name.replace(/[\\/:*?"<>|\s]+/g, '-');
  return { filename: `${stem}-${name}${suffix}`, asciiFilename: `${stem}-fy${pub.edition.fy}${suffix}` };
}

/**
 * A CSV download stored with its edition (see src/reports/edition-files.ts): one small row instead of the
 * edition's whole content.
 */
function storedCsv(ctx: AppContext, name: 'csv/edition' | 'csv/indicators' | 'csv/rollup', suffix: string) {
  return async (found: PublicEditionStamp, query: { bom?: '1' | undefined }): Promise<FileOutput> => {
    const file = await editionFile(ctx, editionKey(found), name, async () => withContent(ctx, found));
    return {
      kind: 'file',
      body: query.bom === '1' ? csvWithBom(file.body) : file.body,
      type: 'text/csv; charset=utf-8',
      ...fileNames(found, suffix),
    };
  };
}

/** The JSON download: the edition's identity and its frozen content, exactly as published. */
function editionJson(props: PlanPageProps) {
  const e = props.pub.edition;
  return {
    format: 'shinchoku-edition/v1',
    edition: { id: e.id, name: e.name, fy: e.fy, publishedAt: e.publishedAt, contentSha256: e.contentSha256 },
    content: props.pub.content,
  };
}

/**
 * The public portal: published plans for citizens, council and press. Reads published editions only, each page
 * from the views stored with its edition (`pageViews` lets the test that they never drift draw them fresh).
 */
export function portalRoutes(ctx: AppContext, options: { pageViews?: PageViewSource } = {}): Hono {
  const app = new Hono();
  // Pages with query parameters (filters, search words) have a cache of their own: anonymous requests with ever
  // new parameters then cannot push the plan's fixed pages out of memory.
  const cache = new PageCache();
  const queryCache = new PageCache(500);

  const indexPage = (orgSlug?: string) => async (c: Context) => {
    const raw = c.req.query();
    const lang = langOf(raw);
    const common = parseQuery(commonQuery, raw, translator(lang));
    const pc = plainContext(c, lang);
    if (!common.ok) return sendError(c, pc, 400, common.messages);
    try {
      const listings = await listPublicPlanListings(ctx, orgSlug);
      // An organization whose every published plan is English has its page in English unless ?lang=ja asks.
      const plans = listings.flatMap((l) => l.plans);
      const english = orgSlug !== undefined && plans.length > 0 && plans.every((p) => p.years.language === 'en');
      const primary = english ? 'en' : 'ja';
      const asked = raw.lang === 'en' || raw.lang === 'ja' ? raw.lang : primary;
      const page = plainContext(c, asked, primary);
      const html = await renderHtml(<PlansIndexPage pc={page} listings={listings} single={orgSlug !== undefined} />);
      return sendPage(c, renderedPage(html), CURRENT_CACHE);
    } catch (e) {
      if (isAppError(e) && e.status === 404) return sendError(c, pc, 404, [lang === 'ja' ? e.messageJa : e.messageEn]);
      throw e;
    }
  };

  app.get('/', indexPage());
  app.get('/:org{[a-z0-9][a-z0-9-]{0,62}}/', (c) => indexPage(c.req.param('org'))(c));
  // Addresses without the trailing slash lead to the canonical one.
  app.get('/:org{[a-z0-9][a-z0-9-]{0,62}}', (c) => c.redirect(`${c.req.path}/${new URL(c.req.url).search}`, 301));
  app.get('/:org{[a-z0-9][a-z0-9-]{0,62}}/:plan{[a-z0-9][a-z0-9-]{0,62}}', (c) =>
    c.redirect(`${c.req.path}/${new URL(c.req.url).search}`, 301),
  );

  const P = '/:org{[a-z0-9][a-z0-9-]{0,62}}/:plan{[a-z0-9][a-z0-9-]{0,62}}';
  const source = options.pageViews ?? storedPageView;
  const param = (name: string) => (c: Context) => c.req.param(name) ?? '';
  app.get(
    `${P}/`,
    planPage(ctx, cache, null, (props, _q, _c, summary) => <PlanHomePage {...props} summary={summary} />, {
      view: { kind: 'home', source },
    }),
  );
  app.get(
    `${P}/goals/:code`,
    planPage(ctx, cache, null, (props, _q, _c, view) => <GoalPage {...props} view={view} />, {
      view: { kind: 'goal', code: param('code'), source },
    }),
  );
  app.get(
    `${P}/initiatives/:code`,
    planPage(
      ctx,
      cache,
      null,
      (props, _q, _c, view) => <InitiativePage {...props} view={view} asOfFy={props.pub.edition.fy} />,
      { view: { kind: 'initiative', code: param('code'), source } },
    ),
  );
  app.get(
    `${P}/list`,
    planPage(
      ctx,
      cache,
      listQuery,
      (props, query, _c, { rows, overview }) => {
        const sorted = sortAchievements(filterRows(rows, query), props.pub.content.departments, query.sort);
        return <ListPage {...props} rows={sorted} query={query} overview={overview} />;
      },
      { view: { kind: 'list', source }, queryCache },
    ),
  );
  app.get(
    `${P}/departments/`,
    planPage(ctx, cache, null, (props, _q, _c, views) => <DepartmentsIndexPage {...props} views={views} />, {
      view: { kind: 'departments', source },
    }),
  );
  app.get(
    `${P}/departments/:dept`,
    planPage(ctx, cache, null, (props, _q, _c, view) => <DepartmentPage {...props} view={view} />, {
      view: { kind: 'department', code: param('dept'), source },
    }),
  );
  app.get(
    `${P}/search`,
    planPage(
      ctx,
      cache,
      searchQuery,
      (props, query, _c, { rows, index }) => {
        const results = searchRows(filterRows(rows, query), index, query.q);
        return <SearchPage {...props} results={results} query={query} />;
      },
      { view: { kind: 'search', source }, queryCache },
    ),
  );
  app.get(
    `${P}/downloads`,
    planPage(ctx, cache, null, (props) => <DownloadsPage {...props} pdf={pdfAvailable()} />, {
      view: { kind: 'frame', source },
    }),
  );
  // The files themselves come from `stored`; the render function is only the pipeline's fallback type.
  const noRender = () => null;
  app.get(
    `${P}/downloads/edition.csv`,
    planPage(ctx, cache, csvQuery, noRender, { stored: storedCsv(ctx, 'csv/edition', '.csv') }),
  );
  app.get(
    `${P}/downloads/indicators.csv`,
    planPage(ctx, cache, csvQuery, noRender, { stored: storedCsv(ctx, 'csv/indicators', '-indicators.csv') }),
  );
  app.get(
    `${P}/downloads/rollup.csv`,
    planPage(ctx, cache, csvQuery, noRender, { stored: storedCsv(ctx, 'csv/rollup', '-rollup.csv') }),
  );
  app.get(
    `${P}/downloads/edition.json`,
    planPage(ctx, cache, null, (props) => ({
      kind: 'file',
      body: `${JSON.stringify(editionJson(props), null, 2)}\n`,
      type: 'application/json; charset=utf-8',
      ...fileNames(props.pub, '.json'),
    })),
  );
  app.get(
    `${P}/editions`,
    // The list grows on publish, so it is keyed by the editions there are and always revalidated.
    planPage(ctx, cache, null, (props) => <EditionsPage {...props} />, {
      cacheControl: () => CURRENT_CACHE,
      stampOf: (ids) => ids.join(','),
      view: { kind: 'frame', source },
    }),
  );
  app.get(
    `${P}/compare`,
    // Like the editions list: the default pair is the newest two, so the key holds the editions there are.
    planPage(
      ctx,
      cache,
      compareQuery,
      async (props, query) => {
        const known = (id: string | undefined) => id === undefined || props.pub.editions.some((e) => e.id === id);
        if (!known(query.from) || !known(query.to)) return null;
        return <ComparePage {...props} cmp={await comparePublicEditions(ctx, props.pub, query)} />;
      },
      // The page reads both editions itself; the current one gives only the plan's frame around it.
      {
        cacheControl: () => CURRENT_CACHE,
        stampOf: (ids) => ids.join(','),
        view: { kind: 'frame', source },
        queryCache,
      },
    ),
  );
  // Anything else a reader may type: the helpful 404 page rather than a bare "Not Found".
  app.get('*', (c) => {
    const lang = langOf(c.req.query());
    const pc = plainContext(c, lang);
    return sendError(c, pc, 404, [pc.t('error.unknownItem', { item: c.req.path })]);
  });
  return app;
}
