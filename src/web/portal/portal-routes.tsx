import { Hono } from 'hono';
import {
  type AppContext,
  describeDepartment,
  describeGoal,
  describeInitiative,
  describePlan,
  editionKey,
  isAppError,
  listAchievements,
  listPlanDepartments,
  listPublicPlanListings,
  type PublicEditionStamp,
  searchInitiatives,
  withContent,
} from '../../app/index.ts';
import { csvWithBom, editionFile, pdfAvailable } from '../../reports/index.ts';
import { translator } from '../i18n/index.ts';
import { PageCache, renderedPage } from './page-cache.ts';
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
import { commonQuery, csvQuery, langOf, listQuery, parseQuery, searchQuery } from './portal-query.ts';
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

/** The public portal: published plans for citizens, council and press. Reads published editions only. */
export function portalRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  const cache = new PageCache();

  const indexPage = (orgSlug?: string) => async (c: import('hono').Context) => {
    const raw = c.req.query();
    const lang = langOf(raw);
    const common = parseQuery(commonQuery, raw, translator(lang));
    const pc = plainContext(c, lang);
    if (!common.ok) return sendError(c, pc, 400, common.messages);
    try {
      const listings = await listPublicPlanListings(ctx, orgSlug);
      const html = await renderHtml(<PlansIndexPage pc={pc} listings={listings} single={orgSlug !== undefined} />);
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
  app.get(
    `${P}/`,
    planPage(ctx, cache, null, (props) => {
      const summary = describePlan(props.pub.content, props.pub.edition.fy);
      return <PlanHomePage {...props} summary={summary} />;
    }),
  );
  app.get(
    `${P}/goals/:code`,
    planPage(ctx, cache, null, (props, _q, c) => {
      const view = describeGoal(props.pub.content, c.req.param('code') ?? '', props.pub.edition.fy);
      return view ? <GoalPage {...props} view={view} /> : null;
    }),
  );
  app.get(
    `${P}/initiatives/:code`,
    planPage(ctx, cache, null, (props, _q, c) => {
      const fy = props.pub.edition.fy;
      const view = describeInitiative(props.pub.content, c.req.param('code') ?? '', fy);
      return view ? <InitiativePage {...props} view={view} asOfFy={fy} /> : null;
    }),
  );
  app.get(
    `${P}/list`,
    planPage(ctx, cache, listQuery, (props, query) => {
      const fy = props.pub.edition.fy;
      const rows = listAchievements(props.pub.content, query, fy);
      const overview = describePlan(props.pub.content, fy);
      return <ListPage {...props} rows={rows} query={query} overview={overview} />;
    }),
  );
  app.get(
    `${P}/departments/`,
    planPage(ctx, cache, null, (props) => (
      <DepartmentsIndexPage {...props} views={listPlanDepartments(props.pub.content, props.pub.edition.fy)} />
    )),
  );
  app.get(
    `${P}/departments/:dept`,
    planPage(ctx, cache, null, (props, _q, c) => {
      const view = describeDepartment(props.pub.content, c.req.param('dept') ?? '', props.pub.edition.fy);
      return view ? <DepartmentPage {...props} view={view} /> : null;
    }),
  );
  app.get(
    `${P}/search`,
    planPage(ctx, cache, searchQuery, (props, query) => {
      const results = searchInitiatives(props.pub.content, query, props.pub.edition.fy);
      return <SearchPage {...props} results={results} query={query} />;
    }),
  );
  app.get(
    `${P}/downloads`,
    planPage(ctx, cache, null, (props) => <DownloadsPage {...props} pdf={pdfAvailable()} />),
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
    }),
  );
  // Anything else a reader may type: the helpful 404 page rather than a bare "Not Found".
  app.get('*', (c) => {
    const lang = langOf(c.req.query());
    const pc = plainContext(c, lang);
    return sendError(c, pc, 404, [pc.t('error.unknownItem', { item: c.req.path })]);
  });
  return app;
}
