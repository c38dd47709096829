import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { sectionOf, tableRows, textOf } from '../harness/html-text.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

// The fictional example cities: a 3-level plan rated A–D and rolled up as a distribution (みなみかぜ市), and
// 4-level plans on text levels with 評価不能 excluded from the mean (こもれび町, two plans).
const example = (name: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../data/examples/${name}/bundle.json`), 'utf8'));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ bundles: () => [readOgoriBundle(), example('minamikaze'), example('komorebi')] });
});
afterAll(async () => {
  await server?.close();
});

async function page(p: string) {
  const res = await server.get(p);
  const html = await res.text();
  return { status: res.status, html, text: textOf(html) };
}

describe('plans with other levels and scales', () => {
  it('lists every organization’s plans; with several plans there is no single prominent link', async () => {
    const p = await page('/');
    expect(p.html).not.toContain('class="button"');
    expect([...p.html.matchAll(/<h2 id="org-([a-z-]+)">/g)].map((m) => m[1])).toEqual([
      'komorebi',
      'minamikaze',
      'ogori',
    ]);
    expect(p.text).toContain('第6次みなみかぜ市総合計画 前期基本計画');
  });

  it('shows a distribution roll-up (A–D) by year instead of a mean, and counts the unassessed', async () => {
    const p = await page('/minamikaze/sogo-keikaku-6-zenki/');
    expect(p.html).toContain('<h2 id="overall">達成度（計画全体）</h2>');
    expect(textOf(sectionOf(p.html, /<p class="headline">/, 'p'))).toBe(
      '令和6年度 A: 2, B: 8, C: 6 17件中16件評価済、未評価1件',
    );
    const rows = tableRows(p.html, '年度ごとの達成度（計画全体）と評価済みの件数');
    expect(rows[1]).toEqual(['令和6年度', 'A: 2, B: 8, C: 6', '17件中16件評価済、未評価1件']);
    expect(rows[2]).toEqual(['令和7年度', '未評価', '17件中0件評価済、未評価17件']);
  });

  it('serves middle levels (施策) as goal pages and leaves as initiative pages', async () => {
    const goal = await page('/minamikaze/sogo-keikaku-6-zenki/goals/1-1');
    expect(goal.status).toBe(200);
    expect(goal.html).toMatch(/<p class="eyebrow">施策 1-1<\/p>/);
  });

  it('shows text levels by name and place among the counted levels, never by colour alone', async () => {
    const p = await page(`/komorebi/jikko-keikaku-3/initiatives/${encodeURIComponent('継1')}`);
    const cell = sectionOf(p.html, /<th scope="row">令和6年度<\/th><td>/, 'td');
    expect(textOf(cell)).toBe('計画通り （3段階中2段階目）');
    expect(cell.match(/cell cell--on/g)).toHaveLength(2);
    expect(cell.match(/class="cell"/g)).toHaveLength(1);
    // An indicator measured in words has its notes in a table and no empty chart.
    expect(p.html).not.toContain('chart--indicator');
    expect(p.text).toContain('県外の百貨店1店で期間限定販売');
  });
});
