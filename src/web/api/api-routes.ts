import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  type AppContext,
  describeDepartment,
  describeGoal,
  describePlan,
  findPublicEdition,
  isAppError,
  listAchievements,
  listPlanDepartments,
  listPublicPlanListings,
  searchInitiatives,
  withContent,
} from '../../app/index.ts';
import { PageCache, renderedPage } from '../portal/page-cache.ts';
import { CURRENT_CACHE, PINNED_CACHE, sendHot } from '../portal/plan-page-handler.tsx';
import { EXAMPLES } from './api-examples.ts';
import {
  type ApiScope,
  presentDepartment,
  presentDimension,
  presentEdition,
  presentGoal,
  presentInitiative,
  presentInitiativeRow,
} from './api-present.ts';
import { presentPlan } from './api-present-plan.ts';
import * as S from './api-schemas.ts';
import { PlanDetail } from './plan-schemas.ts';

const slug = (name: string, example: string) =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .openapi({ param: { name, in: 'path' }, example });
const code = (name: string, example: string) =>
  z
    .string()
    .regex(/^[^\s/?#%\\]{1,40}$/)
    .openapi({ param: { name, in: 'path' }, example });
const OrgParams = z.object({ org: slug('org', 'ogori') });
const PlanParams = OrgParams.extend({ plan: slug('plan', 'action-plan-2') });
const EditionQuery = z.object({
  edition: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,64}$/)
    .optional()
    .openapi({ description: 'A published edition id; the current edition when absent' }),
});
const pct = z.coerce.number().min(0).max(100).optional();
const InitiativesQuery = EditionQuery.extend({
  sort: z.enum(['code', 'rating-desc', 'rating-asc', 'department']).default('code'),
  q: z.string().max(200).optional().openapi({ description: 'Words that must all occur (Japanese partial match)' }),
  goal: z
    .string()
    .regex(/^[^\s/?#%\\]{1,40}$/)
    .optional(),
  dept: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .optional(),
  min: pct,
  max: pct,
  sdg: z.coerce.number().int().min(1).max(17).optional(),
  status: z.enum(['active', 'completed', 'abolished', 'merged', 'split']).optional(),
});

const json = <T extends z.ZodType>(schema: T, description: string, example: unknown) => ({
  description,
  content: { 'application/json': { schema, example } },
});
const errors = {
  400: json(S.ErrorBody, 'Invalid parameter', EXAMPLES.badRequest),
  404: json(S.ErrorBody, 'Unknown organization, plan, edition or code', EXAMPLES.notFound),
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

/** "/a/{org}/b" → "/a/:org/b" */
const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

const PLAN = '/api/v1/organizations/{org}/plans/{plan}';

/** Error bodies in both languages; `issues` lists what failed validation. */
function errorBody(code: string, ja: string, en: string, issues?: { path: string; message: string }[]) {
  return { error: { code, message: ja, messageEn: en, ...(issues && { issues }) } };
}

/**
 * The read API: published editions only, as JSON, with an OpenAPI 3.1 document at /api/v1/openapi.json.
 * Each endpoint is declared once (schemas, example) for the document and validated with the same schemas.
 * Bodies of one edition are computed once and kept (they never change), with the portal's cache policy.
 */
export function apiRoutes(ctx: AppContext): OpenAPIHono {
  const app = new OpenAPIHono();
  const cache = new PageCache(1000);

  const notFoundJson = (c: Context, e: unknown) =>
    isAppError(e) && e.status === 404 ? c.json(errorBody(e.code, e.messageJa, e.messageEn), 404) : undefined;

  /** Declares an endpoint in the document and serves it after validating path and query with its schemas. */
  const endpoint = (e: Endpoint, handle: (c: Context, v: Valid) => Promise<Response>) => {
    app.openAPIRegistry.registerPath({
      method: 'get',
      path: e.path,
      summary: e.summary,
      request: { ...(e.params && { params: e.params }), ...(e.query && { query: e.query }) },
      responses: { 200: json(e.body, e.summary, e.example), ...errors },
    });
    app.get(honoPath(e.path), async (c) => {
      const param = (e.params ?? z.object({})).safeParse(c.req.param());
      const query = (e.query ?? z.object({})).safeParse(c.req.query());
      if (!param.success || !query.success) {
        const issues = [...(param.error?.issues ?? []), ...(query.error?.issues ?? [])].map((i) => ({
          path: i.path.join('.'),
          message: i.message,
        }));
        return c.json(errorBody('invalid-input', 'パラメータの値が正しくありません', 'Invalid parameter', issues), 400);
      }
      try {
        return await handle(c, { param: param.data as Record<string, string>, query: query.data });
      } catch (err) {
        const res = notFoundJson(c, err);
        if (res) return res;
        throw err;
      }
    });
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
      return c.json(errorBody('not-found', `${what.ja}が見つかりません`, `${what.en} not found`), 404);
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
          currentEdition: presentEdition(p.edition, p.years),
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
    (c, v) => resource(c, v, (s) => s.pub.editions.map((e) => presentEdition(e, s.pub.content.plan))),
  );

  endpoint(
    {
      path: `${PLAN}/goals`,
      summary: 'Top-level goals with achievement per year',
      ...P,
      body: z.array(S.GoalSummary),
      example: EXAMPLES.goals,
    },
    (c, v) =>
      resource(c, v, (s) =>
        describePlan(s.pub.content, s.pub.edition.fy).goals.map((g) =>
          presentGoal(s, { ...g, count: g.initiatives.length }),
        ),
      ),
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
    (c, v) =>
      resource(
        c,
        v,
        (s) => {
          const fy = s.pub.edition.fy;
          const g = describeGoal(s.pub.content, v.param.code ?? '', fy);
          if (!g) return undefined;
          const rows = listAchievements(s.pub.content, { goal: g.node.code }, fy);
          return {
            ...presentGoal(s, { node: g.node, rollups: g.rollups, count: rows.length }),
            level: g.node.separateGroup ? null : { ja: g.level.ja, en: g.level.en ?? g.level.ja },
            ownRatings: g.ownRatings.map((d) => presentDimension(d, s.pub.content.plan)),
            initiatives: rows.map((r) => presentInitiativeRow(s, r)),
          };
        },
        { ja: '目標', en: 'goal' },
      ),
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
      params: PlanParams.extend({ dept: slug('dept', 'sports-shinko') }),
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

  app.all('/api/*', (c) => c.json(errorBody('not-found', 'API が見つかりません', 'No such API endpoint'), 404));
  return app;
}
