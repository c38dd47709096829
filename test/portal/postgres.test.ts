import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionOf, tableRows, textOf } from '../harness/html-text.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

// The portal reads published editions only, so it behaves the same on PostgreSQL; this checks the main numbers.
const BASE = '/ogori/action-plan-2';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ database: 'postgres' });
});
afterAll(async () => {
  await server?.close();
});

describe('portal on PostgreSQL', () => {
  it('shows the same pages and API numbers as on SQLite', async () => {
    const home = await (await server.get(`${BASE}/`)).text();
    expect(textOf(sectionOf(home, /<p class="headline">/, 'p'))).toBe('令和4年度 40.5% 40件中40件評価済');
    const initiative = textOf(await (await server.get(`${BASE}/initiatives/1-3`)).text());
    expect(initiative).toContain('令和4年度時点の進捗 8,104 ÷ 10,000 = 81.0%');
    const list = tableRows(await (await server.get(`${BASE}/list`)).text(), '取組ごとの目標達成率（番号順）');
    expect([list.length, list[1]?.[0], list.at(-1)?.[0]]).toEqual([41, '1-1', '継1']);
    const api = (await (await server.get(`/api/v1/organizations/ogori/plans/action-plan-2`)).json()) as {
      overall: { formatted: string }[];
    };
    expect(api.overall[0]?.formatted).toBe('40.5%');
    expect((await server.get(`${BASE}/initiatives/99-9`)).status).toBe(404);
  });
});
