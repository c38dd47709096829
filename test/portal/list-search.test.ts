import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrefsOf, sectionOf, tableRows, textOf } from '../harness/html-text.ts';
import { sourceList } from '../harness/ogori-source.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const BASE = '/ogori/action-plan-2';
const CAPTION = '取組ごとの目標達成率（番号順）';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ database: 'sqlite' });
});
afterAll(async () => {
  await server?.close();
});

async function page(p: string) {
  const res = await server.get(p);
  const html = await res.text();
  return { status: res.status, html, text: textOf(html) };
}

describe('一覧', () => {
  it('matches the document’s 目標達成率一覧 row for row: codes, titles, 課 and R4 rates', async () => {
    const p = await page(`${BASE}/list`);
    expect(p.status).toBe(200);
    const rows = tableRows(p.html, CAPTION);
    const doc = sourceList();
    expect(doc.rows).toHaveLength(40);
    expect(rows[0]).toEqual(['目標達成率（全体平均）', doc.overall, '', '']);
    expect(doc.overall).toBe('40.5%');
    const ours = rows.slice(1);
    expect(ours).toHaveLength(40);
    ours.forEach((row, i) => {
      const { code, title, depts, r4 } = doc.rows[i]!;
      expect(row[0]).toBe(code);
      // The 一覧 keeps its own wording (1-2 「市長発信SNS開設」, 13-1 「…手続ができる…」), not the sheet's.
      expect(row[1]).toBe(title);
      expect(row[2]?.split('、').map((d) => d.trim())).toEqual(depts);
      expect([row[3], row[4], row[5]]).toEqual([r4, '', '']);
    });
  });

  it('sorts by rate (document order among equals) and filters by 課, goal and range via the query', async () => {
    const desc = tableRows(
      (await page(`${BASE}/list?sort=rating-desc`)).html,
      '取組ごとの目標達成率（目標達成率の高い順）',
    );
    expect(desc.slice(1, 8).map((r) => `${r[0]} ${r[3]}`)).toEqual([
      '2-1 100.0%',
      '4-1 100.0%',
      '5-4 100.0%',
      '7-1 100.0%',
      '11-1 100.0%',
      '1-3 80.0%',
      '1-2 70.0%',
    ]);
    const byDept = await page(`${BASE}/list?dept=keiei-senryaku`);
    expect(tableRows(byDept.html, CAPTION).map((r) => r[0])).toEqual([
      '1-1',
      '1-2',
      '4-1',
      '5-3',
      '12-2',
      '13-1',
      '13-2',
      '14-2',
    ]);
    expect(byDept.text).toContain('8件を表示しています。');
    expect(byDept.html).toContain('<option value="keiei-senryaku" selected="">経営戦略課</option>');
    const goal9 = tableRows((await page(`${BASE}/list?goal=9&min=40`)).html, CAPTION);
    expect(goal9.map((r) => `${r[0]} ${r[3]}`)).toEqual(['9-1 40.0%', '9-3 60.0%', '9-5 50.0%']);
    const asc = tableRows(
      (await page(`${BASE}/list?sort=rating-asc&max=10`)).html,
      '取組ごとの目標達成率（目標達成率の低い順）',
    );
    expect(asc.map((r) => r[0])).toEqual(['1-1', '3-2', '5-1', '7-2']);
  });

  it('answers bad parameters with 400 and a message', async () => {
    const bad = await page(`${BASE}/list?sort=size`);
    expect([bad.status, bad.text.includes('並べ替え（sort）の指定が正しくありません。')]).toEqual([400, true]);
    const range = await page(`${BASE}/list?min=60&max=20&lang=en`);
    expect([range.status, range.text.includes('Minimum (min) is greater than maximum (max).')]).toEqual([400, true]);
    const nan = await page(`${BASE}/list?min=abc`);
    expect([nan.status, nan.text.includes('下限（min）には 0 から 100 までの数を指定してください。')]).toEqual([
      400,
      true,
    ]);
  });
});

