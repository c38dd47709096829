import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrefsOf, sectionOf, tableRows, textOf } from '../harness/html-text.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const BASE = '/ogori/action-plan-2';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ database: 'sqlite' });
});
afterAll(async () => {
  await server?.close();
});

async function page(path: string): Promise<{ status: number; html: string; text: string; res: Response }> {
  const res = await server.get(path);
  const html = await res.text();
  return { status: res.status, html, text: textOf(html), res };
}

describe('index pages', () => {
  it('lists the one published plan with a prominent link instead of redirecting', async () => {
    const p = await page('/');
    expect(p.status).toBe(200);
    expect(p.html).toContain(
      '<a class="button" href="/ogori/action-plan-2/">もっとつながるまち小郡アクションプランを見る</a>',
    );
    expect(p.text).toContain('小郡市');
    expect(p.text).toContain('令和4年度実績反映版');
  });

  it('lists an organization’s plans and leads /ogori to /ogori/', async () => {
    const p = await page('/ogori/');
    expect(p.status).toBe(200);
    expect(p.html).toContain('<h1>小郡市の計画</h1>');
    const r = await server.get('/ogori?lang=en');
    expect([r.status, r.headers.get('location')]).toEqual([301, '/ogori/?lang=en']);
  });
});

describe('plan home', () => {
  it('shows vision, period, edition and the R4 overall rate 40.5 % of 40 assessed, from the roll-up', async () => {
    const p = await page(`${BASE}/`);
    expect(p.status).toBe(200);
    expect(p.html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
    expect(p.text).toContain('ビジョン もっとつながるまち小郡');
    expect(p.text).toContain('計画期間 令和4年度（2022年度）～令和6年度（2024年度）');
    expect(p.text).toContain('版 令和4年度実績反映版');
    const headline = textOf(sectionOf(p.html, /<p class="headline">/, 'p'));
    expect(headline).toBe('令和4年度 40.5% 40件中40件評価済');
    expect(tableRows(p.html, '年度ごとの目標達成率（全体平均）と評価済みの件数')).toEqual([
      ['令和4年度', '40.5%', '平均（40件の単純平均）', '40件中40件評価済'],
      ['令和5年度', '未評価', '—', '40件中0件評価済、未評価40件'],
      ['令和6年度', '未評価', '—', '40件中0件評価済、未評価40件'],
    ]);
  });

  it('shows the distribution of R4 ratings as a chart and the same numbers as a table', async () => {
    const p = await page(`${BASE}/`);
    const rows = tableRows(p.html, '令和4年度の評価ごとの件数と割合');
    expect(rows.map((r) => `${r[0]}:${r[1]}:${r[2]}`)).toEqual([
      '100%:5件:12.5%',
      '90%:0件:0.0%',
      '80%:1件:2.5%',
      '70%:2件:5.0%',
      '60%:2件:5.0%',
      '50%:4件:10.0%',
      '40%:2件:5.0%',
      '30%:6件:15.0%',
      '20%:14件:35.0%',
      '10%:4件:10.0%',
      '0%:0件:0.0%',
    ]);
    const svg = sectionOf(
      p.html,
      /<svg class="chart chart--bars"[^>]*aria-labelledby="chart-distribution-title/,
      'svg',
    );
    expect(svg).toContain('<title id="chart-distribution-title">令和4年度の評価の分布</title>');
    expect(textOf(svg)).toContain('20%: 14件');
  });

  it('shows the achievement of each 基本目標 with links to the goal pages', async () => {
    const p = await page(`${BASE}/`);
    const rows = tableRows(p.html, '基本目標ごとの令和4年度の目標達成率と件数');
    // The 15 基本目標 the original has; the 継続案件 are a group of their own, listed apart.
    expect(rows).toHaveLength(15);
    expect(rows[0]).toEqual(['1', '市民対話・情報発信の強化', '3件', '53.3%', '平均（3件の単純平均）']);
    expect(rows[8]).toEqual(['9', expect.any(String), '5件', '40.0%', '平均（5件の単純平均）']);
    expect(rows.at(-1)?.[0]).toBe('15');
    expect(tableRows(p.html, '第1期アクションプランからの継続案件：令和4年度の目標達成率と件数')).toEqual([
      ['継', '第1期アクションプランからの継続案件', '1件', '20.0%', '平均（1件の単純平均）'],
    ]);
    expect(p.text).not.toContain('基本目標 継');
    expect(hrefsOf(p.html)).toContain(`${BASE}/goals/1`);
    expect(hrefsOf(p.html)).toContain(`${BASE}/goals/%E7%B6%99`);
  });

  it('speaks English with ?lang=en and keeps the language in its links', async () => {
    const p = await page(`${BASE}/?lang=en`);
    expect(p.html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(textOf(sectionOf(p.html, /<p class="headline">/, 'p'))).toBe('FY2022 40.5% 40 of 40 assessed');
    expect(p.text).toContain('Plan period FY2022 (R4)–FY2024 (R6)');
    expect(hrefsOf(p.html)).toContain(`${BASE}/goals/1?lang=en`);
    // The switch leads back to Japanese; content without an English version stays Japanese, marked as such.
    expect(p.html).toContain(`<a class="lang-switch" href="${BASE}/" lang="ja" hreflang="ja">日本語</a>`);
    expect(p.html).toContain('<span lang="ja">市民対話・情報発信の強化</span>');
  });
});

describe('goal page', () => {
  it('wraps Japanese headings and 課 names between phrases (<wbr> from the segmenter, auto-phrase in CSS)', async () => {
    expect((await page(`${BASE}/goals/2`)).html).toContain(
      '<h1><span class="phrases">新型コロナウイルス感染症ワクチン接種の<wbr/>速やかな<wbr/>実施</span></h1>',
    );
    expect((await page(`${BASE}/goals/13`)).html).toContain(
      '<h1><span class="phrases">デジタル化に<wbr/>よる<wbr/>市民サービスの<wbr/>向上と<wbr/>業務変革</span></h1>',
    );
    // A 課 name is one phrase: no break opportunity inside 「スポーツ振興課」.
    expect((await page(`${BASE}/initiatives/3-3`)).html).toContain('<span class="phrases">スポーツ振興課</span>');
    const css = await (await server.get('/assets/portal.css')).text();
    expect(css).toMatch(/\.phrases \{\s+word-break: keep-all;/);
    expect(css).toMatch(
      /@supports \(word-break: auto-phrase\) \{\s+\.phrases:lang\(ja\) \{\s+word-break: auto-phrase;/,
    );
  });

  it('lists the goal’s initiatives with departments, ratings and KPI progress', async () => {
    const p = await page(`${BASE}/goals/1`);
    expect(p.status).toBe(200);
    expect(p.html).toContain('<h1><span class="phrases">市民対話・情報発信の<wbr/>強化</span></h1>');
    expect(tableRows(p.html, '年度ごとの目標達成率')[0]).toEqual([
      '令和4年度',
      '53.3%',
      '平均（3件の単純平均）',
      '3件中3件評価済',
    ]);
    const titles = [...p.html.matchAll(/<h3 class="card__title"><a href="([^"]+)">([\s\S]*?)<\/a><\/h3>/g)].map((m) => [
      m[1],
      textOf(m[2] ?? ''),
    ]);
    expect(titles).toEqual([
      [`${BASE}/initiatives/1-1`, '1-1 車座トーク、出前トークの利用者アップ'],
      [`${BASE}/initiatives/1-2`, '1-2 市長発信用SNS開設'],
      [`${BASE}/initiatives/1-3`, '1-3 市SNSの情報発信力強化'],
    ]);
    expect(p.text).toContain('フォロワー数 8,104 ÷ 10,000 = 81.0%');
    expect(p.text).toContain('車座トーク、出前トーク利用件数 累計 6 ÷ 目標 81 = 7.4%');
    expect(p.text).toContain('担当課 総務広報課');
  });

  it('serves the 継 group through its percent-encoded code', async () => {
    const p = await page(`${BASE}/goals/${encodeURIComponent('継')}`);
    expect(p.status).toBe(200);
    expect(p.text).toContain('継1 人事評価制度の活用');
    expect(p.html).toContain('<title>継 第1期アクションプランからの継続案件');
    expect(p.text).not.toContain('基本目標 継');
  });
});

describe('initiative page', () => {
  it('14-1, whose sheet is not in the source text, says so once instead of 記載なし per section', async () => {
    const p = await page(`${BASE}/initiatives/14-1`);
    expect(p.status).toBe(200);
    expect(p.text.split('原本のテキストに取組シートの内容がありません')).toHaveLength(2);
    expect(p.text).not.toContain('記載なし');
    expect(p.html).not.toContain('id="situation"');
    expect(p.html).not.toContain('id="roadmap"');
    expect(p.text).toContain('令和4年度 30%');
  });

  it('keeps the line breaks of a multi-line 目標 (8-2, 10-1)', async () => {
    expect((await page(`${BASE}/initiatives/8-2`)).html).toContain(
      '<p class="lines">・健康づくりポイント制度の活用を開始する\n・事業参加者数600人（市人口の1%を目標）</p>',
    );
    expect((await page(`${BASE}/initiatives/10-1`)).html).toContain(
      '<p class="lines">・オンライン相談の実施\n・子育てに関するオンライン講座の実施\n・SNSを活用した子育て情報提供（100件/R4~R6累計）</p>',
    );
    expect(await (await server.get('/assets/portal.css')).text()).toMatch(/\.lines \{\s+white-space: pre-line;/);
  });

  it('1-3: department, 現状/課題 as of 令和3年度, goal, 工程表 by year, KPI 8,104 of 10,000, rating cells', async () => {
    const p = await page(`${BASE}/initiatives/1-3`);
    expect(p.status).toBe(200);
    expect(p.html).toContain('<h1><span class="phrases">市SNSの<wbr/>情報発信力強化</span></h1>');
    expect(p.text).toContain('担当課 総務広報課');
    expect(p.text).toContain('現状（令和3年度時点） SNS (Facebook・Twitter) を活用し');
    expect(p.text).toContain('課題（令和3年度時点） 投稿に対する評価・効果を分析し');
    expect(p.text).toContain('計画期間内の目標 R6年度末までにフォロワー数を4倍の10,000とする');
    expect(tableRows(p.html, '年度ごとの計画と実績')).toEqual([
      ['令和3年度', '—', 'R3.7月にLINEの運用を開始 R4.3月末フォロワー数累計6,835達成'],
      ['令和4年度', '—', '各種SNSの効果的な運用方法を研究・実行 フォロワー数累計8,104を達成'],
      ['令和5年度', '積極的・効果的な情報発信を行う フォロワー数累計9,000を目指す', '—'],
      ['令和6年度', '積極的・効果的な情報発信を行う フォロワー数累計10,000を目指す', '—'],
    ]);
    expect(p.text).toContain('令和4年度時点の進捗 8,104 ÷ 10,000 = 81.0%');
    expect(tableRows(p.html, 'フォロワー数の年度ごとの目標値と実績値')).toEqual([
      ['令和2年度（基準値）', '—', '2,500'],
      ['令和3年度', '—', '6,835 R4.3月末フォロワー数累計6,835達成'],
      ['令和4年度', '—', '8,104'],
      ['令和5年度', '9,000', '—'],
      ['令和6年度', '10,000', '—'],
    ]);
    const svg = sectionOf(p.html, /<svg class="chart chart--indicator"[^>]*>/, 'svg');
    expect(svg).toContain('<title id="kpi-1-chart-title">フォロワー数の推移</title>');
    expect(textOf(svg)).toContain('令和4年度 実績8,104・目標—');
    // R4 = 80 %: eight of the ten cells filled, and the value in words.
    const r4 = sectionOf(p.html, /<th scope="row">令和4年度<\/th><td>/, 'td');
    expect(r4.match(/cell cell--on/g)).toHaveLength(8);
    expect(r4.match(/class="cell"/g)).toHaveLength(2);
    expect(textOf(r4)).toBe('80%');
    // The plan states no lifecycle status: none is printed (実施中 would be the schema's default only).
    expect(p.text).not.toContain('状態');
    expect(p.text).not.toContain('実施中');
  });

  it('5-2 and 6-1: the KPI arithmetic and the city’s own rating, and no status the plan does not declare', async () => {
    const p52 = await page(`${BASE}/initiatives/5-2`);
    expect(p52.text).toContain('令和4年度時点の進捗 21 ÷ 25 = 84.0%');
    expect(textOf(sectionOf(p52.html, /<th scope="row">令和4年度<\/th><td>/, 'td'))).toBe('30%');
    const p61 = await page(`${BASE}/initiatives/6-1`);
    expect(p61.text).toContain('令和4年度時点の進捗 559 ÷ 1,000 = 55.9%');
    for (const p of [p52, p61]) {
      expect(p.html).not.toContain('class="rag');
      expect(p.html).not.toContain('id="kpi-status"');
      for (const verdict of ['順調', 'やや遅れ', '遅れ', '進捗状況（']) expect(p.text).not.toContain(verdict);
    }
  });

  it('links to the previous and next initiative across goals', async () => {
    const p = await page(`${BASE}/initiatives/1-3`);
    expect(p.html).toContain(`<a class="pager__prev" rel="prev" href="${BASE}/initiatives/1-2">`);
    expect(p.html).toContain(`<a class="pager__next" rel="next" href="${BASE}/initiatives/2-1">`);
  });

  it('9-1 lists its three 課, each linking to its department page', async () => {
    const p = await page(`${BASE}/initiatives/9-1`);
    const dd = sectionOf(p.html, /<dt>担当課<\/dt><dd>/, 'dd');
    expect(textOf(dd)).toBe('学校教育課 スポーツ振興課 生涯学習課');
    expect(hrefsOf(dd)).toEqual([
      `${BASE}/departments/gakko-kyoiku`,
      `${BASE}/departments/sports-shinko`,
      `${BASE}/departments/shogai-gakushu`,
    ]);
  });

  it('in English keeps content as entered and localizes the interface', async () => {
    const p = await page(`${BASE}/initiatives/1-3?lang=en`);
    expect(p.text).toContain('Responsible divisions General Affairs and Public Relations Division');
    expect(p.text).toContain('Progress as of FY2022 8,104 ÷ 10,000 = 81.0%');
    expect(p.html).toContain('<h3 id="kpi-1-name">Followers</h3>');
    expect(p.html).toContain('<h1><span class="phrases" lang="ja">市SNSの<wbr/>情報発信力強化</span></h1>');
  });
});

describe('caching', () => {
  it('answers a repeated request with 304 by ETag; current pages revalidate soon, pinned editions are immutable', async () => {
    const first = await server.get(`${BASE}/initiatives/1-3`);
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await server.get(`${BASE}/initiatives/1-3`, { headers: { 'If-None-Match': etag! } });
    expect([again.status, await again.text()]).toEqual([304, '']);

    const editionId = (await server.ctx.store.db.selectFrom('editions').select('id').executeTakeFirstOrThrow()).id;
    const pinned = await server.get(`${BASE}/initiatives/1-3?edition=${editionId}`);
    const html = await pinned.text();
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hrefsOf(html)).toContain(`${BASE}/initiatives/1-2?edition=${editionId}`);
    expect(textOf(html)).toContain('版「令和4年度実績反映版」を表示しています。 最新の版を見る');
  });
});

describe('errors', () => {
  it('gives a helpful 404 for an unknown code, with ways to the goal list and search', async () => {
    const p = await page(`${BASE}/initiatives/99-9`);
    expect(p.status).toBe(404);
    expect(p.text).toContain('ページが見つかりません');
    expect(p.text).toContain('「99-9」は、この版にはありません。');
    expect(hrefsOf(p.html)).toEqual(expect.arrayContaining([`${BASE}/#by-goal`, `${BASE}/search`, `${BASE}/list`]));
    // A goal code asked for as an initiative is not one.
    expect((await page(`${BASE}/initiatives/1`)).status).toBe(404);
    expect((await page(`${BASE}/goals/1-1`)).status).toBe(404);
  });

  it('gives 404 for unknown organizations, plans and editions', async () => {
    expect((await page('/nowhere/')).status).toBe(404);
    expect((await page('/ogori/no-plan/')).status).toBe(404);
    const p = await page(`${BASE}/?edition=00000000-0000-4000-8000-000000000000&lang=en`);
    expect([p.status, p.text.includes('published edition not found')]).toEqual([404, true]);
  });

  it('gives the helpful 404 page for any other address, malformed ones included', async () => {
    for (const path of ['/foo/bar/baz/qux', `${BASE}/goals/%ZZ`, `${BASE}/initiatives/%`, `${BASE}/goals/1/`]) {
      const p = await page(path);
      expect([path, p.status, p.text.includes('ページが見つかりません')]).toEqual([path, 404, true]);
    }
  });

  it('gives 400 with a message for bad parameters, never 500', async () => {
    const p = await page(`${BASE}/?lang=fr`);
    expect(p.status).toBe(400);
    expect(p.text).toContain('言語（lang）には ja または en を指定してください。');
    const e = await page(`${BASE}/initiatives/1-3?edition=${'x'.repeat(80)}&lang=en`);
    expect([e.status, e.text.includes('The edition parameter is not valid.')]).toEqual([400, true]);
  });
});
