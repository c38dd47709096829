import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithCorrection } from '../harness/corrected-edition.ts';
import { hrefsOf, tableRows, textOf } from '../harness/html-text.ts';
import { DIALECTS } from '../harness/test-database.ts';
import type { TestServer } from '../harness/test-server.ts';

const BASE = '/ogori/action-plan-2';

// Citizens compare two published editions (issue 19 item 12): a correction of 1-1 (its R4 rating, KPI value, a
// result line and its 根拠法令) published as a second edition, read over real HTTP from both databases.
for (const dialect of DIALECTS) {
  describe(`the public comparison of editions (${dialect})`, () => {
    let server: TestServer;
    let firstId: string;
    let secondId: string;
    beforeAll(async () => {
      ({ server, firstId, secondId } = await startServerWithCorrection(dialect));
    }, 60_000);
    afterAll(() => server?.close());

    const get = async (path: string) => {
      const res = await server.get(path);
      return { status: res.status, html: await res.text() };
    };

    it('shows what changed from the previous edition to the newest, in the plan’s own terms', async () => {
      const { status, html } = await get(`${BASE}/compare`);
      expect(status).toBe(200);
      const text = textOf(html);
      expect(text).toContain(
        '版の比較 公表された2つの版を選ぶと、その間に変わった評価、成果指標の値、工程表と記載内容を取組ごとに示します。 ' +
          '比較元の版 令和4年度実績反映版（訂正）（令和4年度） 令和4年度実績反映版（令和4年度） ' +
          '比較先の版 令和4年度実績反映版（訂正）（令和4年度） 令和4年度実績反映版（令和4年度） 比較する ' +
          '「令和4年度実績反映版」から「令和4年度実績反映版（訂正）」への変更：変更のあった取組 1件、変更のない取組 39件 ' +
          '1-1 車座トーク、出前トークの利用者アップ',
      );
      expect(html).toContain(`<option value="${firstId}" selected="">`);
      expect(tableRows(html, '1-1 評価の変更')).toEqual([['令和4年度', '10%', '60%']]);
      expect(tableRows(html, '1-1 成果指標の値の変更')).toEqual([
        ['車座トーク、出前トーク利用件数（令和4年度・実績値）', '6件', '8件'],
      ]);
      expect(tableRows(html, '1-1 工程表と記載内容の変更')).toEqual([
        ['工程表：令和4年度の実績', '追加', '要綱を改正した'],
      ]);
      expect(tableRows(html, '1-1 その他の記載項目の変更')).toEqual([['根拠法令', '—', '地方自治法']]);
      expect(hrefsOf(html)).toContain(`${BASE}/initiatives/1-1?edition=${secondId}`);
    });

    it('reads in English, and compares the other way round when asked', async () => {
      const { html } = await get(`${BASE}/compare?from=${secondId}&to=${firstId}&lang=en`);
      expect(textOf(html)).toContain(
        'From “令和4年度実績反映版（訂正）” to “令和4年度実績反映版”: 1 initiative(s) changed, 39 unchanged',
      );
      expect(tableRows(html, '1-1 Ratings changed')).toEqual([['FY2022', '60%', '10%']]);
      expect(tableRows(html, '1-1 KPI values changed')).toEqual([
        ['Uses of Kurumaza Talk and Demae Talk (FY2022, Actual)', '8件', '6件'],
      ]);
      expect(tableRows(html, '1-1 Roadmap and text changed')).toEqual([
        ['Roadmap: results in FY2022', 'Removed', '要綱を改正した'],
      ]);
      expect(tableRows(html, '1-1 Other fields changed')).toEqual([['Legal basis', '地方自治法', '—']]);
      expect(hrefsOf(html)).toContain(`${BASE}/initiatives/1-1?edition=${firstId}&lang=en`);
      const same = textOf((await get(`${BASE}/compare?from=${firstId}&to=${firstId}`)).html);
      expect(same).toContain('同じ版どうしを選んでいるため、違いはありません。');
      expect(same).not.toContain('変更のあった取組');
    });

    it('is linked from the plan home and the editions list; refuses unknown and malformed editions', async () => {
      expect(hrefsOf((await get(`${BASE}/`)).html)).toContain(`${BASE}/compare`);
      const list = (await get(`${BASE}/editions`)).html;
      expect(tableRows(list, '公表された版').map((r) => r[4])).toEqual(['前の版と比較', '']);
      expect(hrefsOf(list)).toContain(`${BASE}/compare?from=${firstId}&to=${secondId}`);
      const unknown = await get(`${BASE}/compare?from=00000000-0000-0000-0000-000000000000`);
      expect(unknown.status).toBe(404);
      const bad = await get(`${BASE}/compare?to=%3Cscript%3E`);
      expect(bad.status).toBe(400);
    });
  });
}
