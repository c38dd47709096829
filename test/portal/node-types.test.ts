import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editNode, loadPlan, systemActor } from '../../src/app/index.ts';
import { EditionContent, leafNodes, OrganizationBundle } from '../../src/domain/index.ts';
import { buildPdfModel, initiativeRows } from '../../src/reports/index.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

// つむぎ町 (fictional): 基本目標 1 has two 取組; 基本目標 2 has none yet and is declared an objective, so it is
// a 基本目標 with a goal page, never counted or named as a 取組. Without the declaration a childless node is an
// item, as in every bundle written before node types.
const ORG = 'tsumugi';
const bundle = () => ({
  format: 'shinchoku/v1',
  organization: { slug: ORG, name: 'つむぎ町（架空）' },
  departments: [{ code: 'kikaku', name: '企画課' }],
  plans: [
    {
      slug: 'plan',
      title: 'つむぎ町総合計画',
      period: { startFy: 2024, endFy: 2026 },
      levels: [
        { ja: '基本目標', en: 'Goal' },
        { ja: '取組', en: 'Action' },
      ],
      ratingScales: [
        {
          key: 'self',
          name: '自己評価',
          kind: 'ordinal',
          levels: [
            { key: 'B', label: 'B', score: 1 },
            { key: 'A', label: 'A', score: 2 },
          ],
        },
      ],
      edition: { name: '令和6年度版', fy: 2024 },
      nodes: [
        {
          code: '1',
          title: '学び',
          type: 'objective',
          children: [
            {
              code: '1-1',
              title: '図書館の開館時間の延長',
              type: 'action',
              departments: ['kikaku'],
              assessments: [{ fy: 2024, level: 'A' }],
            },
            { code: '1-2', title: '読み聞かせ', departments: ['kikaku'], assessments: [{ fy: 2024, level: 'B' }] },
          ],
        },
        { code: '2', title: '交通（取組は次年度から）', type: 'objective' },
      ],
    },
  ],
});

describe('node types in the bundle', () => {
  it('refuses an unknown type with the valid ones, and an action with nodes below it', () => {
    const b = bundle();
    b.plans[0]!.nodes[1]!.type = 'goal';
    const r = OrganizationBundle.safeParse(b);
    expect(r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')).toContain(
      'plans.0.nodes.1.type: Invalid option: expected one of "objective"|"action"|"indicator"',
    );
    const c = bundle();
    c.plans[0]!.nodes[0]!.type = 'action';
    const s = OrganizationBundle.safeParse(c);
    expect(s.success ? [] : s.error.issues.map((i) => i.path.join('.'))).toEqual(['plans.0.nodes.0.type']);
  });

  it('PDF and CSV count and list only the 取組; the childless 基本目標 heads its own divider', () => {
    const parsed = OrganizationBundle.parse(bundle());
    const content = EditionContent.parse({
      organization: parsed.organization,
      departments: parsed.departments,
      plan: parsed.plans[0],
    });
    const rows = initiativeRows(content, { name: '令和6年度版', fy: 2024, publishedAt: '2025-06-01' });
    expect(rows.slice(1).map((r) => r[6])).toEqual(['1-1', '1-2']);
    const model = buildPdfModel(content);
    expect(JSON.stringify(model.blocks)).toContain('"— 2の取組 —"');
    const dividers = model.blocks
      .filter((b) => b.kind === 'divider')
      .map((b) => (b.kind === 'divider' ? b.overline : ''));
    expect(dividers).toEqual(['基本目標 1', '基本目標 2']);
    expect(model.blocks.some((b) => b.kind === 'sheet' && b.outline.startsWith('2 '))).toBe(false);
  });
});

for (const database of DIALECTS) {
  describe(`node types on the portal and the API (${database})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ database, bundles: () => [bundle()] });
    });
    afterAll(async () => {
      await server?.close();
    });
    // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below
    const api = async (p: string): Promise<any> =>
      (await server.get(`/api/v1/organizations/${ORG}/plans/plan${p}`)).json();

    it('a childless 基本目標 is a goal: its own goal page, no 取組 page, and not counted among the 取組', async () => {
      const goal = await server.get(`/${ORG}/plan/goals/2`);
      expect(goal.status).toBe(200);
      expect(/<title>([^<]*)<\/title>/.exec(await goal.text())?.[1]).toMatch(/^基本目標 2 交通（取組は次年度から）/);
      expect((await server.get(`/${ORG}/plan/initiatives/2`)).status).toBe(404);
      const plan = await api('');
      expect(plan.goals.map((g: { code: string; initiativeCount: number }) => [g.code, g.initiativeCount])).toEqual([
        ['1', 2],
        ['2', 0],
      ]);
      expect(plan.overall[0].coverage.ja).toBe('2件中2件評価済');
      expect((await api('/initiatives')).map((i: { code: string }) => i.code)).toEqual(['1-1', '1-2']);
      expect((await server.get(`/api/v1/organizations/${ORG}/plans/plan/goals/2`)).status).toBe(200);
    });

    it('the plan office edits a node’s type through the node form’s use case, refusing an action with nodes below', async () => {
      const edit = async (code: string, type: string) => {
        const loaded = await loadPlan(server.ctx.store.db, ORG, 'plan');
        const row = loaded.nodes.find((n) => n.code === code)!;
        const c = row.content;
        return editNode({
          ctx: server.ctx,
          actor: systemActor('test'),
          organizationSlug: ORG,
          planSlug: 'plan',
          code,
          expectedVersion: row.version,
          input: {
            title: row.title,
            departments: c.departments,
            goal: c.goal ?? '',
            situationFy: '',
            situation: '',
            challengesFy: '',
            challenges: '',
            sdgs: '',
            lifecycleStatus: c.lifecycle.status,
            lifecycleFromFy: '',
            lifecycleInto: '',
            lifecycleNote: '',
            type,
          },
        });
      };
      await expect(edit('1', 'action')).rejects.toMatchObject({
        details: { fieldErrors: { type: { ja: '下位の項目がある項目は「目標（objective）」です' } } },
      });
      // By its place again: a childless node is an item, so the plan now has three 取組.
      await edit('2', '');
      const doc = (await loadPlan(server.ctx.store.db, ORG, 'plan')).document;
      expect([doc.nodes[1]!.type, leafNodes(doc).map((n) => n.code)]).toEqual([undefined, ['1-1', '1-2', '2']]);
      await edit('2', 'objective');
      expect(leafNodes((await loadPlan(server.ctx.store.db, ORG, 'plan')).document).length).toBe(2);
    });
  });
}
