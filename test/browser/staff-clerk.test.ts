import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editPlanSettings,
  loadPlan,
  openReportingRound,
  reviewReport,
  saveReport,
  systemActor,
} from '../../src/app/index.ts';
import { launchBrowser } from '../harness/browser.ts';
import { pageProblems, signInAt } from '../harness/staff-browser.ts';
import { buildStaff, type TestStaff } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * Acceptance of the 課 clerk's year (issue 19) in real Chromium: each page in Japanese and English, at a desktop
 * width and a phone's 375 px, with axe-core at zero violations and nothing wider than the screen.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const staff: Record<string, TestStaff> = {};
const ROUND = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };
const LANGS = ['ja', 'en'] as const;
const WIDTHS = [1280, 375] as const;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ now: () => new Date('2024-05-27T01:00:00Z') }),
    launchBrowser(),
  ]);
  const ctx = server.ctx;
  staff.office = await buildStaff(ctx, { role: 'plan-office', email: 'office@ogori.example.jp' });
  staff.editor = await buildStaff(ctx, {
    role: 'department-editor',
    department: 'keiei-senryaku',
    email: 'keiei@ogori.example.jp',
  });
  staff.boss = await buildStaff(ctx, {
    role: 'department-approver',
    department: 'keiei-senryaku',
    email: 'keiei-boss@ogori.example.jp',
  });
  staff.kenko = await buildStaff(ctx, {
    role: 'department-editor',
    department: 'kenko',
    email: 'kenko@ogori.example.jp',
  });
  // Ogori's scale has no definitions; a city that writes them gets them beside each level.
  const loaded = await loadPlan(ctx.store.db, 'ogori', 'action-plan-2');
  await editPlanSettings({
    ctx,
    actor: systemActor('test'),
    organizationSlug: 'ogori',
    planSlug: 'action-plan-2',
    expectedVersion: loaded.plan.version,
    input: {
      title: loaded.document.title,
      shortTitle: loaded.document.shortTitle ?? '',
      vision: loaded.document.vision ?? '',
      startFy: String(loaded.document.period.startFy),
      endFy: String(loaded.document.period.endFy),
      levels: loaded.document.levels.map((l) => l.ja),
      scaleName: '目標達成率',
      scaleLevels: loaded.document.ratingScales[0]!.levels.map((l) => ({
        key: l.key,
        label: l.label,
        definition: l.key === '100' ? '計画どおり完了' : l.key === '0' ? '未着手' : '',
        score: String(l.score),
        excluded: false,
      })),
    },
  });
  await openReportingRound({ ctx, actor: staff.office.actor, ...ROUND, dueDate: '2024-05-31' });
  const as = (s: TestStaff, code: string) => ({ ctx, actor: s.actor, ...ROUND, code });
  for (const code of ['1-2', '4-1'])
    await saveReport({
      ...as(staff.editor!, code),
      expectedVersion: 1,
      values: { actual: '実施', rating: '70' },
      submit: true,
    });
  await reviewReport({ ...as(staff.boss!, '1-2'), decision: 'return', note: '内訳を書いてください' });
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

const signIn = (who: TestStaff, width: number) => signInAt(browser, contexts, server.url, who.email, width);

describe('the 課 clerk in Chromium', () => {
  for (const lang of LANGS)
    for (const width of WIDTHS)
      it(`home lists what waits for the 課長 (${lang}, ${width}px)`, async () => {
        const page = await signIn(staff.boss!, width);
        await page.goto(`${server.url}/staff/?lang=${lang}`);
        const counts = page.locator('.work-counts li');
        expect(await counts.allTextContents()).toEqual(
          lang === 'ja'
            ? ['入力待ち（6件）', '差し戻された取組（1件）', '承認待ち（1件）', '期限超過（0件）']
            : ['To enter (6)', 'Returned to you (1)', 'To approve (1)', 'Overdue (0)'],
        );
        expect(await page.getByRole('note').locator('li').first().textContent()).toContain(
          lang === 'ja'
            ? '課内承認を待っている取組が1件あります（令和5年度）。'
            : 'Waiting for your approval (FY2023): 1.',
        );
        await page.getByRole('link', { name: lang === 'ja' ? '承認待ち（1件）' : 'To approve (1)' }).click();
        expect(page.url()).toMatch(/#work-action-plan-2-2023-toApprove$/);
        expect(await pageProblems(page)).toEqual([]);
      }, 90_000);

  for (const lang of LANGS)
    for (const width of WIDTHS)
      it(`entry form: KPI as typed, earlier years and target beside it, level definitions (${lang}, ${width}px)`, async () => {
        const page = await signIn(staff.kenko!, width);
        await page.goto(`${server.url}/staff/plans/action-plan-2/rounds/2023/tasks/2-1?lang=${lang}`);
        expect(await page.locator('#f-indicators-dose-3-rate-actual-hint').textContent()).toBe(
          lang === 'ja'
            ? 'これまでの実績: 令和4年度 82.4%、令和3年度 44.5%'
            : 'Earlier actuals: FY2022 82.4%, FY2021 44.5%',
        );
        expect(await page.locator('.radio-option').last().textContent()).toBe('100%計画どおり完了');
        await page.locator('#f-indicators-dose-3-rate-actual').fill('８７．６％');
        await page.locator('#f-indicators-dose-1-2-rate-actual').fill('150');
        await page.locator('input[name=rating][value="60"]').check();
        await page.locator('button[value=save]').click();
        await page.waitForURL(/notice=/);
        expect(await page.locator('#f-indicators-dose-3-rate-actual').inputValue()).toBe('87.6');
        expect(await page.locator('#f-indicators-dose-1-2-rate-actual-hint .field__warning').textContent()).toBe(
          lang === 'ja'
            ? '確認してください: 割合が0～100%の範囲外です。値を確認してください'
            : 'Please check: The percentage is outside 0–100 %; please check it',
        );
        expect(await page.locator('input[name=rating][value="60"]').isChecked()).toBe(true);
        expect(await pageProblems(page)).toEqual([]);
      }, 90_000);
});
