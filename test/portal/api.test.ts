import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionOf, tableRows, textOf } from '../harness/html-text.ts';
import { checkJsonSchema } from '../harness/json-schema-check.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const API = '/api/v1/organizations/ogori/plans/action-plan-2';
const BASE = '/ogori/action-plan-2';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ database: 'sqlite' });
});
afterAll(async () => {
  await server?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below
async function api(path: string): Promise<{ status: number; body: any; res: Response }> {
  const res = await server.get(path);
  return { status: res.status, body: await res.json(), res };
}
const page = async (path: string) => (await server.get(path)).text();

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object; example?: unknown }> }> }>
  >;
  components: { schemas: Record<string, object> };
};

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 JSON listing every endpoint, each with responses', async () => {
    const { status, body } = await api('/api/v1/openapi.json');
    const doc = body as Doc;
    expect([status, doc.openapi, doc.info.version]).toEqual([200, '3.1.0', '1.0.0']);
    expect(Object.keys(doc.paths)).toEqual([
      '/api/v1/organizations',
      '/api/v1/organizations/{org}/plans',
      '/api/v1/organizations/{org}/plans/{plan}',
      '/api/v1/organizations/{org}/plans/{plan}/editions',
      '/api/v1/organizations/{org}/plans/{plan}/goals',
      '/api/v1/organizations/{org}/plans/{plan}/goals/{code}',
      '/api/v1/organizations/{org}/plans/{plan}/initiatives',
      '/api/v1/organizations/{org}/plans/{plan}/initiatives/{code}',
      '/api/v1/organizations/{org}/plans/{plan}/departments',
      '/api/v1/organizations/{org}/plans/{plan}/departments/{dept}',
    ]);
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(Object.keys(item), path).toEqual(['get']);
      expect(Object.keys(item.get!.responses), path).toEqual(['200', '400', '404']);
    }
  });

  it('has an example for every response, and each fits its schema', async () => {
    const doc = (await api('/api/v1/openapi.json')).body as Doc;
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [status, response] of Object.entries(item.get!.responses)) {
        const media = response.content?.['application/json'];
        expect(media?.example, `${path} ${status}`).toBeDefined();
        expect(
          checkJsonSchema(media!.example, media!.schema as Record<string, unknown>, doc),
          `${path} ${status}`,
        ).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBe(30);
  });

  it('the checker does catch an example that does not fit', async () => {
    const doc = (await api('/api/v1/openapi.json')).body as Doc;
    const schema = { $ref: '#/components/schemas/Rating' };
    expect(checkJsonSchema({ fy: '2022' }, schema, doc)).toEqual([
      '$: missing required "fyLabel"',
      '$: missing required "level"',
      '$: missing required "label"',
      '$: missing required "labelEn"',
      '$: missing required "score"',
      '$: missing required "excluded"',
      '$: missing required "comment"',
      '$.fy: expected integer, got string',
    ]);
  });

  it('real responses fit their schemas too', async () => {
    const doc = (await api('/api/v1/openapi.json')).body as Doc;
    const real: [string, string][] = [
      ['/api/v1/organizations/{org}/plans/{plan}', API],
      ['/api/v1/organizations/{org}/plans/{plan}/initiatives', `${API}/initiatives`],
      ['/api/v1/organizations/{org}/plans/{plan}/initiatives/{code}', `${API}/initiatives/10-1`],
      ['/api/v1/organizations/{org}/plans/{plan}/departments/{dept}', `${API}/departments/kenko`],
    ];
    for (const [template, url] of real) {
      const schema = doc.paths[template]!.get!.responses['200']!.content!['application/json']!.schema;
      expect(checkJsonSchema((await api(url)).body, schema as Record<string, unknown>, doc), url).toEqual([]);
    }
  });
});

