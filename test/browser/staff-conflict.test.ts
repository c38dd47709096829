import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDepartmentWorkbook, saveAsColleague } from '../../scripts/staff-scenario.ts';
import { getReport, openReportingRound, systemActor } from '../../src/app/index.ts';
import { launchBrowser } from '../harness/browser.ts';
import { LANGUAGES_AT_WIDTHS, pageProblems, signInAt, spaceBelowCommentButton } from '../harness/staff-browser.ts';
import { buildStaff, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * The conflict page in real Chromium (issue 19 item 6): a clerk's save refused because a colleague saved first
 * shows the fields that differ, and the clerk takes, per field, their own input or the saved content; the choice
 * is saved through the same use case as the form. Japanese and English, desktop and phone width, axe at zero.
 * Then the same choice for the fields an uploaded 課 workbook left: kept for the clerk, reached from the upload's
 * result page, decided in the browser.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let clerk: TestStaff;
let colleague: TestStaff;
const ROUND = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };
// What the colleague's save changes, before the clerk's stale save or upload arrives.
const COLLEAGUE_SAVES = { actual: '同僚の実績', rating: '60', comment: '同僚のコメント' };
const RUNS = LANGUAGES_AT_WIDTHS.map((pair, i) => ({ ...pair, code: ['1-1', '1-2', '4-1', '5-3'][i]! }));

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ now: () => new Date('2024-05-27T01:00:00Z') }),
    launchBrowser(),
  ]);
  clerk = await buildStaff(server.ctx, { role: 'department-editor', department: 'keiei-senryaku' });
  colleague = await buildStaff(server.ctx, { role: 'department-editor', department: 'keiei-senryaku' });
  await openReportingRound({ ctx: server.ctx, actor: systemActor(), ...ROUND, dueDate: '2024-05-31' });
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

describe('resolving a conflict per field in Chromium', () => {
  for (const { lang, width, code } of RUNS)
    it(`takes the saved 実績 and rating and the clerk's comment (${lang}, ${width}px)`, async () => {
      const page = await signInAt(browser, contexts, server.url, clerk.email, width);
      await page.goto(`${server.url}/staff/plans/action-plan-2/rounds/2023/tasks/${code}?lang=${lang}`);
      await page.locator('textarea[name="actual"]').fill('担当者の実績');
      await page.locator('select[name="rating"]').selectOption('70');
      await page.locator('textarea[name="comment"]').fill('担当者のコメント');
      // Meanwhile a colleague saves the same initiative in another browser.
      await saveAsColleague(server.ctx, colleague.actor, { ...ROUND, code }, COLLEAGUE_SAVES);
      await page.getByRole('button', { name: lang === 'ja' ? '下書き保存' : 'Save draft' }).click();
      const panel = page.getByRole('alert');
      await expect
        .poll(() => panel.locator('tbody th').allTextContents())
        .toEqual(
          lang === 'ja'
            ? ['令和5年度の実績（1行に1項目）', '目標達成率（自己評価）', '評価の理由・コメント']
            : ['Results in FY2023 (one item per line)', '目標達成率 (self-assessment)', 'Reason / comment'],
        );
      expect(await pageProblems(page)).toEqual([]);
      await panel.locator('input[name="take.actual"][value="theirs"]').check();
      await panel.locator('input[name="take.rating"][value="theirs"]').check();
      // The comment stays on the clerk's input (the default choice).
      await page
        .getByRole('button', { name: lang === 'ja' ? '選んだ内容で保存する' : 'Save with these choices' })
        .click();
      await page.waitForURL(/\/tasks\/[^/?]+\?/);
      const saved = (await getReport({ ctx: server.ctx, actor: clerk.actor, ...ROUND, code })).values;
      expect([saved.actual, saved.rating, saved.comment]).toEqual(['同僚の実績', '60', '担当者のコメント']);
      expect(await pageProblems(page)).toEqual([]);
    }, 120_000);
});

/** The clerk's 課 workbook with 実績 and comment of one initiative typed in (exceljs, as a clerk's Excel saves it). */
async function workbookWith(code: string, actual: string, comment: string): Promise<Buffer> {
  const s = await signInStaff(server.ctx, clerk.email, 'wb');
  const res = await server.get('/staff/plans/action-plan-2/rounds/2023/workbook?department=keiei-senryaku', {
    headers: { cookie: s.cookie },
  });
  return fillDepartmentWorkbook(await res.arrayBuffer(), {
    [code]: { '令和5年度 実績': actual, コメント: comment },
  });
}

describe('resolving the conflicts of an uploaded workbook in Chromium', () => {
  // Each run its own initiative of the 課, so one run's choices never meet another's.
  const codes = ['12-2', '13-1', '13-2', '14-2'] as const;
  for (const [i, { lang, width }] of LANGUAGES_AT_WIDTHS.entries())
    it(`keeps the saved 実績 and the file's comment (${lang}, ${width}px)`, async () => {
      const code = codes[i]!;
      const file = await workbookWith(code, '担当者の実績', 'ファイルのコメント');
      // After the file was made, a colleague saves 実績, rating and comment in the form.
      await saveAsColleague(server.ctx, colleague.actor, { ...ROUND, code }, COLLEAGUE_SAVES);
      const page = await signInAt(browser, contexts, server.url, clerk.email, width);
      await page.goto(`${server.url}/staff/plans/action-plan-2/rounds/2023/mine?lang=${lang}`);
      await page.locator('input[name="file"]').setInputFiles({
        name: 'keiei.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: file,
      });
      await page.getByRole('button', { name: lang === 'ja' ? 'アップロードして保存' : 'Upload and save' }).click();
      await page
        .getByRole('link', {
          name: new RegExp(`^${code} .*: ${lang === 'ja' ? '項目ごとに選ぶ' : 'Choose per field'}$`),
        })
        .click();
      await page.waitForURL(new RegExp(`/tasks/${code}/conflicts$`));
      const panel = page.getByRole('alert');
      // The comment box's button keeps its distance from the heading below it.
      expect(await spaceBelowCommentButton(page)).toBeGreaterThanOrEqual(24);
      expect(await panel.locator('tbody th').allTextContents()).toEqual(
        lang === 'ja'
          ? ['令和5年度の実績（1行に1項目）', '評価の理由・コメント']
          : ['Results in FY2023 (one item per line)', 'Reason / comment'],
      );
      expect(await pageProblems(page)).toEqual([]);
      await panel.locator('input[name="take.actual"][value="theirs"]').check();
      await page
        .getByRole('button', { name: lang === 'ja' ? '選んだ内容で保存する' : 'Save with these choices' })
        .click();
      await page.waitForURL(new RegExp(`/tasks/${code}\\?notice=saved$`));
      const saved = (await getReport({ ctx: server.ctx, actor: clerk.actor, ...ROUND, code })).values;
      expect([saved.actual, saved.rating, saved.comment]).toEqual(['同僚の実績', '60', 'ファイルのコメント']);
      // Decided: no longer waiting on the clerk's home.
      await page.goto(`${server.url}/staff/?lang=${lang}`);
      expect(await page.locator('main').textContent()).not.toContain(lang === 'ja' ? 'Excelの取込' : 'Workbook fields');
      expect(await pageProblems(page)).toEqual([]);
    }, 120_000);
});
