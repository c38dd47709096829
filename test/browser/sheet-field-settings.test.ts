import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../harness/browser.ts';
import { pageProblems, signInAt } from '../harness/staff-browser.ts';
import { buildStaff, type TestStaff } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * The plan office's form for the plan's own sheet fields in real Chromium, in Japanese and English: a refused
 * field comes back with its problems beside the inputs and in the summary, then a field is added and listed;
 * axe-core at zero violations throughout.
 */
let server: TestServer;
let browser: Browser;
let office: TestStaff;
const contexts: BrowserContext[] = [];
const PAGE = '/staff/plans/action-plan-2/fields';

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ now: () => new Date('2024-05-20T01:00:00Z') }),
    launchBrowser(),
  ]);
  office = await buildStaff(server.ctx, { role: 'plan-office', email: 'office@ogori.example.jp' });
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

const CASES = [
  {
    lang: 'ja',
    key: 'settledCost',
    name: '事業費（決算額）',
    refused: ['空にはできません', '2件以上必要です'],
    listed: '事業費（決算額）\t年度ごとの金額\t担当課（報告とともに入力）\t0',
  },
  {
    lang: 'en',
    key: 'staffCount',
    name: 'Staff',
    refused: ['must not be empty', 'needs at least 2 items'],
    listed: 'Staff\tNumber\tThe 課 (with its report)\t0',
  },
] as const;

describe('plan-defined field settings in Chromium', () => {
  for (const c of CASES)
    it(`refuses a wrong field at its inputs, then adds one (${c.lang})`, async () => {
      const page = await signInAt(browser, contexts, server.url, office.email, 1280);
      await page.goto(`${server.url}${PAGE}?lang=${c.lang}`);
      expect(await pageProblems(page)).toEqual([]);
      await page.locator('#f-new-key').fill('method');
      await page.locator('#f-new-kind').selectOption('choice');
      await page.locator('#f-new-options').fill('direct | 直営');
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('section[aria-labelledby="field-add"] button').click(),
      ]);
      await page.waitForLoadState();
      expect(refused.status()).toBe(400);
      expect(await page.locator('.error-summary li').allTextContents()).toEqual(c.refused);
      expect(await page.locator('#f-new-options').inputValue()).toBe('direct | 直営');
      expect(await pageProblems(page)).toEqual([]);

      await page.locator('#f-new-key').fill(c.key);
      await page.locator('#f-new-labelJa').fill(c.name);
      await page.locator('#f-new-kind').selectOption(c.lang === 'ja' ? 'money-per-year' : 'number');
      await page.locator('#f-new-unit').fill(c.lang === 'ja' ? '千円' : '人');
      await page.locator('section[aria-labelledby="field-add"] button').click();
      await page.waitForURL(/notice=fields-saved/);
      expect(await page.locator('tbody tr').last().innerText()).toContain(c.listed);
      expect(await pageProblems(page)).toEqual([]);
    }, 60_000);
});