describe('departments', () => {
  it('lists each 課 with how many initiatives it leads or shares', async () => {
    const p = await page(`${BASE}/departments/`);
    const rows = tableRows(p.html, '担当課の一覧');
    expect(rows).toHaveLength(21);
    // (10+70+100+20+30+40+50+20) ÷ 8
    expect(rows[0]).toEqual(['経営戦略課', '8件', '0件', '42.5%', '平均（8件の単純平均）']);
    expect(rows.find((r) => r[0] === 'スポーツ振興課')).toEqual([
      'スポーツ振興課',
      '2件',
      '1件',
      '26.7%',
      '平均（3件の単純平均）',
    ]);
  });

  it('shows what one 課 is responsible for, lead or shared, with its mean rate', async () => {
    const p = await page(`${BASE}/departments/sports-shinko`);
    expect(p.html).toContain('<h1><span class="phrases">スポーツ振興課の<wbr/>取組</span></h1>');
    expect(textOf(sectionOf(p.html, /<p class="headline">/, 'p'))).toBe(
      '令和4年度の目標達成率（この課が担当する取組） 26.7% 3件中3件評価済',
    );
    expect(tableRows(p.html, 'スポーツ振興課の取組')).toEqual([
      ['3-3', '小郡市体育館の建て替え', '主担当', '20.0%'],
      ['9-1', '新たな部活動の仕組みづくり', '共同担当', '40.0%'],
      ['15-1', 'プロスポーツ球団との連携によるスポーツイベント等の開催', '主担当', '20.0%'],
    ]);
    expect((await page(`${BASE}/departments/no-such-ka`)).status).toBe(404);
  });
});

describe('search', () => {
  const codesOf = (html: string) =>
    [...html.matchAll(/<li><a href="\/ogori\/action-plan-2\/initiatives\/([^"?]+)[^"]*"><span class="code">/g)].map(
      (m) => decodeURIComponent(m[1]!),
    );

  it('finds partial Japanese words: SNS, ワクチン, 給食', async () => {
    const sns = await page(`${BASE}/search?q=SNS`);
    expect(sns.text).toContain('「SNS」の検索結果：4件');
    expect(codesOf(sns.html)).toEqual(['1-2', '1-3', '10-1', '11-1']);
    expect(sns.html).toContain('市長発信用<mark>SNS</mark>開設');
    const vaccine = await page(`${BASE}/search?q=${encodeURIComponent('ワクチン')}`);
    expect(codesOf(vaccine.html)).toEqual(['2-1']);
    const lunch = await page(`${BASE}/search?q=${encodeURIComponent('給食')}`);
    expect(codesOf(lunch.html)).toEqual(['12-1']);
  });

  it('normalises width and case on both sides and requires every word', async () => {
    const wide = await page(`${BASE}/search?q=${encodeURIComponent('ｓｎｓ')}`);
    expect(codesOf(wide.html)).toEqual(['1-2', '1-3', '10-1', '11-1']);
    const both = await page(`${BASE}/search?q=${encodeURIComponent('SNS　子育て')}`);
    expect(codesOf(both.html)).toEqual(['10-1']);
  });

  it('searches 工程表 items and indicator names, and shows where it found them', async () => {
    const p = await page(`${BASE}/search?q=${encodeURIComponent('フォロワー')}`);
    expect(codesOf(p.html)).toEqual(['1-3']);
    expect(p.text).toContain('見つかった箇所：成果指標、目標、現状、課題、工程表');
    const roadmap = await page(`${BASE}/search?q=${encodeURIComponent('Web会議システム')}`);
    expect(codesOf(roadmap.html)).toContain('1-1');
  });

  it('filters by goal, 課, rate range and status, with or without words', async () => {
    const goal = await page(`${BASE}/search?q=SNS&goal=10`);
    expect(codesOf(goal.html)).toEqual(['10-1']);
    const dept = await page(`${BASE}/search?dept=kenko`);
    expect(dept.text).toContain('条件に合う取組：4件');
    expect(codesOf(dept.html)).toEqual(['2-1', '8-1', '8-2', '10-1']);
    const range = await page(`${BASE}/search?min=80&max=100&status=active`);
    expect(codesOf(range.html)).toEqual(['1-3', '2-1', '4-1', '5-4', '7-1', '11-1']);
    const none = await page(`${BASE}/search?q=${encodeURIComponent('存在しない言葉')}`);
    expect(none.text).toContain('該当する取組は見つかりませんでした。');
    const sdg = await page(`${BASE}/search?sdg=3`);
    expect(sdg.text).toContain('条件に合う取組：0件');
  });

  it('keeps the language and edition in the form and answers bad filters with 400', async () => {
    const en = await page(`${BASE}/search?q=SNS&lang=en`);
    expect(en.html).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(en.text).toContain('Results for “SNS”: 4');
    expect(hrefsOf(en.html)).toContain(`${BASE}/initiatives/1-2?lang=en`);
    expect((await page(`${BASE}/search?sdg=18`)).status).toBe(400);
    expect((await page(`${BASE}/search?status=paused`)).status).toBe(400);
    expect((await page(`${BASE}/search?q=${'あ'.repeat(201)}`)).status).toBe(400);
  });
});

