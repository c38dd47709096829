// `npm run guide-shots`: takes the screenshots of docs/guide-ka.md from the real staff pages (the bundled Ogori
// plan in a throwaway SQLite database, a 令和5年度 round, Debian's Chromium), so the guide shows the pages as
// they are. Run it when a page the guide shows changes, and commit the PNGs under docs/guide-ka/.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import {
  type AppContext,
  createAppContext,
  ensureSeeded,
  openReportingRound,
  reviewReport,
  saveReport,
  systemActor,
} from '../src/app/index.ts';
import { loadBundledPlans } from '../src/cli/bundled-plans.ts';
import { migrateToLatest, openDatabase } from '../src/store/index.ts';
import { startServer } from '../src/web/index.ts';
import { GUIDE_SHOT_SIZE, GUIDE_SHOTS } from './guide-shots.ts';
import { createStaffAccount, fillDepartmentWorkbook, saveAsColleague } from './staff-scenario.ts';

const OUT = path.resolve(import.meta.dirname, '../docs/guide-ka');
const ROUND = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };
const ROUND_PATH = '/staff/plans/action-plan-2/rounds/2023';
const DEPARTMENT = 'keiei-senryaku';
// A fixed day inside the round (due 31 May), so dates and "days left" read the same on every run.
const NOW = new Date('2024-05-20T01:00:00Z');
const PASSWORD = randomBytes(12).toString('base64url');

const user = (ctx: AppContext, role: 'department-editor' | 'department-approver', email: string, name: string) =>
  createStaffAccount(
    ctx,
    { organizationSlug: 'ogori', email, displayName: name, role, password: PASSWORD, departmentCode: DEPARTMENT },
    systemActor('guide'),
  );

/** The 課 workbook as a clerk would fill it in: 実績 typed in for some initiatives. */
async function filledWorkbook(page: Page, url: string, actuals: Record<string, string>): Promise<Buffer> {
  const res = await page.request.get(`${url}${ROUND_PATH}/workbook?department=${DEPARTMENT}`);
  const rows = Object.fromEntries(
    Object.entries(actuals).map(([code, actual]) => [code, { '令和5年度 実績': actual }]),
  );
  return fillDepartmentWorkbook(new Uint8Array(await res.body()).buffer, rows);
}

const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-guide-'));
const store = openDatabase(`sqlite:${path.join(dir, 'guide.sqlite')}`);
let server: Awaited<ReturnType<typeof startServer>> | undefined;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  await migrateToLatest(store.db);
  const ctx = createAppContext(store, () => NOW);
  await ensureSeeded(ctx, () => loadBundledPlans());
  server = await startServer({ ctx, port: 0, handleSignals: false });
  const url = server.url;
  const clerk = await user(ctx, 'department-editor', 'keiei@ogori.example.jp', '経営 花子');
  const colleague = await user(ctx, 'department-editor', 'keiei-2@ogori.example.jp', '経営 次郎');
  const boss = await user(ctx, 'department-approver', 'keiei-kacho@ogori.example.jp', '経営 課長');
  await openReportingRound({ ctx, actor: systemActor('guide'), ...ROUND, dueDate: '2024-05-31' });
  // 1-2 was submitted and returned by the 課長 with a comment, so the home and 1-2's page show a return.
  await saveReport({
    ctx,
    actor: clerk.actor,
    ...ROUND,
    code: '1-2',
    expectedVersion: 1,
    values: { actual: '広報紙を毎月発行', rating: '70' },
    submit: true,
  });
  await reviewReport({
    ctx,
    actor: boss.actor,
    ...ROUND,
    code: '1-2',
    decision: 'return',
    note: '発行部数と配布先の内訳を書いてください。',
  });

  const shot = async (page: Page, index: number) => {
    const s = GUIDE_SHOTS[index]!;
    await page.screenshot({ path: path.join(OUT, s.file) });
    console.log(`wrote docs/guide-ka/${s.file}`);
  };
  const context = await browser.newContext({ viewport: GUIDE_SHOT_SIZE });
  const page = await context.newPage();
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレスまたは職員番号').fill(clerk.email);
  await shot(page, 0);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(`${url}/staff/`);
  await shot(page, 1);
  await page.goto(`${url}${ROUND_PATH}/mine`);
  await shot(page, 2);
  await page.goto(`${url}${ROUND_PATH}/tasks/1-1`);
  await page.locator('textarea[name=actual]').fill('SNSでの発信を週2回に増やした');
  await shot(page, 3);

  // The clerk fills in the workbook for 12-2 and 13-1; before the upload, a colleague saves 12-2's 実績 in the
  // browser, so 13-1 is saved and 12-2 waits for the clerk's choice.
  const file = await filledWorkbook(page, url, { '12-2': '市民説明会を4回開催', '13-1': '職員研修を2回実施' });
  await saveAsColleague(
    ctx,
    colleague.actor,
    { ...ROUND, code: '12-2' },
    {
      actual: '市民説明会を3回開催（うち1回はオンライン）',
    },
  );
  await page.goto(`${url}${ROUND_PATH}/mine`);
  await page.locator('input[name="file"]').setInputFiles({
    name: 'keiei.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await page.getByRole('button', { name: 'アップロードして保存' }).click();
  await page.waitForLoadState();
  await shot(page, 4);
  await page.getByRole('link', { name: /^12-2 .*: 項目ごとに選ぶ$/ }).click();
  await page.waitForURL(/\/tasks\/12-2\/conflicts$/);
  await shot(page, 5);
  await page.goto(`${url}${ROUND_PATH}/tasks/1-2`);
  await shot(page, 6);
} finally {
  await browser.close();
  // Closing the server also closes the store.
  await (server ? server.close() : store.close());
  rmSync(dir, { recursive: true, force: true });
}
