import { createRoute, OpenAPIHono, type RouteHandler, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  type AppContext,
  describeDepartment,
  describePlan,
  findPublicEdition,
  listAchievements,
  listPlanDepartments,
  listPublicPlanListings,
  searchInitiatives,
  withContent,
} from '../../app/index.ts';
import { timeZoneOf } from '../../domain/index.ts';
import { PageCache, renderedPage } from '../portal/page-cache.ts';
import { CURRENT_CACHE, PINNED_CACHE, sendHot } from '../portal/plan-page-handler.tsx';
import { ErrorBody, errorBody, notFoundJson, validationHook } from './api-errors.ts';
import { EXAMPLES } from './api-examples.ts';
import { code, DepartmentParams, EditionQuery, InitiativesQuery, OrgParams, PlanParams } from './api-params.ts';
import {
  type ApiScope,
  presentDepartment,
  presentEdition,
  presentGoal,
  presentInitiative,
  presentInitiativeRow,
} from './api-present.ts';
import { presentGoalDetail } from './api-present-goal.ts';
import { presentPlan } from './api-present-plan.ts';
import * as S from './api-schemas.ts';
import { PlanDetail } from './plan-schemas.ts';

const json = <T extends z.ZodType>(schema: T, description: string, example: unknown) => ({
  description,
  content: { 'application/json': { schema, example } },
});
const errors = {
  400: json(ErrorBody, 'Invalid parameter', EXAMPLES.badRequest),
  404: json(ErrorBody, 'Unknown organization, plan, edition or code', EXAMPLES.notFound),
};
interface Endpoint {
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body: z.ZodType;
  example: unknown;
}

interface Valid {
  param: Record<string, string>;
  query: Record<string, unknown>;
}

const PLAN = '/api/v1/organizations/{org}/plans/{plan}';

/**
 * The read API: published editions only, as JSON, with an OpenAPI 3.1 document at /api/v1/openapi.json.
 * Each endpoint is declared once (schemas, example) for the document and validated with the same schemas.
 * Bodies of one edition are computed once and kept (they never change), with the portal's cache policy.
 */
