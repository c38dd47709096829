import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppContext,
  buildPageViews,
  fillPageViews,
  findPublicEdition,
  freshPageView,
  listEditionViews,
  PAGE_VIEWS_VERSION,
  type PublicEditionStamp,
  publishEdition,
  systemActor,
  withContent,
  withdrawEdition,
} from '../../src/app/index.ts';
import { walkNodes } from '../../src/domain/index.ts';
import { getEditionView, listEditions } from '../../src/store/index.ts';
import { portalRoutes } from '../../src/web/portal/portal-routes.tsx';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const EXAMPLES = ['komorebi', 'minamikaze', 'wrenmoor', 'hoshizora', 'harrowfield'];
/** Per plan of each example: paths compared, and how many of them are pages (the others are the 404s asked). */
const EXPECTED_PAGES: Record<string, { pages: number; found: number }[]> = {
  komorebi: [
    { pages: 48, found: 44 },
    { pages: 51, found: 47 },
  ],
  minamikaze: [{ pages: 71, found: 67 }],
  wrenmoor: [{ pages: 37, found: 33 }],
  hoshizora: [{ pages: 71, found: 67 }],
  harrowfield: [{ pages: 41, found: 37 }],
};
const readExample = (city: string) =>
  JSON.parse(readFileSync(new URL(`../../data/examples/${city}/bundle.json`, import.meta.url), 'utf8'));

/** Every page of a plan's current edition that is drawn from stored views, in both languages. */
async function portalPaths(ctx: AppContext, stamp: PublicEditionStamp, bothLanguages: boolean): Promise<string[]> {
  const base = `/${stamp.organization.slug}/${stamp.planSlug}`;
  const { content } = await withContent(ctx, stamp);
  const nodes = [...walkNodes(content.plan)].map((w) => w.node);
  const goals = nodes.filter((n) => n.children.length > 0);
  const leaves = nodes.filter((n) => n.children.length === 0);
  const departments = [
    ...new Set([...content.departments.map((d) => d.code), ...leaves.flatMap((n) => n.departments)]),
  ];
  const paths = [
    '/',
    '/list',
    '/list?sort=rating-desc',
    '/list?sort=department',
    `/list?goal=${encodeURIComponent(goals[0]?.code ?? '')}`,
    `/list?dept=${encodeURIComponent(departments[0] ?? '')}`,
    '/search',
    `/search?q=${encodeURIComponent(leaves[0]!.title.slice(0, 4))}`,
    `/search?q=${encodeURIComponent(leaves[1]!.title.slice(0, 2))}&dept=${encodeURIComponent(departments[0] ?? '')}`,
    '/departments/',
    '/downloads',
    '/editions',
    ...goals.map((g) => `/goals/${encodeURIComponent(g.code)}`),
    ...leaves.map((n) => `/initiatives/${encodeURIComponent(n.code)}`),
    ...departments.map((d) => `/departments/${encodeURIComponent(d)}`),
    // Codes the edition does not have, or has as the other kind: the 404 page drawn from the frame.
    '/goals/no-such-goal',
    `/goals/${encodeURIComponent(leaves[0]!.code)}`,
    `/initiatives/${encodeURIComponent(goals[0]?.code ?? 'x')}`,
    '/departments/no-such-dept',
    `/?edition=${stamp.edition.id}`,
  ];
  return paths.flatMap((p, i) => {
    const path = `${base}${p}`;
    // The other language of every page, or (for the examples) of the plan-wide pages.
    return bothLanguages || i < 12 ? [path, `${path}${path.includes('?') ? '&' : '?'}lang=en`] : [path];
  });
}

/** Each page as the portal draws it from the stored views and as it draws it from the whole content. */
async function expectStoredEqualsFresh(
  ctx: AppContext,
  stamp: PublicEditionStamp,
  bothLanguages: boolean,
): Promise<{ pages: number; found: number }> {
  const stored = portalRoutes(ctx);
  const fresh = portalRoutes(ctx, { pageViews: freshPageView });
  const paths = await portalPaths(ctx, stamp, bothLanguages);
  let found = 0;
  for (const path of paths) {
    const [a, b] = await Promise.all([stored.request(path), fresh.request(path)]);
    const [textA, textB] = await Promise.all([a.text(), b.text()]);
    expect({ path, status: a.status, etag: a.headers.get('etag') }).toEqual({
      path,
      status: b.status,
      etag: b.headers.get('etag'),
    });
    expect(textA).toBe(textB);
    if (a.status === 200) found++;
  }
  return { pages: paths.length, found };
}

const ORG = 'ogori';
const PLAN = 'action-plan-2';