describe('same numbers as the pages', () => {
  it('plan: 40.5 % of 40 assessed in R4, as on the home page', async () => {
    const { body } = await api(API);
    const r4 = body.overall[0];
    expect([r4.fy, r4.value, r4.formatted, r4.coverage.ja, r4.coverage.en]).toEqual([
      2022,
      40.5,
      '40.5%',
      '40件中40件評価済',
      '40 of 40 assessed',
    ]);
    const headline = textOf(sectionOf(await page(`${BASE}/`), /<p class="headline">/, 'p'));
    expect(headline).toBe(`${r4.fyLabel} ${r4.formatted} ${r4.coverage.ja}`);
    expect(body.distribution.map((d: { label: string; count: number }) => `${d.label}:${d.count}`).join(' ')).toBe(
      '100%:5 90%:0 80%:1 70%:2 60%:2 50%:4 40%:2 30%:6 20%:14 10%:4 0%:0',
    );
    const home = await page(`${BASE}/`);
    const homeGoals = [
      ...tableRows(home, '基本目標ごとの令和4年度の目標達成率と件数'),
      ...tableRows(home, '第1期アクションプランからの継続案件：令和4年度の目標達成率と件数'),
    ];
    expect(
      body.goals.map((g: { code: string; rollups: { formatted: string }[] }) => [g.code, g.rollups[0]!.formatted]),
    ).toEqual(homeGoals.map((r) => [r[0], r[3]]));
    // The 15 基本目標, and the 継続案件 as a group of its own.
    expect(
      body.goals.filter((g: { separateGroup: boolean }) => g.separateGroup).map((g: { code: string }) => g.code),
    ).toEqual(['継']);
  });

  it('initiatives: the 一覧 row for row', async () => {
    const { body } = await api(`${API}/initiatives`);
    const rows = tableRows(await page(`${BASE}/list`), '取組ごとの目標達成率（番号順）').slice(1);
    expect(body).toHaveLength(40);
    expect(
      body.map((i: { code: string; ratings: { score: number | null }[] }) => [
        i.code,
        `${i.ratings[0]!.score?.toFixed(1)}%`,
      ]),
    ).toEqual(rows.map((r) => [r[0], r[3]]));
  });

  it('initiative 1-3: followers 8,104 of 10,000 with the same formula, departments and roadmap', async () => {
    const { body } = await api(`${API}/initiatives/1-3`);
    const k = body.indicators[0];
    expect([k.name, k.progress.actualUsed, k.progress.targetUsed, k.progress.formatted, k.progress.formula.ja]).toEqual(
      ['フォロワー数', 8104, 10000, '81.0%', '8,104 ÷ 10,000 = 81.0%'],
    );
    expect(textOf(await page(`${BASE}/initiatives/1-3`))).toContain(`令和4年度時点の進捗 ${k.progress.formula.ja}`);
    expect(body.roadmap.map((r: { fy: number }) => r.fy)).toEqual([2021, 2022, 2023, 2024]);
    expect([body.previous.code, body.next.code, body.goal.code, body.ratings[0].label]).toEqual([
      '1-2',
      '2-1',
      '1',
      '80%',
    ]);
  });

  it('5-2: no kpiStatus, since Ogori declares no status rule; the arithmetic is still there, by no basis', async () => {
    const { body } = await api(`${API}/initiatives/5-2`);
    expect(body.kpiStatus).toBe(null);
    const p = body.indicators[0].progress;
    expect([p.status, p.basis, p.formula.ja, p.formatted]).toEqual(['computed', null, '21 ÷ 25 = 84.0%', '84.0%']);
    expect(body.ratings[0].label).toBe('30%');
  });

  it('9-1 has its three 課, lead first; departments and goals agree with their pages', async () => {
    const { body } = await api(`${API}/initiatives/9-1`);
    expect(body.departments.map((d: { name: string; lead: boolean }) => [d.name, d.lead])).toEqual([
      ['学校教育課', true],
      ['スポーツ振興課', false],
      ['生涯学習課', false],
    ]);
    const dept = (await api(`${API}/departments/sports-shinko`)).body;
    expect([dept.leadCount, dept.sharedCount, dept.rollups[0].formatted, dept.initiatives.length]).toEqual([
      2,
      1,
      '26.7%',
      3,
    ]);
    const goal = (await api(`${API}/goals/${encodeURIComponent('継')}`)).body;
    expect([goal.initiativeCount, goal.initiatives[0].code, goal.rollups[0].formatted]).toEqual([1, '継1', '20.0%']);
    expect([goal.separateGroup, goal.level]).toEqual([true, null]);
    const goals = (await api(`${API}/goals`)).body;
    expect(goals).toHaveLength(16);
  });

  it('filters and searches like the portal', async () => {
    const codes = async (q: string) => (await api(`${API}/initiatives?${q}`)).body.map((i: { code: string }) => i.code);
    expect(await codes('q=SNS')).toEqual(['1-2', '1-3', '10-1', '11-1']);
    expect(await codes(`q=${encodeURIComponent('給食')}`)).toEqual(['12-1']);
    expect(await codes('dept=kenko')).toEqual(['2-1', '8-1', '8-2', '10-1']);
    expect((await codes('sort=rating-desc&min=70')).join(' ')).toBe('2-1 4-1 5-4 7-1 11-1 1-3 1-2 6-3');
  });
});

describe('errors and caching', () => {
  it('answers unknown things with 404 JSON and bad parameters with 400 JSON', async () => {
    const nf = await api(`${API}/initiatives/99-9`);
    expect([nf.status, nf.body.error.code, nf.body.error.messageEn]).toEqual([
      404,
      'not-found',
      'initiative not found',
    ]);
    expect((await api('/api/v1/organizations/nowhere/plans')).status).toBe(404);
    expect((await api(`${API}?edition=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await api('/api/v1/nothing')).status).toBe(404);
    const bad = await api(`${API}/initiatives?min=abc&sort=size`);
    expect([bad.status, bad.body.error.code, bad.body.error.issues.map((i: { path: string }) => i.path)]).toEqual([
      400,
      'invalid-input',
      ['sort', 'min'],
    ]);
    // One hook answers every route's refusal, each issue in both languages, path parameters as query ones.
    expect(bad.body.error.issues[1]).toEqual({
      path: 'min',
      message: '数値を指定してください（"abc" になっています）',
      messageEn: 'expected a number, got "abc"',
    });
    const badPath = await api('/api/v1/organizations/Ogori!/plans');
    expect([badPath.status, badPath.body.error.message, badPath.body.error.messageEn]).toEqual([
      400,
      'パラメータの値が正しくありません',
      'Invalid parameter',
    ]);
    expect(badPath.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['org']);
  });

  it('sends ETag and Cache-Control and answers 304 to a matching If-None-Match', async () => {
    const first = await api(`${API}/initiatives/1-3`);
    expect(first.res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const again = await server.get(`${API}/initiatives/1-3`, {
      headers: { 'If-None-Match': first.res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });
});
