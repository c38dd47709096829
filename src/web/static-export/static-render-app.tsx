import { type Context, Hono } from 'hono';
import { type AppContext, getPublicEdition, type PublicPlanListing } from '../../app/index.ts';
import { assetRoutes } from '../portal/asset-routes.ts';
import { levelName } from '../portal/components/format.ts';
import { PageCache } from '../portal/page-cache.ts';
import { ErrorPage } from '../portal/pages/error-page.tsx';
import { PlansIndexPage } from '../portal/pages/plans-index-page.tsx';
import { planPage } from '../portal/plan-page-handler.tsx';
import { createPortalContext, segment } from '../portal/portal-context.ts';
import { langOf } from '../portal/portal-query.ts';
import { portalRoutes } from '../portal/portal-routes.tsx';
import { renderHtml } from '../portal/render-html.ts';
import { staticSiteMode } from '../portal/static-site-mode.ts';
import { reportRoutes } from '../report-routes.ts';
import { searchClientScript } from './search-client.ts';
import { buildStaticSearchData } from './search-data.ts';
import { StaticSearchPage } from './static-search-page.tsx';

const SLUG = '[a-z0-9][a-z0-9-]{0,62}';
const P = `/:org{${SLUG}}/:plan{${SLUG}}`;
const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });

/**
 * The portal as the static export renders it, in-process: the live portal's routes in static-site mode, plus
 * what only a static site needs (the search page variant, its search-index.json and script, a 404 page) and
 * index pages that list only the plans being exported.
 */
export function staticRenderApp(ctx: AppContext, listings: PublicPlanListing[]): Hono {
  const app = new Hono();
  const cache = new PageCache();
  app.use(staticSiteMode);
  const pcOf = (c: Context) =>
    createPortalContext({ lang: langOf(c.req.query()), editionParam: undefined, path: c.req.path, staticSite: true });

  app.get('/assets/search.js', () => {
    const script = searchClientScript();
    return new Response(script.body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  });
  app.route('/', assetRoutes());

  app.get('/', async (c) => html(await renderHtml(<PlansIndexPage pc={pcOf(c)} listings={listings} />)));
  app.get(`/:org{${SLUG}}/`, async (c) => {
    const listing = listings.filter((l) => l.organization.slug === c.req.param('org'));
    if (listing.length === 0) return c.text('not exported\n', 404);
    return html(await renderHtml(<PlansIndexPage pc={pcOf(c)} listings={listing} single />));
  });
  app.get('/404', async (c) => {
    const pc = pcOf(c);
    const plans = listings.flatMap((l) => l.plans.map((p) => ({ org: l.organization.slug, plan: p.slug })));
    // With one plan in the site, the page can point into it, as the portal's own 404 does.
    const only = plans.length === 1 ? plans[0]! : undefined;
    let links: { base: string; goalLevel: string } | undefined;
    if (only) {
      const pub = await getPublicEdition(ctx, { organizationSlug: only.org, planSlug: only.plan });
      const base = `/${segment(only.org)}/${segment(only.plan)}`;
      links = { base, goalLevel: levelName(pc, pub.content.plan, 1) };
    }
    return html(await renderHtml(<ErrorPage pc={pc} status={404} messages={[]} links={links} />), 404);
  });

  app.get(
    `${P}/search`,
    planPage(ctx, cache, null, (props) => (
      <StaticSearchPage {...props} scriptHref={`/assets/search.js?v=${searchClientScript().hash}`} />
    )),
  );
  app.get(
    `${P}/search-index.json`,
    planPage(ctx, cache, null, (props) => ({
      kind: 'file',
      body: `${JSON.stringify(buildStaticSearchData(props))}\n`,
      type: 'application/json; charset=utf-8',
      filename: 'search-index.json',
      asciiFilename: 'search-index.json',
    })),
  );
  app.route('/', reportRoutes(ctx));
  app.route('/', portalRoutes(ctx));
  return app;
}
