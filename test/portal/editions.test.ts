import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlan, publishEdition, systemActor, updateNodeSheet } from '../../src/app/index.ts';
import { hrefsOf, sectionOf, tableRows, textOf } from '../harness/html-text.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const BASE = '/ogori/action-plan-2';
let server: TestServer;
let firstId: string;

beforeAll(async () => {
  server = await startTestServer({ database: 'sqlite', now: () => new Date('2024-06-01T03:00:00Z') });
  firstId = (await server.ctx.store.db.selectFrom('editions').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await server?.close();
});

const html = async (p: string) => (await server.get(p)).text();

/** Polls until `check` passes: the server repeats current pages from memory for up to a second (hot-pages.ts). */
async function eventually(check: () => Promise<void>, withinMs = 2500): Promise<void> {
  const until = Date.now() + withinMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('editions', () => {
  it('never shows working drafts; a new edition becomes current and the old one stays readable', async () => {
    // A draft change to 1-3 …
    const loaded = await loadPlan(server.ctx.store.db, 'ogori', 'action-plan-2');
    const node = loaded.nodes.find((n) => n.code === '1-3')!;
    await updateNodeSheet({
      ctx: server.ctx,
      actor: systemActor('test'),
      organizationSlug: 'ogori',
      planSlug: 'action-plan-2',
      code: '1-3',
      expectedVersion: node.version,
      changes: { title: '下書きの題名', assessments: [{ fy: 2022, period: 'FY', level: '100' }] },
    });
    // … is not public.
    expect(textOf(await html(`${BASE}/initiatives/1-3`))).not.toContain('下書きの題名');
    expect(textOf(sectionOf(await html(`${BASE}/`), /<p class="headline">/, 'p'))).toBe(
      '令和4年度 40.5% 40件中40件評価済',
    );

    // Publishing makes it the current edition, public within a second (hot-pages.test.ts checks the timing).
    const published = await publishEdition({
      ctx: server.ctx,
      actor: systemActor('test'),
      organizationSlug: 'ogori',
      planSlug: 'action-plan-2',
      name: '令和4年度実績反映版（訂正）',
      fy: 2022,
    });
    await eventually(async () => {
      expect(await html(`${BASE}/initiatives/1-3`)).toContain(
        '<h1><span class="phrases">下<wbr/>書きの<wbr/>題名</span></h1>',
      );
      expect(textOf(sectionOf(await html(`${BASE}/`), /<p class="headline">/, 'p'))).toBe(
        '令和4年度 41.0% 40件中40件評価済',
      );
    });

    // The first edition is still there with its own numbers, and links keep it.
    const old = await html(`${BASE}/?edition=${firstId}`);
    expect(textOf(sectionOf(old, /<p class="headline">/, 'p'))).toBe('令和4年度 40.5% 40件中40件評価済');
    expect(hrefsOf(old)).toContain(`${BASE}/goals/1?edition=${firstId}`);
    expect(await html(`${BASE}/initiatives/1-3?edition=${firstId}`)).toContain(
      '<h1><span class="phrases">市SNSの<wbr/>情報発信力強化</span></h1>',
    );

    const list = await html(`${BASE}/editions`);
    expect(tableRows(list, '公表された版')).toEqual([
      ['令和4年度実績反映版（訂正） （表示中）', '令和4年度', '2024年6月1日', '最新の版', '前の版と比較'],
      ['令和4年度実績反映版', '令和4年度', expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/), '', ''],
    ]);
    expect(hrefsOf(list)).toEqual(
      expect.arrayContaining([`${BASE}/?edition=${published.id}`, `${BASE}/?edition=${firstId}`]),
    );
  });
});