for (const dialect of DIALECTS) {
  describe(`stored page views on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect });
    });
    afterAll(() => server.close());

    const current = () => findPublicEdition(server.ctx, { organizationSlug: ORG, planSlug: PLAN });

    it('stores a view per page of the seeded edition, each equal to one computed now from its content', async () => {
      const stamp = await current();
      const key = { organizationId: stamp.organization.id, editionId: stamp.edition.id };
      const fresh = buildPageViews((await withContent(server.ctx, stamp)).content, stamp.edition.fy);
      const pages = (await listEditionViews(server.ctx, key, PAGE_VIEWS_VERSION)).filter((n) => n.startsWith('page/'));
      // Ogori: home, list, search, departments, the frame, 16 goals, 40 initiatives and its 課.
      expect(pages).toEqual(fresh.map((v) => v.name).sort());
      expect(pages).toContain('page/goal/3');
      expect(pages).toContain('page/initiative/継1');
      for (const view of fresh) {
        const row = await getEditionView(server.ctx.store.db, key.organizationId, key.editionId, view.name);
        expect({ name: view.name, body: row?.body }).toEqual({ name: view.name, body: view.body });
      }
    });

    it('computes missing views (an older release, an old backup) on the first request, or at start-up', async () => {
      const stamp = await current();
      const key = { organizationId: stamp.organization.id, editionId: stamp.edition.id };
      const pageRows = async () =>
        (await listEditionViews(server.ctx, key, PAGE_VIEWS_VERSION)).filter((n) => n.startsWith('page/')).length;
      const removeAll = () => server.ctx.store.db.deleteFrom('edition_views').where('name', 'like', 'page/%').execute();
      const expected = await pageRows();
      await removeAll();
      const res = await portalRoutes(server.ctx).request(`/${ORG}/${PLAN}/goals/3`);
      expect(res.status).toBe(200);
      expect(await pageRows()).toBe(expected);
      await removeAll();
      const editions = await listEditions(server.ctx.store.db, key.organizationId, stamp.edition.planId);
      expect(await fillPageViews(server.ctx)).toBe(editions.length);
      expect(await pageRows()).toBe(expected);
      expect(await fillPageViews(server.ctx)).toBe(0);
    });

    it('serves a new edition without reading its content; withdrawn, the previous one is served again', async () => {
      const before = await current();
      const home = `/${ORG}/${PLAN}/`;
      const previousHome = await (await server.get(home)).text();
      const published = await publishEdition({
        ctx: server.ctx,
        actor: systemActor('test'),
        organizationSlug: ORG,
        planSlug: PLAN,
        name: '令和4年度実績反映版（第2刷）',
        fy: 2022,
      });
      // Its content made unreadable behind the app's back: a page that read it would fail on the checksum.
      await server.ctx.store.db.updateTable('editions').set({ content: '{}' }).where('id', '=', published.id).execute();
      for (const path of [home, `/${ORG}/${PLAN}/goals/3`, `/${ORG}/${PLAN}/list?sort=rating-asc`]) {
        const res = await server.get(`${path}${path.includes('?') ? '&' : '?'}edition=${published.id}`);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        expect(await res.text()).toContain('令和4年度実績反映版（第2刷）');
      }
      const json = await server.get(`/${ORG}/${PLAN}/downloads/edition.json?edition=${published.id}`);
      expect(json.status).toBe(500);

      await withdrawEdition({
        ctx: server.ctx,
        actor: systemActor('test'),
        organizationSlug: ORG,
        planSlug: PLAN,
        editionId: published.id,
        reason: 'テスト',
      });
      const after = await current();
      expect(after.edition.id).toBe(before.edition.id);
      // A portal without pages in memory (the server's hot path repeats the current page for up to a second).
      expect(await (await portalRoutes(server.ctx).request(home)).text()).toBe(previousHome);
      const editions = await listEditions(server.ctx.store.db, before.organization.id, before.edition.planId);
      expect(editions.find((e) => e.id === published.id)?.withdrawnAt).not.toBeNull();
    });
  });
}

// Drawing pages does not depend on the database, so the page-by-page comparison runs on one.
describe('pages drawn from stored views equal pages drawn from the whole content', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ bundles: () => [readOgoriBundle(), ...EXAMPLES.map(readExample)] });
  });
  afterAll(() => server.close());

  it('Ogori: every page in both languages, with filters, sorting, search and 404s', async () => {
    const stamp = await findPublicEdition(server.ctx, { organizationSlug: ORG, planSlug: PLAN });
    // 94 paths (plan-wide pages, each goal, initiative and 課, 4 codes it does not have), each in ja and en.
    expect(await expectStoredEqualsFresh(server.ctx, stamp, true)).toEqual({ pages: 188, found: 180 });
  });

  for (const city of EXAMPLES) {
    it(`${city} (other shapes, scales and languages): every page of each plan`, async () => {
      const bundle = readExample(city);
      const organizationSlug: string = bundle.organization.slug;
      const counts = [];
      for (const plan of bundle.plans as { slug: string }[]) {
        const stamp = await findPublicEdition(server.ctx, { organizationSlug, planSlug: plan.slug });
        counts.push(await expectStoredEqualsFresh(server.ctx, stamp, false));
      }
      expect(counts).toEqual(EXPECTED_PAGES[city]);
    });
  }
});