export function apiRoutes(ctx: AppContext): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const cache = new PageCache(1000);

  /**
   * Declares an endpoint in the document and serves it: the library validates path and query with the same
   * schemas (a refusal is validationHook's 400), then `handle` answers with what it found.
   */
  const endpoint = (e: Endpoint, handle: (c: Context, v: Valid) => Promise<Response>) => {
    const route = createRoute({
      method: 'get',
      path: e.path,
      summary: e.summary,
      request: { ...(e.params && { params: e.params }), ...(e.query && { query: e.query }) },
      responses: { 200: json(e.body, e.summary, e.example), ...errors },
    });
    const serve = async (c: Context) => {
      // What the route's validators kept (typed per route; this one helper serves them all).
      const valid = (c.req.valid as (target: 'param' | 'query') => Record<string, unknown>).bind(c.req);
      const v = {
        param: (e.params ? valid('param') : {}) as Record<string, string>,
        query: (e.query && valid('query')) || {},
      };
      try {
        return await handle(c, v);
      } catch (err) {
        const res = notFoundJson(c, err);
        if (res) return res;
        throw err;
      }
    };
    app.openapi(route, serve as unknown as RouteHandler<typeof route>);
  };

  /** Finds the edition, then serves the cached body or builds it; undefined from build means 404. */
  const resource = async (
    c: Context,
    v: Valid,
    build: (scope: ApiScope) => unknown,
    what: { ja: string; en: string } = { ja: '項目', en: 'item' },
  ): Promise<Response> => {
    const org = v.param.org ?? '';
    const plan = v.param.plan ?? '';
    const editionId = v.query.edition as string | undefined;
    const stamp = await findPublicEdition(ctx, { organizationSlug: org, planSlug: plan, editionId });
    const cacheControl = editionId ? PINNED_CACHE : CURRENT_CACHE;
    // The ids of the editions listed are part of the key: withdrawing one that is not current changes the list.
    const key = `${stamp.edition.id}|${stamp.editions.map((e) => e.id).join(',')}|${c.req.path}|${JSON.stringify(v.query)}`;
    const hit = cache.get(key);
    if (hit) return sendHot(c, hit, cacheControl);
    const pub = await withContent(ctx, stamp);
    const body = build({ pub, base: `/${org}/${plan}` });
    if (body === undefined) {
      return c.json(errorBody('not-found', { ja: `${what.ja}が見つかりません`, en: `${what.en} not found` }), 404);
    }
    const page = renderedPage(JSON.stringify(body), 200, 'application/json; charset=utf-8');
    cache.set(key, page);
    return sendHot(c, page, cacheControl);
  };

  const P = { params: PlanParams, query: EditionQuery };

  endpoint(
    {
      path: '/api/v1/organizations',
      summary: 'Organizations with published plans',
      body: z.array(S.Organization),
      example: EXAMPLES.organizations,
    },
    async (c) => {
      const listings = await listPublicPlanListings(ctx);
      return c.json(listings.filter((l) => l.plans.length > 0).map((l) => l.organization));
    },
  );

  endpoint(
    {
      path: '/api/v1/organizations/{org}/plans',
      summary: 'Published plans of an organization',
      params: OrgParams,
      body: z.array(S.PlanListing),
      example: EXAMPLES.plans,
    },
    async (c, v) => {
      const [listing] = await listPublicPlanListings(ctx, v.param.org);
      const org = listing?.organization.slug ?? '';
      return c.json(
        (listing?.plans ?? []).map((p) => ({
          slug: p.slug,
          title: p.title,
          titleEn: p.titleEn,
          currentEdition: presentEdition(p.edition, p.years, p.timeZone),
          url: `/${org}/${p.slug}/`,
        })),
      );
    },
  );

  endpoint(
    {
      path: PLAN,
      summary: 'A plan: achievement per year, distribution, goals',
      ...P,
      body: PlanDetail,
      example: EXAMPLES.plan,
    },
    (c, v) => resource(c, v, presentPlan),
  );

  endpoint(
    {
      path: `${PLAN}/editions`,
      summary: 'Published editions of a plan, newest first',
      params: PlanParams,
      body: z.array(S.EditionSummary),
      example: EXAMPLES.editions,
    },
    (c, v) =>
      resource(c, v, (s) =>
        s.pub.editions.map((e) => presentEdition(e, s.pub.content.plan, timeZoneOf(s.pub.content.organization))),
      ),
  );

  endpoint(
    {
      path: `${PLAN}/goals`,
      summary: 'Top-level goals with achievement per year',
      ...P,
      body: z.array(S.GoalSummary),
      example: EXAMPLES.goals,
    },
    (c, v) => resource(c, v, (s) => describePlan(s.pub.content, s.pub.edition.fy).goals.map((g) => presentGoal(s, g))),
  );

  endpoint(
    {
      path: `${PLAN}/goals/{code}`,
      summary: 'A goal with its initiatives',
      params: PlanParams.extend({ code: code('code', '1') }),
      query: EditionQuery,
      body: S.GoalDetail,
      example: EXAMPLES.goal,
    },
    (c, v) => resource(c, v, (s) => presentGoalDetail(s, v.param.code ?? ''), { ja: '目標', en: 'goal' }),
  );

  endpoint(
    {
      path: `${PLAN}/initiatives`,
      summary: 'Initiatives with ratings per year (filter, sort, search)',
      params: PlanParams,
      query: InitiativesQuery,
      body: z.array(S.InitiativeSummary),
      example: EXAMPLES.initiatives,
    },
    (c, v) =>
      resource(c, v, (s) => {
        const q = v.query as z.output<typeof InitiativesQuery>;
        const fy = s.pub.edition.fy;
        const rows = q.q?.trim()
          ? searchInitiatives(s.pub.content, q, fy).map((r) => r.row)
          : listAchievements(s.pub.content, q, fy);
        return rows.map((r) => presentInitiativeRow(s, r));
      }),
  );

  endpoint(
    {
      path: `${PLAN}/initiatives/{code}`,
      summary: 'An initiative: its sheet, indicators with progress, ratings',
      params: PlanParams.extend({ code: code('code', '1-3') }),
      query: EditionQuery,
      body: S.InitiativeDetail,
      example: EXAMPLES.initiative,
    },
    (c, v) => resource(c, v, (s) => presentInitiative(s, v.param.code ?? ''), { ja: '取組', en: 'initiative' }),
  );

  endpoint(
    {
      path: `${PLAN}/departments`,
      summary: 'Departments (課) responsible for initiatives',
      ...P,
      body: z.array(S.DepartmentSummary),
      example: EXAMPLES.departments,
    },
    (c, v) =>
      resource(c, v, (s) => listPlanDepartments(s.pub.content, s.pub.edition.fy).map((d) => presentDepartment(s, d))),
  );

  endpoint(
    {
      path: `${PLAN}/departments/{dept}`,
      summary: 'A department and its initiatives',
      params: DepartmentParams,
      query: EditionQuery,
      body: S.DepartmentDetail,
      example: EXAMPLES.department,
    },
    (c, v) =>
      resource(
        c,
        v,
        (s) => {
          const fy = s.pub.edition.fy;
          const d = describeDepartment(s.pub.content, v.param.dept ?? '', fy);
          if (!d) return undefined;
          const rows = listAchievements(s.pub.content, { dept: d.department.code }, fy);
          return { ...presentDepartment(s, d), initiatives: rows.map((r) => presentInitiativeRow(s, r)) };
        },
        { ja: '担当課', en: 'department' },
      ),
  );

  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Shinchoku public API',
      version: '1.0.0',
      description:
        'Read-only data of published plan editions (drafts are never included). The numbers are those the public portal prints. Content is returned as entered (Japanese); English fields are null when none was entered.',
    },
  });

  app.all('/api/*', (c) =>
    c.json(errorBody('not-found', { ja: 'API が見つかりません', en: 'No such API endpoint' }), 404),
  );
  return app;
}