describe('downloads', () => {
  it('links CSV, CSV for Excel, indicators CSV, roll-up CSV, JSON, the workbook and the PDF (its fonts are installed)', async () => {
    const p = await page(`${BASE}/downloads`);
    expect(hrefsOf(sectionOf(p.html, /<ul class="downloads">/, 'ul'))).toEqual([
      `${BASE}/downloads/edition.csv`,
      `${BASE}/downloads/edition.csv?bom=1`,
      `${BASE}/downloads/indicators.csv`,
      `${BASE}/downloads/rollup.csv`,
      `${BASE}/downloads/edition.json`,
      `${BASE}/downloads/edition.xlsx`,
      `${BASE}/downloads/edition.pdf`,
    ]);
  });

  it('serves the edition as UTF-8 CSV, one row per initiative, and with a BOM for Excel', async () => {
    const res = await server.get(`${BASE}/downloads/edition.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ogori-action-plan-2-fy2022.csv"; filename*=UTF-8''${encodeURIComponent('ogori-action-plan-2-令和4年度実績反映版.csv')}`,
    );
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines).toHaveLength(42); // header, 40 rows, final empty string
    expect(lines[1]).toBe(
      '小郡市,もっとつながるまち小郡アクションプラン,令和4年度実績反映版,2022,1,市民対話・情報発信の強化,1-1,車座トーク、出前トークの利用者アップ,経営戦略課,keiei-senryaku,,,利用件数 R4～R6年度累計81件を目指す (R1年度→R6年度200%アップ),車座トーク、出前トークの利用者アップ,現状の「申請手を緩和」は原本の表記のまま（「申請手続きを緩和」等の脱字の可能性）,10%,10,,,,',
    );
    const bom = new Uint8Array(await (await server.get(`${BASE}/downloads/edition.csv?bom=1`)).arrayBuffer());
    expect([...bom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await server.get(`${BASE}/downloads/edition.csv?bom=yes`)).status).toBe(400);
  });

  it('serves the whole edition as JSON, as published', async () => {
    const res = await server.get(`${BASE}/downloads/edition.json`);
    const json = (await res.json()) as {
      format: string;
      edition: { name: string; fy: number };
      content: { plan: { nodes: unknown[] } };
    };
    expect([json.format, json.edition.name, json.edition.fy, json.content.plan.nodes.length]).toEqual([
      'shinchoku-edition/v1',
      '令和4年度実績反映版',
      2022,
      16,
    ]);
  });
});
