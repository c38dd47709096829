import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReviewComment, saveReport, systemActor } from '../../src/app/index.ts';
import { ORG_A, ORG_B } from '../harness/two-organizations.ts';
import { type FuzzRoute, listRoutes } from './fuzz-requests.ts';
import { createSecurityFixture, type SecurityFixture } from './security-fixture.ts';

/**
 * The other half of the authorization matrix (test/staff/authorization-matrix.test.ts covers /staff): every
 * route outside the workspace, taken from the Hono route table, is public and read-only, shows published
 * editions only and one organization's data only. A new public route fails here until it is listed.
 */
const S = '[a-z0-9][a-z0-9-]{0,62}';
const P = `/:org{${S}}/:plan{${S}}`;
const PUBLIC_ROUTES: Record<string, 'org' | 'none'> = {
  'GET /healthz': 'none',
  'GET /readyz': 'none',
  'GET /assets/fonts/:file': 'none',
  'GET /assets/:name': 'none',
  'GET /api/v1/organizations': 'none',
  'GET /api/v1/openapi.json': 'none',
  'GET /api/v1/organizations/:org/plans': 'org',
  'GET /api/v1/organizations/:org/plans/:plan': 'org',
  'GET /api/v1/organizations/:org/plans/:plan/editions': 'org',
  'GET /api/v1/organizations/:org/plans/:plan/goals': 'org',
  'GET /api/v1/organizations/:org/plans/:plan/goals/:code': 'org',
  'GET /api/v1/organizations/:org/plans/:plan/initiatives': 'org',
  'GET /api/v1/organizations/:org/plans/:plan/initiatives/:code': 'org',
  'GET /api/v1/organizations/:org/plans/:plan/departments': 'org',
  'GET /api/v1/organizations/:org/plans/:plan/departments/:dept': 'org',
  [`GET ${P}/downloads/edition.pdf`]: 'org',
  'GET /': 'none',
  [`GET /:org{${S}}/`]: 'org',
  [`GET /:org{${S}}`]: 'org',
  [`GET ${P}`]: 'org',
  [`GET ${P}/`]: 'org',
  [`GET ${P}/goals/:code`]: 'org',
  [`GET ${P}/initiatives/:code`]: 'org',
  [`GET ${P}/list`]: 'org',
  [`GET ${P}/departments/`]: 'org',
  [`GET ${P}/departments/:dept`]: 'org',
  [`GET ${P}/search`]: 'org',
  [`GET ${P}/downloads`]: 'org',
  [`GET ${P}/downloads/edition.csv`]: 'org',
  [`GET ${P}/downloads/indicators.csv`]: 'org',
  [`GET ${P}/downloads/rollup.csv`]: 'org',
  [`GET ${P}/downloads/edition.json`]: 'org',
  [`GET ${P}/downloads/edition.xlsx`]: 'org',
  [`GET ${P}/editions`]: 'org',
  [`GET ${P}/compare`]: 'org',
  'GET /*': 'none',
};

const DRAFT = '未公開の下書きマーカー';
const fill = (path: string, org: string) =>
  path
    .replace(/:org(\{[^}]*\})?/, org)
    .replace(/:plan(\{[^}]*\})?/, 'action-plan-2')
    .replace(':code', '1-1')
    .replace(':dept', 'keiei-senryaku')
    .replace(':file', 'noto-sans-jp-latin-400-normal.woff2')
    .replace(':name', 'portal.css')
    .replace('*', 'no-such-page');

describe('public routes: read-only, published editions only, one organization at a time', () => {
  let f: SecurityFixture;
  let routes: FuzzRoute[];
  beforeAll(async () => {
    f = await createSecurityFixture('sqlite');
    routes = listRoutes(f.app).filter((r) => r.family !== 'staff');
    // Working data that must never be public: a draft report and a review comment of 1-1 (Ogori's round).
    const ref = { ctx: f.server.ctx, actor: systemActor(), organizationSlug: 'ogori', planSlug: 'action-plan-2' };
    await saveReport({ ...ref, fy: 2023, code: '1-1', expectedVersion: 1, values: { actual: DRAFT } });
    await addReviewComment({ ...ref, fy: 2023, code: '1-1', text: DRAFT });
  }, 120_000);
  afterAll(() => f.close());

  it('lists every route outside /staff, each a GET', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(keys.filter((k) => !(k in PUBLIC_ROUTES))).toEqual([]);
    expect(Object.keys(PUBLIC_ROUTES).filter((k) => !keys.includes(k))).toEqual([]);
    expect(routes.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('answers writes to any public address with 404, for anyone', async () => {
    const writes: string[] = [];
    for (const r of routes) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const url = fill(r.path, 'ogori');
        const res = await f.app.request(`http://localhost${url}`, {
          method,
          body: 'a=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: f.session('admin').cookie },
        });
        if (res.status !== 404) writes.push(`${method} ${url}: ${res.status}`);
      }
    }
    expect(writes).toEqual([]);
  });

  it('never shows working drafts or the other organization', async () => {
    const leaks: string[] = [];
    for (const r of routes) {
      for (const [org, other] of [
        [ORG_A, ORG_B],
        [ORG_B, ORG_A],
      ] as const) {
        if (PUBLIC_ROUTES[`${r.method} ${r.path}`] === 'none' && org === ORG_B) continue;
        const url = fill(r.path, org.slug);
        const body = await (await f.app.request(`http://localhost${url}`)).text();
        if (body.includes(DRAFT)) leaks.push(`${url}: shows a draft`);
        if (PUBLIC_ROUTES[`${r.method} ${r.path}`] === 'org' && body.includes(other.marker)) {
          leaks.push(`${url}: shows ${other.slug}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
