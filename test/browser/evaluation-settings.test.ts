import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEdition } from '../../src/app/index.ts';
import { launchBrowser } from '../harness/browser.ts';
import { MIHON, mihonBundle } from '../harness/evaluation-plan.ts';
import { pageProblems, signInAt } from '../harness/staff-browser.ts';
import { buildStaff, type TestStaff } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * The plan office picks a preset for a plan that declared no method, previews it on the current data, saves it,
 * publishes, and the portal shows the verdict it previewed; in Japanese and English, axe-core at zero violations.
 */
let server: TestServer;
let browser: Browser;
let office: TestStaff;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ bundles: () => [mihonBundle()], now: () => new Date('2026-06-01T01:00:00Z') }),
    launchBrowser(),
  ]);
  office = await buildStaff(server.ctx, { role: 'plan-office', org: MIHON.org, email: 'office@mihon.example.jp' });
  await publishEdition({
    ctx: server.ctx,
    actor: office.actor,
    organizationSlug: MIHON.org,
    planSlug: MIHON.plan,
    name: '令和7年度版',
    fy: 2025,
  });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

describe('evaluation method settings in Chromium', () => {
  it('picks a preset, previews it, saves, publishes, and the portal shows the previewed verdict', async () => {
    const portal = `${server.url}/${MIHON.org}/${MIHON.plan}/initiatives/1-3`;
    // A citizen's view (a fresh browser each time: the current edition's pages may be cached for a minute).
    const citizen = async () => {
      const context = await browser.newContext();
      contexts.push(context);
      const p = await context.newPage();
      await p.goto(portal);
      return p;
    };
    // No method declared: the arithmetic only, no verdict.
    const before = await citizen();
    expect(await before.locator('#kpi-status').count()).toBe(0);
    expect(await before.locator('main').innerText()).toContain('20 ÷ 50 = 40.0%');
    const page = await signInAt(browser, contexts, server.url, office.email, 1280);
    await page.goto(`${server.url}/staff/plans/${MIHON.plan}/edit`);
    await page.getByRole('link', { name: '進捗の判定方法を編集' }).click();
    expect(await page.getByLabel('計画全体の算定基準').inputValue()).toBe('');
    expect(await pageProblems(page)).toEqual([]);

    await page.getByLabel('プリセット', { exact: true }).selectOption('rag-tolerance-travel');
    await page.getByRole('button', { name: 'プリセットを読み込む' }).click();
    expect(await page.getByLabel('計画全体の算定基準').inputValue()).toBe('level');
    expect(await page.locator('#preview-counts').innerText()).toContain('やや遅れ\t2');
    expect(await page.locator('tr[data-code="1-3"]').first().innerText()).toContain('やや遅れ↑');
    expect(await pageProblems(page)).toEqual([]);

    // Widening the tolerance to 20 % and previewing again: 1-2 (90.0 %) stays amber, nothing is saved yet.
    await page.getByLabel('許容幅', { exact: true }).fill('20');
    await page.getByRole('button', { name: '現在のデータでプレビュー' }).click();
    expect(await page.locator('tr[data-code="1-2"]').first().innerText()).toContain('やや遅れ↓');
    expect(await page.locator('#preview-changed').innerText()).toBe('保存済みの方法と結果が異なる取組: 4件');

    await page.getByRole('button', { name: '判定方法を保存する' }).click();
    await page.waitForURL(/notice=plan-saved/);
    expect(await page.getByLabel('許容幅', { exact: true }).inputValue()).toBe('20');

    await page.goto(`${server.url}/staff/plans/${MIHON.plan}/publish`);
    await page.getByLabel('版の名称').fill('令和7年度実績反映版');
    await page.getByLabel('反映する実績の年度').fill('2025');
    // Without a reporting round nothing is withheld, so there is no confirmation to tick.
    expect(await page.locator('input[name="confirmWithheld"]').count()).toBe(0);
    await page.getByRole('button', { name: '公表する' }).click();
    await page.waitForURL(/notice=published/);
    const after = await citizen();
    const status = await after.locator('#kpi-status').locator('..').innerText();
    expect(status).toContain('進捗（信号）（令和7年度）');
    expect(status).toContain('やや遅れ');
    expect(status).toContain('↑ 前年度より改善');
    expect(status).toContain('目標の100%以上は「順調」、そこから20%下までは「やや遅れ」、それより下は「遅れ」');
  }, 180_000);

  it('in English at 375 px, shows every problem beside its field and keeps the input', async () => {
    const page = await signInAt(browser, contexts, server.url, office.email, 375);
    await page.goto(`${server.url}/staff/lang/en?back=/staff/plans/${MIHON.plan}/evaluation`);
    await page.getByLabel('Size', { exact: true }).fill('ten');
    await page.getByLabel('Level further below').fill('purple');
    await page.getByRole('button', { name: 'Preview on the current data' }).click();
    const summary = await page.locator('.error-summary').innerText();
    expect(summary).toContain('Type a number (e.g. 1,234)');
    expect(summary).toContain('unknown level "purple"; valid levels: green, amber, red');
    expect(await page.locator('#f-status-tolerance-size-error').innerText()).toBe('Type a number (e.g. 1,234)');
    expect(await page.getByLabel('Level further below').inputValue()).toBe('purple');
    expect(await pageProblems(page)).toEqual([]);
  }, 180_000);
});
