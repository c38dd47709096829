import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { hrefsOf, sectionOf, tableRows, textOf } from '../harness/html-text.ts';
import { checkJsonSchema } from '../harness/json-schema-check.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

// The fictional example cities: a 3-level plan rated A–D and 改善度, rolled up as a distribution, reported
// quarterly (みなみかぜ市), and a closed and a 4-level plan on text levels with 評価不能 excluded from the mean
// (こもれび町). Nothing in the portal's code names them: everything below comes from their data.
const example = (name: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../data/examples/${name}/bundle.json`), 'utf8'));
const MK = '/minamikaze/sogo-keikaku-6-zenki';
const K2 = '/komorebi/jikko-keikaku-2';
const K3 = '/komorebi/jikko-keikaku-3';
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
const row = (html: string, caption: string, first: string) => tableRows(html, caption).find((r) => r[0] === first);

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

  it('みなみかぜ市: a distribution roll-up (A–D) with its method beside every figure and the missing item named', async () => {
    const p = await page(`${MK}/`);
    expect(p.html).toContain('<h2 id="overall">達成度（計画全体）</h2>');
    expect(textOf(sectionOf(p.html, /<p class="headline">/, 'p'))).toBe(
      '令和6年度 A: 2, B: 8, C: 6 17件中16件評価済、未評価1件',
    );
    expect(p.text).toContain('集計方法：分布（16件） 未評価の取組： 3-2-2 中心市街地の空き店舗対策');
    expect(hrefsOf(p.html)).toContain(`${MK}/initiatives/3-2-2`);
    const rows = tableRows(p.html, '年度ごとの達成度（計画全体）と評価済みの件数');
    expect(rows[0]).toEqual(['令和5年度', 'B: 4, C: 12, D: 1', '分布（17件）', '17件中17件評価済']);
    expect(rows[1]).toEqual(['令和6年度', 'A: 2, B: 8, C: 6', '分布（16件）', '17件中16件評価済、未評価1件']);
    expect(rows[2]).toEqual(['令和7年度', '未評価', '—', '17件中0件評価済、未評価17件']);
    expect(tableRows(p.html, '令和6年度の評価ごとの件数と割合')).toEqual([
      ['A', '2件', '12.5%'],
      ['B', '8件', '50.0%'],
      ['C', '6件', '37.5%'],
      ['D', '0件', '0.0%'],
    ]);
    expect(tableRows(p.html, '政策ごとの令和6年度の達成度と件数')).toEqual([
      ['1', '子どもがすこやかに育ち、学ぶまち', '6件', 'A: 1, B: 4, C: 1', '分布（6件）'],
      ['2', '誰もが健やかに、安心して暮らせるまち', '5件', 'B: 2, C: 3', '分布（5件）'],
      ['3', 'にぎわいと活力のあるまち', '6件', 'A: 1, B: 2, C: 2', '分布（5件）'],
    ]);
    // A distribution has no single number to draw as a bar.
    expect(p.html).not.toContain('id="chart-goals"');
  });

  it('みなみかぜ市: the published 「B以上の割合」 beside the figure computed from the ratings, on the home page and in the CSV', async () => {
    const source = '令和6年度行政評価結果報告書 3ページ「達成度B以上の事務事業の割合」';
    expect(tableRows((await page(`${MK}/`)).html, '公表された集計値と、各取組の評価から計算した値')).toEqual([
      ['令和6年度', '計画全体', '「B」以上の割合', '62.6%', '62.5%（10件 ÷ 16件）', source],
    ]);
    expect(
      tableRows(
        (await page(`${MK}/?lang=en`)).html,
        'Figures as published, beside the value computed from the items’ ratings',
      ),
    ).toEqual([['FY2024', 'Whole plan', 'share at or above "B"', '62.6%', '62.5% (10 ÷ 16)', source]]);
    const rollup = (await (await server.get(`${MK}/downloads/rollup.csv`)).text()).split('\r\n');
    // After the organization, plan and edition columns.
    expect(rollup.slice(-3, -1).map((line) => line.split(',').slice(4))).toEqual([
      ['「B」以上の割合（公表値）', '2024', '令和6年度', '達成度', source, '62.6', '62.6%', '', ''],
      ['「B」以上の割合（評価から計算）', '2024', '令和6年度', '達成度', '10件 ÷ 16件', '62.5', '62.5%', '', ''],
    ]);
  });

  it('みなみかぜ市: the further dimension 改善度 rolled up on the home page, with its mean and distribution', async () => {
    const p = await page(`${MK}/`);
    const section = sectionOf(p.html, /<section aria-labelledby="scale-rollups">/, 'section');
    expect(textOf(section)).toBe(
      '令和6年度のその他の評価の観点 改善度 2.7 17件中6件評価済、未評価11件 集計方法：平均（6件の単純平均） ' +
        '令和6年度の改善度の評価ごとの件数と割合 評価 件数 割合 ○ 4件 66.7% △ 2件 33.3% × 0件 0.0%',
    );
    expect(tableRows(p.html, '令和6年度の改善度の評価ごとの件数と割合')).toEqual([
      ['○', '4件', '66.7%'],
      ['△', '2件', '33.3%'],
      ['×', '0件', '0.0%'],
    ]);
    const en = await page(`${MK}/?lang=en`);
    expect(tableRows(en.html, 'Number and share of initiatives per Improvement rating, FY2024')).toEqual([
      ['Better', '4', '66.7%'],
      ['Unchanged', '2', '33.3%'],
      ['Worse', '0', '0.0%'],
    ]);
    // A plan with one scale has no such section.
    expect((await page(`${K2}/`)).html).not.toContain('scale-rollups');
  });

  it('みなみかぜ市: a 施策 page shows its own rating, the level names of the plan and its 政策 in the breadcrumbs', async () => {
    const goal = await page(`${MK}/goals/1-1`);
    expect(goal.status).toBe(200);
    expect(goal.html).toMatch(/<p class="eyebrow">施策 1-1<\/p>/);
    expect(textOf(sectionOf(goal.html, /<nav class="breadcrumbs"[^>]*>/, 'nav'))).toBe(
      'トップ 第6次みなみかぜ市総合計画 前期基本計画 1 子どもがすこやかに育ち、学ぶまち 1-1 保育・子育て環境の充実',
    );
    expect(goal.html).toContain('<h2 id="own-ratings">この施策の達成度</h2>');
    expect(row(goal.html, 'この施策の年度ごとの達成度', '令和6年度')).toEqual([
      '令和6年度',
      'B （4段階中3段階目） 定員拡大と保育士確保の取組により、待機児童数は6人まで減少した。',
    ]);
    expect(row(goal.html, '年度ごとの達成度', '令和6年度')).toEqual([
      '令和6年度',
      'B: 2, C: 1',
      '分布（3件）',
      '3件中3件評価済',
    ]);
    const policy = await page(`${MK}/goals/3`);
    expect(tableRows(policy.html, '施策ごとの令和6年度の達成度と件数')).toEqual([
      ['3-1', '観光・交流の振興', '2件', 'A: 1, B: 1', '分布（2件）'],
      ['3-2', '商工業の振興', '2件', 'C: 1', '分布（1件）'],
      ['3-3', '農林業の振興', '2件', 'B: 1, C: 1', '分布（2件）'],
    ]);
    expect(policy.text).toContain('未評価の取組： 3-2-2 中心市街地の空き店舗対策');
  });

  it('みなみかぜ市: self-rating and the rule’s rating both shown when they disagree, 改善度 beside 達成度', async () => {
    const p = await page(`${MK}/initiatives/1-1-1`);
    expect(p.html).toMatch(/<p class="eyebrow">事務事業 1-1-1<\/p>/);
    expect(row(p.html, '年度ごとの達成度', '令和6年度')).toEqual([
      '令和6年度',
      'B （4段階中3段階目） 年度目標（15人）を大きく下回る6人となり、概ね達成と評価した。',
      'C（(25 − 6) ÷ (25 − 0) = 76.0%） 自己評価（B）と評価基準による判定（C）が異なります。両方を示しています。',
    ]);
    expect(row(p.html, '年度ごとの達成度', '令和7年度')).toEqual(['令和7年度', '未評価', '—']);
    expect(row(p.html, '年度ごとの改善度', '令和6年度')).toEqual(['令和6年度', '○ （3段階中3段階目）']);
    expect(p.text).toContain(
      '達成度の評価の基準 A：目標を上回った（4点として平均） B：概ね達成（3点として平均） C：未達成（2点として平均） D：着手できていない（1点として平均） 評価基準（成果指標の達成率から判定）：100%以上はA、80%以上はB、50%以上はC、0%以上はD',
    );
    expect(textOf(sectionOf(p.html, /<p class="rag rag--green">/, 'p'))).toBe('順調 ↑ 前年度より改善');
    expect(p.text).toContain(
      '成果指標による進捗状況（令和6年度） 順調 ↑ 前年度より改善 成果指標の達成率 (25 − 6) ÷ (25 − 0) = 76.0% 前年度の達成率 44.0% 計画期間の経過に応じた目安 40.0% 計画期間の経過に応じた目安以上は「順調」、目安から10ポイント下までは「やや遅れ」、それより下は「遅れ」',
    );
    expect(p.text).toContain('計画期間の目標 0人（到達水準・少ないほど良い指標）');
    // Agreeing ratings are not flagged.
    const agree = await page(`${MK}/initiatives/1-1-3`);
    expect(row(agree.html, '年度ごとの達成度', '令和6年度')?.[2]).toBe('B（1,010 ÷ 1,200 = 84.2%）');
    // No self-rating yet: the rule's rating still shows, the missing one is not read as anything.
    const missing = await page(`${MK}/initiatives/3-2-2`);
    expect(row(missing.html, '年度ごとの達成度', '令和6年度')).toEqual([
      '令和6年度',
      '未評価',
      'C（(34 − 27) ÷ (34 − 20) = 50.0%）',
    ]);
  });

  it('みなみかぜ市: quarterly values with year-to-date figures that start again each fiscal year', async () => {
    const p = await page(`${MK}/initiatives/1-1-2`);
    expect(tableRows(p.html, '保育士就職支援金の交付件数の令和6年度の期間ごとの実績と年度初めからの値')).toEqual([
      ['令和6年度 第1四半期（4～6月）', '3件', '3件 3'],
      ['令和6年度 第2四半期（7～9月）', '4件', '7件 3 + 4 = 7'],
      ['令和6年度 第3四半期（10～12月）', '2件', '9件 3 + 4 + 2 = 9'],
      ['令和6年度 第4四半期（1～3月）', '5件', '14件 3 + 4 + 2 + 5 = 14'],
    ]);
    // Increments: each row is the quarter's own figure.
    expect(p.html).toContain('<th scope="col">期間の値</th>');
    expect(tableRows(p.html, '保育士就職支援金の交付件数の令和7年度の期間ごとの実績と年度初めからの値')).toEqual([
      ['令和7年度 第1四半期（4～6月）', '2件', '2件 2'],
    ]);
    const half = await page(`${MK}/initiatives/2-2-2`);
    expect(
      tableRows(half.html, '認知症サポーター養成者数（累計）の令和6年度の期間ごとの実績と年度初めからの値'),
    ).toEqual([
      ['令和6年度 上半期（4～9月）', '9,530人', '9,530人 H1 9,530'],
      ['令和6年度 下半期（10～3月）', '9,905人', '9,905人 H2 9,905'],
    ]);
  });

  it('みなみかぜ市: calendar-year (年) values are never printed as 年度, 速報値 are marked', async () => {
    const p = await page(`${MK}/initiatives/3-1-1`);
    expect(tableRows(p.html, '観光入込客数の年ごとの目標値と実績値')).toEqual([
      ['2022年（基準値）', '—', '812,000人'],
      ['2023年', '—', '935,400人'],
      ['2024年', '—', '1,021,800人'],
    ]);
    expect(p.text).toContain('値の期間 暦年（1月～12月）');
    const provisional = await page(`${MK}/initiatives/1-2-3`);
    expect(row(provisional.html, '教育支援センターの利用者数の年度ごとの目標値と実績値', '令和6年度')).toEqual([
      '令和6年度',
      '—',
      '47人（速報値） 速報値（令和7年5月集計）',
    ]);
    expect(provisional.text).toContain('令和6年度時点の進捗 47 ÷ 60 = 78.3%（速報値）');
  });

  it('こもれび町: the mean of text levels leaves 評価不能 out and names it, and items no longer in the plan', async () => {
    const p = await page(`${K2}/`);
    expect(textOf(sectionOf(p.html, /<p class="headline">/, 'p'))).toBe(
      '令和5年度 1.88 9件中9件評価済、集計対象外の評価1件',
    );
    expect(p.text).toContain(
      '集計方法：平均（8件の単純平均） 集計対象外の評価： 3-4 企業誘致の推進 （評価不能） 計画から外れた取組： 2-3 コミュニティバスの運行見直し 、 3-2 町営プールの改修',
    );
    expect(tableRows(p.html, '年度ごとの進捗状況（全体平均）と評価済みの件数')).toEqual([
      ['令和2年度', '未評価', '—', '10件中0件評価済、未評価10件'],
      ['令和3年度', '1.70', '平均（10件の単純平均）', '10件中10件評価済'],
      ['令和4年度', '1.67', '平均（9件の単純平均）', '9件中9件評価済'],
      ['令和5年度', '1.88', '平均（8件の単純平均）', '9件中9件評価済、集計対象外の評価1件'],
    ]);
    expect(tableRows(p.html, '令和5年度の評価ごとの件数と割合')).toEqual([
      ['計画以上', '1件', '11.11%'],
      ['計画通り', '5件', '55.56%'],
      ['計画未満', '2件', '22.22%'],
      ['評価不能', '1件', '11.11%'],
    ]);
    const excluded = await page(`${K2}/initiatives/3-4`);
    expect(row(excluded.html, '年度ごとの進捗状況', '令和5年度')?.[1]).toMatch(/^評価不能 （集計対象外） 候補地/);
    const below = await page(`${K2}/initiatives/1-3`);
    expect(row(below.html, '年度ごとの進捗状況', '令和5年度')).toEqual(['令和5年度', '計画未満 （3段階中1段階目）']);
  });

  it('こもれび町: a revised target is judged in force from its year, the earlier one kept as history', async () => {
    const p = await page(`${K2}/initiatives/1-1`);
    expect(p.text).toContain(
      '適用中の目標 400人（期間の累計） 令和4年度から適用 新型コロナウイルス感染症の影響を踏まえ、令和4年度の見直しで600人から400人に変更',
    );
    expect(p.text).toContain('見直し前の目標 600人（令和2年度から適用） 当初目標（令和2年度～令和5年度の累計）');
    expect(p.text).toContain('令和5年度時点の進捗 累計 359 ÷ 目標 400 = 89.75%');
    expect(textOf(sectionOf(p.html, /<p class="rag rag--red">/, 'p'))).toBe('遅れ ↑ 前年度より改善');
  });

  it('こもれび町: lifecycle — merged into, added mid-plan, abolished, renumbered, completed with a milestone', async () => {
    const merged = await page(`${K2}/initiatives/2-3`);
    expect(merged.text).toContain('状態 統合（令和4年度から） 統合・分割先 2-5 デマンド交通の導入');
    expect(hrefsOf(merged.html)).toContain(`${K2}/initiatives/2-5`);
    expect(merged.text).toContain('この取組は令和5年度の集計に含まれません（統合）。');
    expect(row(merged.html, '年度ごとの進捗状況', '令和5年度')).toEqual([
      '令和5年度',
      '対象外（計画に含まれない年度）',
    ]);
    const added = await page(`${K2}/initiatives/2-5`);
    expect(added.text).toContain('状態 実施中（令和4年度に追加）');
    expect(row(added.html, '年度ごとの進捗状況', '令和3年度')).toEqual(['令和3年度', '対象外（計画に含まれない年度）']);
    expect((await page(`${K2}/initiatives/3-2`)).text).toContain('状態 廃止（令和4年度から） 経緯 施設の老朽化');
    expect((await page(`${K2}/initiatives/1-3`)).text).toContain('以前の番号 2-4');
    const done = await page(`${K2}/initiatives/1-2`);
    expect(done.text).toContain('状態 完了（令和5年度から）');
    expect(done.text).toContain('令和5年度時点の進捗 達成 → 100%');
    expect(tableRows(done.html, '新ホームページの公開の年度ごとの目標値と実績値')).toEqual([
      ['令和3年度', '—', '未達成'],
      ['令和4年度', '—', '達成 令和5年1月16日公開'],
      ['令和5年度', '—', '達成'],
    ]);
  });

  it('こもれび町: a 継続案件 in a 4-level plan is a 事業, linked to the plan it came from', async () => {
    const p = await page(`${K3}/initiatives/${encodeURIComponent('継1')}`);
    expect(p.html).toMatch(/<p class="eyebrow">事業 継1<\/p>/);
    expect(p.text).toContain('引継ぎ元 第2期こもれび町まちづくり実行計画 3-3');
    expect(hrefsOf(p.html)).toContain(`${K2}/initiatives/3-3`);
    const cell = sectionOf(p.html, /<th scope="row">令和6年度<\/th><td>/, 'td');
    expect(textOf(cell)).toBe('計画通り （3段階中2段階目）');
    expect(cell.match(/cell cell--on/g)).toHaveLength(2);
    expect(cell.match(/class="cell"/g)).toHaveLength(1);
    // An indicator measured in words has its notes in a table, no empty chart and no traffic light.
    expect(p.html).not.toContain('chart--indicator');
    expect(p.html).not.toContain('class="rag');
    expect(p.text).toContain('県外の百貨店1店で期間限定販売');
    expect((await page(`${K3}/goals/1-1-1`)).html).toMatch(/<p class="eyebrow">重点事業 1-1-1<\/p>/);
    const birth = await page(`${K3}/initiatives/1-2-1-1`);
    expect(row(birth.html, '出生率（人口千対）の年ごとの目標値と実績値', '2024年')).toEqual([
      '2024年',
      '—',
      '6.4‰（速報値） 概数（人口動態統計の速報）',
    ]);
    // The indicator declares one decimal place: its target 7 per mille reads 7.0‰, as the plan prints it.
    expect(birth.text).toContain('計画期間の目標 7.0‰（到達水準）');
    expect(birth.text).toContain('6.4 ÷ 7.0 = 91.43%');
  });

  it('こもれび町: the 一覧 filters by the levels of the scale, not by a percentage', async () => {
    const p = await page(`${K3}/list?min=2`);
    expect(p.html).toContain(
      '<label for="f-min">進捗状況の下限</label><select id="f-min" name="min"><option value="">すべて</option><option value="3">計画以上</option><option value="2" selected="">計画通り</option><option value="1">計画未満</option></select>',
    );
    expect(p.text).not.toContain('（%）');
    expect(tableRows(p.html, '取組ごとの進捗状況（番号順）').map((r) => r[0])).toEqual([
      '1-1-1-1',
      '1-1-1-2',
      '1-2-1-1',
      '1-2-1-2',
      '2-1-1-1',
      '継1',
    ]);
    expect(p.text).toContain('並べ替え 番号順 進捗状況の高い順 進捗状況の低い順 担当課順');
  });
});

describe('downloads of the example plans', () => {
  it('every link on each downloads page answers with its file, in both languages', async () => {
    const seen: string[] = [];
    for (const base of [MK, K2, K3]) {
      for (const lang of ['', '?lang=en']) {
        const links = hrefsOf(sectionOf((await page(`${base}/downloads${lang}`)).html, /<ul class="downloads">/, 'ul'));
        expect(links).toHaveLength(7);
        for (const href of links) {
          const res = await server.get(href);
          const body = new Uint8Array(await res.arrayBuffer());
          expect([res.status, body.length > 100], href).toEqual([200, true]);
          seen.push(`${href.split('/downloads/')[1]?.split('?')[0]} ${res.headers.get('content-type')}`);
        }
      }
    }
    expect([...new Set(seen)].sort()).toEqual([
      'edition.csv text/csv; charset=utf-8',
      'edition.json application/json; charset=utf-8',
      'edition.pdf application/pdf',
      'edition.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'indicators.csv text/csv; charset=utf-8',
      'rollup.csv text/csv; charset=utf-8',
    ]);
  }, 60_000);

  it('the CSVs carry 改善度 beside 達成度, part-year values, 年 and the revised target', async () => {
    const csv = async (p: string) => (await (await server.get(p)).text()).split('\r\n');
    const mk = await csv(`${MK}/downloads/edition.csv`);
    // The plan declares a status rule with travel, so the edition's year carries it (as on the portal).
    expect(mk[0]?.split(',').slice(-9)).toEqual([
      '令和5年度 改善度',
      '令和6年度 改善度',
      '令和7年度 改善度',
      '令和8年度 改善度',
      '令和9年度 改善度',
      '令和6年度 成果指標による進捗状況',
      '令和6年度 成果指標による進捗状況（判定した値）',
      '令和6年度 成果指標による進捗状況（前年度比）',
      '令和6年度 成果指標による進捗状況（計算式）',
    ]);
    expect(mk[1]?.split(',').slice(-9)).toEqual([
      '',
      '○',
      '',
      '',
      '',
      '順調',
      '36',
      '↑',
      '(25 − 6) ÷ (25 − 0) = 76.0%',
    ]);
    const kpis = await csv(`${MK}/downloads/indicators.csv`);
    expect(kpis).toContain(
      '1-1-2,保育士の確保・定着支援,保育士就職支援金の交付件数,件,期間の累計,いいえ,期間（Q3）,2024,令和6年度 第3四半期（10～12月）,,2,,,,',
    );
    // The plan declares a progress basis: each year's percentage and formula follow (1,021,800 ÷ 1,200,000).
    expect(kpis).toContain(
      '3-1-1,観光イベントの開催,観光入込客数,人,到達水準,いいえ,年度,2024,2024年,,1021800,,,85.15,"1,021,800 ÷ 1,200,000 = 85.2%"',
    );
    const k2 = await csv(`${K2}/downloads/indicators.csv`);
    expect(k2).toContain(
      '1-1,町政懇談会の開催,町政懇談会の参加者数,人,期間の累計,いいえ,見直し前の目標,2020,令和2年度,600,,,当初目標（令和2年度～令和5年度の累計）,,',
    );
  });
});

describe('the read API on the example plans', () => {
  const ORG = '/api/v1/organizations';
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below
  const api = async (p: string): Promise<any> => {
    const res = await server.get(`${ORG}${p}`);
    expect(res.status, p).toBe(200);
    return res.json();
  };

  it('every example resource fits its OpenAPI schema', async () => {
    const doc = await (await server.get('/api/v1/openapi.json')).json();
    const schemaOf = (template: string) =>
      doc.paths[`/api/v1/organizations/{org}/plans/{plan}${template}`].get.responses['200'].content['application/json']
        .schema;
    const cases: [string, string][] = [
      ['', '/minamikaze/plans/sogo-keikaku-6-zenki'],
      ['', '/komorebi/plans/jikko-keikaku-2'],
      ['/goals/{code}', '/minamikaze/plans/sogo-keikaku-6-zenki/goals/1-1'],
      ['/goals/{code}', '/komorebi/plans/jikko-keikaku-3/goals/1-1-1'],
      ['/initiatives/{code}', '/minamikaze/plans/sogo-keikaku-6-zenki/initiatives/1-1-2'],
      ['/initiatives/{code}', '/komorebi/plans/jikko-keikaku-2/initiatives/1-1'],
      ['/initiatives/{code}', `/komorebi/plans/jikko-keikaku-3/initiatives/${encodeURIComponent('継1')}`],
      ['/initiatives', '/komorebi/plans/jikko-keikaku-2/initiatives'],
    ];
    for (const [template, url] of cases) {
      expect(checkJsonSchema(await api(url), schemaOf(template), doc), url).toEqual([]);
    }
  });

  it('みなみかぜ市: stated figures with what the ratings give', async () => {
    const plan = await api('/minamikaze/plans/sogo-keikaku-6-zenki');
    expect(plan.statedFigures).toEqual([
      {
        fy: 2024,
        period: null,
        scope: null,
        scale: 'achievement',
        method: 'share-at-or-above',
        level: 'B',
        value: 62.6,
        count: null,
        of: null,
        source: '令和6年度行政評価結果報告書 3ページ「達成度B以上の事務事業の割合」',
        what: { ja: '「B」以上の割合', en: 'share at or above "B"' },
        stated: { ja: '62.6%', en: '62.6%' },
        computed: { value: 62.5, formatted: '62.5%', basis: { ja: '10件 ÷ 16件', en: '10 ÷ 16' } },
      },
    ]);
  });

  it('みなみかぜ市: every dimension rolled up for the edition’s year, the primary first', async () => {
    const plan = await api('/minamikaze/plans/sogo-keikaku-6-zenki');
    const pick = (r: Record<string, unknown>) => [
      r.fy,
      (r.scale as { key: string }).key,
      r.method,
      r.value,
      r.formatted,
    ];
    expect(plan.scaleRollups.map(pick)).toEqual([
      [2024, 'achievement', 'distribution', null, 'A: 2, B: 8, C: 6'],
      [2024, 'improvement', 'mean', 16 / 6, '2.7'],
    ]);
    expect(plan.scaleRollups[1]).toMatchObject({
      assessedCount: 6,
      usedCount: 6,
      shareBaseCount: 6,
      missing: ['1-1-3', '1-2-2', '1-2-3', '2-1-2', '2-2-1', '2-2-2', '3-1-2', '3-2-1', '3-2-2', '3-3-1', '3-3-2'],
      methodLabel: { ja: '平均（6件の単純平均）', en: 'Mean of 6 items' },
      distribution: [
        { level: 'improved', label: '○', count: 4, share: 66.7 },
        { level: 'unchanged', label: '△', count: 2, share: 33.3 },
        { level: 'worsened', label: '×', count: 0, share: 0 },
      ],
    });
  });

  it('みなみかぜ市: scales with definitions and rules, the distribution and the missing item', async () => {
    const plan = await api('/minamikaze/plans/sogo-keikaku-6-zenki');
    expect(plan.scales.map((s: { key: string }) => s.key)).toEqual(['achievement', 'improvement']);
    expect(plan.scales[0].rule).toEqual([
      { minPercent: 100, level: 'A' },
      { minPercent: 80, level: 'B' },
      { minPercent: 50, level: 'C' },
      { minPercent: 0, level: 'D' },
    ]);
    expect(plan.scales[0].levels[3]).toMatchObject({ key: 'A', definition: '目標を上回った', score: 4 });
    expect(plan.rollup).toEqual({ method: 'distribution', threshold: null, weighted: false, decimals: 1 });
    expect(plan.reportingFrequency).toBe('quarterly');
    const fy2024 = plan.overall.find((r: { fy: number }) => r.fy === 2024);
    expect(fy2024).toMatchObject({
      formatted: 'A: 2, B: 8, C: 6',
      value: null,
      assessedCount: 16,
      missing: ['3-2-2'],
      excluded: [],
      inactive: [],
      methodLabel: { ja: '分布（16件）', en: 'Distribution of 16 items' },
    });
  });

  it('みなみかぜ市: both ratings when they disagree, 改善度, the traffic light and year-to-date values', async () => {
    const i = await api('/minamikaze/plans/sogo-keikaku-6-zenki/initiatives/1-1-1');
    expect(i.level).toEqual({ ja: '事務事業', en: 'Project' });
    expect(i.dimensions.map((d: { scale: { key: string } }) => d.scale.key)).toEqual(['achievement', 'improvement']);
    const rule2024 = i.dimensions[0].ruleRatings.find((r: { fy: number }) => r.fy === 2024);
    expect(rule2024).toEqual({
      fy: 2024,
      self: { level: 'B', label: 'B' },
      rule: {
        level: 'C',
        label: 'C',
        percent: 76,
        formula: { ja: '(25 − 6) ÷ (25 − 0) = 76.0%', en: '(25 − 6) ÷ (25 − 0) = 76.0%' },
      },
      reason: null,
      disagree: true,
    });
    expect(i.dimensions[1].ratings.find((r: { fy: number }) => r.fy === 2024)).toMatchObject({
      level: 'improved',
      label: '○',
    });
    expect(i.kpiStatus).toMatchObject({
      fy: 2024,
      rule: { key: 'status', name: '成果指標による進捗状況', nameEn: 'Progress from KPIs' },
      level: { key: 'green', label: '順調', labelEn: 'On track' },
      raisedByImprovement: false,
      direction: 'up',
      arrow: '↑',
      percent: 76,
      measure: 36,
      previousPercent: 44,
      expected: 40,
    });
    const q = await api('/minamikaze/plans/sogo-keikaku-6-zenki/initiatives/1-1-2');
    expect(
      q.indicators[0].partYears.map((p: { period: string; yearToDate: number }) => [p.period, p.yearToDate]),
    ).toEqual([
      ['Q1', 3],
      ['Q2', 7],
      ['Q3', 9],
      ['Q4', 14],
      ['Q1', 2],
    ]);
    expect(q.indicators[0].partYears[2].periodLabel).toBe('令和6年度 第3四半期（10～12月）');
    const cal = await api('/minamikaze/plans/sogo-keikaku-6-zenki/initiatives/3-1-1');
    expect(cal.indicators[0].yearBasis).toBe('calendar');
    expect(cal.indicators[0].values.map((v: { yearLabel: string }) => v.yearLabel)).toEqual(['2023年', '2024年']);
    const goal = await api('/minamikaze/plans/sogo-keikaku-6-zenki/goals/1-1');
    expect(goal.level).toEqual({ ja: '施策', en: 'Measure' });
    expect(goal.ownRatings[0].ratings.map((r: { level: string | null }) => r.level)).toEqual([
      'C',
      'B',
      null,
      null,
      null,
    ]);
  });

  it('こもれび町: the mean 1.88 leaves 評価不能 out and names it; revised target, lifecycle and carried-over items', async () => {
    const plan = await api('/komorebi/plans/jikko-keikaku-2');
    expect(plan.overall.find((r: { fy: number }) => r.fy === 2023)).toMatchObject({
      value: 1.875,
      formatted: '1.88',
      usedCount: 8,
      excluded: ['3-4'],
      inactive: ['2-3', '3-2'],
      methodLabel: { ja: '平均（8件の単純平均）', en: 'Mean of 8 items' },
    });
    expect(plan.scales[0].levels[0]).toMatchObject({
      key: 'not-assessable',
      label: '評価不能',
      score: null,
      excluded: true,
    });
    const kpi = (await api('/komorebi/plans/jikko-keikaku-2/initiatives/1-1')).indicators[0];
    expect(kpi.targetInForce).toMatchObject({ value: 400, inForceFromFy: 2022 });
    expect(kpi.targetHistory).toEqual([{ fromFy: 2020, value: 600, note: '当初目標（令和2年度～令和5年度の累計）' }]);
    expect(kpi.progress).toMatchObject({ percent: 89.75, targetUsed: 400, actualUsed: 359 });
    const merged = await api('/komorebi/plans/jikko-keikaku-2/initiatives/2-3');
    expect(merged.lifecycle).toMatchObject({ status: 'merged', fromFy: 2022, into: ['2-5'] });
    expect(merged.kpiStatus).toBeNull();
    expect((await api('/komorebi/plans/jikko-keikaku-2/initiatives/2-5')).lifecycle.addedFy).toBe(2022);
    expect((await api('/komorebi/plans/jikko-keikaku-2/initiatives/1-3')).lifecycle.previousCodes).toEqual(['2-4']);
    const carried = await api(`/komorebi/plans/jikko-keikaku-3/initiatives/${encodeURIComponent('継1')}`);
    expect(carried.level).toEqual({ ja: '事業', en: 'Project' });
    expect(carried.lifecycle.carriedFrom).toEqual({ plan: 'jikko-keikaku-2', code: '3-3' });
  });
});
