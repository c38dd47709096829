import { Hono } from 'hono';
import {
  type AppContext,
  describeGoal,
  describeInitiative,
  describePlan,
  isAppError,
  listPublicPlanListings,
} from '../../app/index.ts';
import { translator } from '../i18n/index.ts';
import { PageCache, renderedPage } from './page-cache.ts';
import { GoalPage } from './pages/goal-page.tsx';
import { InitiativePage } from './pages/initiative-page.tsx';
import { PlanHomePage } from './pages/plan-home-page.tsx';
import { PlansIndexPage } from './pages/plans-index-page.tsx';
import { CURRENT_CACHE, plainContext, planPage, sendError, sendPage } from './plan-page-handler.tsx';
import { commonQuery, langOf, parseQuery } from './portal-query.ts';
import { renderHtml } from './render-html.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

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
  void SLUG;
  return app;
}
