import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './browser.ts';
import { TEST_PASSWORD } from './staff-factory.ts';

/**
 * Signs a staff account in through the login form in a fresh browser context of the given width (the login page
 * is Japanese by default); the context goes into `contexts` for the suite to close.
 */
export async function signInAt(
  browser: Browser,
  contexts: BrowserContext[],
  url: string,
  email: string,
  width: number,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレスまたは職員番号').fill(email);
  await page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(`${url}/staff/`);
  return page;
}

/** axe findings plus anything that makes the page scroll sideways. */
export async function pageProblems(page: Page): Promise<string[]> {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  return [...(await axeViolations(page)), ...(wide > 0 ? [`page is ${wide}px wider than the screen`] : [])];
}

/**
 * Each staff language at each width (#19's acceptance: Japanese and English, 1280 and 375 px): one page per pair,
 * in one browser and one server per file.
 */
export const LANGUAGES_AT_WIDTHS = [
  { lang: 'ja', width: 1280 },
  { lang: 'ja', width: 375 },
  { lang: 'en', width: 1280 },
  { lang: 'en', width: 375 },
] as const;

/**
 * The space in px between the aside's 「コメントを追加」 button and the heading after it (last year's content), so a
 * test can require that they do not touch.
 */
export async function spaceBelowCommentButton(page: Page): Promise<number> {
  return page.evaluate(() => {
    const button = document.querySelector('.aside form[action$="/comments"] button');
    const heading = document.getElementById('last-year-title');
    if (!button || !heading) throw new Error('no comment button or no heading after it');
    return Math.round(heading.getBoundingClientRect().top - button.getBoundingClientRect().bottom);
  });
}
