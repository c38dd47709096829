import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../harness/browser.ts';
import { buildStaff, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * Acceptance: a whole 令和5年度 round on the Ogori plan in real Chromium, by keyboard and mouse; a conflict
 * between two browsers; axe-core on every staff page visited.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const axeFindings: string[] = [];
const serverErrors: string[] = [];

const USERS = {
  office: { role: 'plan-office' as const, email: 'office@ogori.example.jp', name: '計画 担当' },
  keiei: {
    role: 'department-editor' as const,
    department: 'keiei-senryaku',
    email: 'keiei@ogori.example.jp',
    name: '経営 入力',
  },
  keieiBoss: {
    role: 'department-approver' as const,
    department: 'keiei-senryaku',
    email: 'keiei-boss@ogori.example.jp',
    name: '経営 課長',
  },
  kenko: {
    role: 'department-editor' as const,
    department: 'kenko',
    email: 'kenko@ogori.example.jp',
    name: '健康 入力',
  },
  kenkoBoss: {
    role: 'department-approver' as const,
    department: 'kenko',
    email: 'kenko-boss@ogori.example.jp',
    name: '健康 課長',
  },
  sports: {
    role: 'department-editor' as const,
    department: 'sports-shinko',
    email: 'sports@ogori.example.jp',
    name: 'スポーツ 入力',
  },
  school: {
    role: 'department-editor' as const,
    department: 'gakko-kyoiku',
    email: 'school@ogori.example.jp',
    name: '学校教育 入力',
  },
  schoolBoss: {
    role: 'department-approver' as const,
    department: 'gakko-kyoiku',
    email: 'school-boss@ogori.example.jp',
    name: '学校教育 課長',
  },
  viewer: { role: 'viewer' as const, email: 'viewer@ogori.example.jp', name: '評価 委員' },
  admin: { role: 'admin' as const, email: 'admin@ogori.example.jp', name: '管理 者' },
};
type Who = keyof typeof USERS;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ now: () => new Date('2024-04-15T01:00:00Z') }),
    launchBrowser(),
  ]);
  for (const u of Object.values(USERS)) await buildStaff(server.ctx, u);
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

/** A signed-in page of its own browser context (own cookies), checking axe on every page it loads. */
async function signIn(who: Who): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on('response', (r) => {
    if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${server.url}/staff/login`);
  await page.getByLabel('メールアドレスまたは職員番号').fill(USERS[who].email);
  await page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(`${server.url}/staff/`);
  return page;
}

async function checkAxe(page: Page, name: string) {
  for (const v of await axeViolations(page)) axeFindings.push(`${name}: ${v}`);
}

const taskUrl = (code: string) =>
  `${server.url}/staff/plans/action-plan-2/rounds/2023/tasks/${encodeURIComponent(code)}`;

async function review(page: Page, code: string, decision: '承認する' | '差し戻す', note = '') {
  await page.goto(taskUrl(code));
  if (note) await page.getByLabel('コメント（差し戻す場合は必須）').fill(note);
  await page.getByRole('button', { name: decision }).click();
  await page.waitForURL(/notice=/);
}

describe('staff workspace in Chromium', () => {
  it('runs the whole 令和5年度 round: open, enter, return, correct, approve, publish; the portal shows it', async () => {
    const office = await signIn('office');
    await checkAxe(office, 'home (plan office)');
    await office.getByLabel('対象年度').selectOption('2023');
    await office.getByLabel('提出期限（例: 2024-05-31）').fill('2024-05-31');
    await office.getByRole('button', { name: '照会を開始する' }).click();
    await office.waitForURL(/rounds\/2023\/\?notice=opened/);
    await expect.poll(() => office.getByRole('status').textContent()).toBe('令和5年度の照会を開始しました（40件）。');
    expect(await office.getByText('未着手: 40件').count()).toBe(1);
    await checkAxe(office, 'board');

    // 経営戦略課: 1-1, with a provisional KPI actual.
    const keiei = await signIn('keiei');
    await keiei.getByRole('link', { name: '担当の取組（令和5年度）' }).click();
    await checkAxe(keiei, 'my initiatives');
    await keiei.getByRole('link', { name: '車座トーク、出前トークの利用者アップ' }).click();
    await checkAxe(keiei, 'entry form');
    const actual = keiei.getByLabel('令和5年度の実績（1行に1項目）');
    expect(await actual.inputValue()).toBe(
      'Web会議システム導入に係る車座出前トークの要綱改正\n広報活動\n車座トーク、出前トーク利用件数35件を目指す',
    );
    await actual.fill('Web会議システム導入に係る車座出前トークの要綱改正\n【R5年度 車座トーク2件、出前トーク20件】');
    await keiei.getByLabel('令和5年度の実績値（件）').fill('２２');
    await keiei.getByLabel('未確定（速報値）').check();
    await keiei.getByLabel('目標達成率（自己評価）').selectOption('60');
    await keiei.getByLabel('評価の理由・コメント').fill('Web会議での開催が定着した');
    await keiei.getByRole('button', { name: '保存して課長に提出' }).click();
    await keiei.waitForURL(/notice=submitted/);
    expect(await keiei.getByText('課内承認待ち').first().isVisible()).toBe(true);

    // 健康課: 2-1 with a bad number first (message beside the field, input kept).
    const kenko = await signIn('kenko');
    await kenko.goto(taskUrl('2-1'));
    await kenko.getByLabel('令和5年度の実績（1行に1項目）').fill('令和5年秋開始接種の実施');
    await kenko
      .getByRole('group', { name: '対象者内接種率（3回目接種）' })
      .getByLabel('令和5年度の実績値（%）')
      .fill('約80');
    await kenko.getByLabel('目標達成率（自己評価）').selectOption('90');
    await kenko.getByRole('button', { name: '保存して課長に提出' }).click();
    expect(await kenko.locator('#f-indicators-dose-3-rate-actual-error').textContent()).toBe(
      '⚠ 数値で入力してください（例: 1,234）'.slice(2),
    );
    expect(await kenko.getByLabel('令和5年度の実績（1行に1項目）').inputValue()).toBe('令和5年秋開始接種の実施');
    await checkAxe(kenko, 'entry form with errors');
    await kenko
      .getByRole('group', { name: '対象者内接種率（3回目接種）' })
      .getByLabel('令和5年度の実績値（%）')
      .fill('80.5');
    await kenko.getByRole('button', { name: '保存して課長に提出' }).click();
    await kenko.waitForURL(/notice=submitted/);

    // The shared 9-1 (学校教育課・スポーツ振興課・生涯学習課): the co-department スポーツ振興課 enters its part,
    // the lead 学校教育課 sees it, rates the item and submits.
    const sports = await signIn('sports');
    await sports.goto(`${server.url}/staff/plans/action-plan-2/rounds/2023/mine`);
    expect(await sports.locator('tbody tr td:first-child').allTextContents()).toEqual(['3-3', '9-1', '15-1']);
    await sports.goto(taskUrl('9-1'));
    expect(await sports.getByRole('heading', { name: 'スポーツ振興課の記入（共同担当課）' }).count()).toBe(1);
    expect(await sports.getByLabel('目標達成率（自己評価）').count()).toBe(0);
    await sports.getByLabel('令和5年度の実績（1行に1項目）').fill('部活動指導員2名を派遣');
    await sports.getByRole('button', { name: '下書き保存' }).click();
    await sports.waitForURL(/notice=saved/);
    const school = await signIn('school');
    await school.goto(taskUrl('9-1'));
    expect(await school.locator('.contribution[data-department="sports-shinko"] li').allTextContents()).toEqual([
      '部活動指導員2名を派遣',
    ]);
    await school
      .getByLabel('令和5年度の実績（1行に1項目）')
      .fill('「小郡市部活動改革協議会」設置\n休日の部活動の地域移行を試行');
    await school.getByLabel('目標達成率（自己評価）').selectOption('50');
    await school.getByRole('button', { name: '保存して課長に提出' }).click();
    await school.waitForURL(/notice=submitted/);

    // 課長: approve 1-1 and 9-1; return 2-1 with a note; the editor corrects it.
    await review(await signIn('keieiBoss'), '1-1', '承認する');
    await review(await signIn('schoolBoss'), '9-1', '承認する');
    const kenkoBoss = await signIn('kenkoBoss');
    await review(kenkoBoss, '2-1', '差し戻す', '接種率の根拠（対象者数）を実績に書いてください');
    await kenko.goto(taskUrl('2-1'));
    expect(await kenko.locator('.notes').textContent()).toContain('接種率の根拠（対象者数）を実績に書いてください');
    expect(await kenko.getByText('差戻し', { exact: true }).first().isVisible()).toBe(true);
    await kenko
      .getByLabel('令和5年度の実績（1行に1項目）')
      .fill('令和5年秋開始接種の実施\n対象者 52,000人のうち 41,860人が接種');
    await kenko.getByRole('button', { name: '保存して課長に提出' }).click();
    await kenko.waitForURL(/notice=submitted/);
    await review(kenkoBoss, '2-1', '承認する');
    await checkAxe(kenkoBoss, 'review view');

    // The plan office approves all three and publishes.
    await office.goto(`${server.url}/staff/plans/action-plan-2/rounds/2023/`);
    expect(await office.getByText('提出済: 3件').count()).toBe(1);
    for (const code of ['1-1', '2-1', '9-1']) await review(office, code, '承認する');
    await office.goto(`${server.url}/staff/plans/action-plan-2/rounds/2023/`);
    expect(await office.getByText('承認済: 3件').count()).toBe(1);
    await office.goto(`${server.url}/staff/plans/action-plan-2/publish`);
    await checkAxe(office, 'publish');
    expect(await office.getByLabel('版の名称').inputValue()).toBe('令和5年度実績反映版');
    // Only the three approved reports go in; the rest keep their R4 content, which the office confirms.
    await office.getByLabel('未承認の37件は前回の内容のまま公表します').check();
    await office.getByRole('button', { name: '公表する' }).click();
    await office.waitForURL(/notice=published/);
    expect(await office.getByRole('status').textContent()).toBe('「令和5年度実績反映版」を公表しました。');
    await office.getByRole('link', { name: '前の版と比較' }).click();
    await checkAxe(office, 'edition diff');
    expect(await office.locator('main').textContent()).toContain('令和5年度の評価: なし → 60%');

    // The public portal: the new edition with the R5 ratings and average; the R4 edition still readable.
    const citizen = await (await browser.newContext()).newPage();
    const mainText = async () => (await citizen.locator('main').innerText()).replace(/\s+/g, ' ');
    await citizen.goto(`${server.url}/ogori/action-plan-2/initiatives/1-1`);
    const initiative = await mainText();
    expect(initiative).toContain('令和5年度 60%');
    expect(initiative).toContain('22件（速報値）');
    await citizen.goto(`${server.url}/ogori/action-plan-2/initiatives/9-1`);
    expect(await mainText()).toContain('休日の部活動の地域移行を試行 部活動指導員2名を派遣（スポーツ振興課）');
    await citizen.goto(`${server.url}/ogori/action-plan-2/`);
    const home = await mainText();
    expect(home).toContain('版 令和5年度実績反映版');
    expect(home).toMatch(/令和5年度 66\.7% (\S+ )?40件中3件評価済、未評価37件/);
    expect(home).toMatch(/令和4年度 40\.5% (\S+ )?40件中40件評価済/);
    await citizen.goto(`${server.url}/ogori/action-plan-2/editions`);
    await citizen.getByRole('link', { name: '令和4年度実績反映版' }).click();
    const r4 = await mainText();
    expect(r4).toContain('令和4年度 40.5%');
    expect(r4).not.toContain('令和5年度 66.7%');
    await citizen.context().close();
    expect(serverErrors).toEqual([]);
  }, 180_000);

  it('refuses the second of two simultaneous saves with a conflict screen that keeps its input', async () => {
    const a = await signIn('keiei');
    const b = await signIn('keieiBoss');
    await a.goto(taskUrl('4-1'));
    await b.goto(taskUrl('4-1'));
    await a.getByLabel('令和5年度の実績（1行に1項目）').fill('記念式典を開催（A）');
    await b.getByLabel('令和5年度の実績（1行に1項目）').fill('記念式典と記念誌の発行（B）');
    await b.getByLabel('目標達成率（自己評価）').selectOption('100');
    await a.getByRole('button', { name: '下書き保存' }).click();
    await a.waitForURL(/notice=saved/);
    await b.getByRole('button', { name: '下書き保存' }).click();
    await b.waitForLoadState();
    expect(await b.getByRole('heading', { level: 1 }).textContent()).toBe('他の人が先に保存しました');
    const lead = await b.locator('.callout').textContent();
    expect(lead).toContain('経営 入力さんが2024/04/15 10:00に、この取組を先に保存しました。');
    expect(await b.locator('.callout table').textContent()).toContain('記念式典を開催（A）');
    expect(await b.getByLabel('令和5年度の実績（1行に1項目）').inputValue()).toBe('記念式典と記念誌の発行（B）');
    expect(await b.getByLabel('目標達成率（自己評価）').inputValue()).toBe('100');
    await checkAxe(b, 'conflict screen');
    await b.getByRole('button', { name: '自分の入力で保存し直す' }).click();
    await b.waitForURL(/notice=saved/);
    expect(await b.getByLabel('令和5年度の実績（1行に1項目）').inputValue()).toBe('記念式典と記念誌の発行（B）');
  }, 60_000);

  it('keeps the input of a save sent after the session ran out, and shows it again after login, not saved', async () => {
    const page = await signIn('keiei');
    await page.goto(taskUrl('1-2'));
    const actual = page.getByLabel('令和5年度の実績（1行に1項目）');
    const saved = await actual.inputValue();
    await actual.fill('市長発信用SNSを開設\nフォロワー5,200人');
    await page.getByLabel('目標達成率（自己評価）').selectOption('70');
    // The user's session has been idle longer than SESSION_IDLE_MINUTES (60) when they press 下書き保存.
    const user = await server.ctx.store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', USERS.keiei.email)
      .executeTakeFirstOrThrow();
    await server.ctx.store.db
      .updateTable('sessions')
      .set({ last_seen_at: '2024-04-14T23:59:00.000Z' })
      .where('user_id', '=', user.id)
      .execute();
    await page.getByRole('button', { name: '下書き保存' }).click();
    await page.waitForURL(/\/staff\/login\?notice=expired-kept/);
    expect(await page.getByRole('status').textContent()).toBe(
      '一定時間操作がなかったため、ログアウトしました。送信された入力はまだ保存されていません。30分以内にもう一度ログインすると、入力画面に戻します。',
    );
    await page.getByLabel('メールアドレスまたは職員番号').fill(USERS.keiei.email);
    await page.getByLabel('パスワード').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(/tasks\/1-2\?restore=/);
    expect(await page.getByRole('status').textContent()).toBe(
      'ログアウトの間に送信された入力を戻しました。まだ保存されていません。内容を確かめて、保存してください。',
    );
    expect(await actual.inputValue()).toBe('市長発信用SNSを開設\nフォロワー5,200人');
    expect(await page.getByLabel('目標達成率（自己評価）').inputValue()).toBe('70');
    await checkAxe(page, 'restored entry form');
    // Nothing was saved on the way: another reader still sees the saved text until the user saves.
    const boss = await signIn('keieiBoss');
    await boss.goto(taskUrl('1-2'));
    expect(await boss.getByLabel('令和5年度の実績（1行に1項目）').inputValue()).toBe(saved);
    await page.getByRole('button', { name: '下書き保存' }).click();
    await page.waitForURL(/notice=saved/);
    expect(await actual.inputValue()).toBe('市長発信用SNSを開設\nフォロワー5,200人');
    expect(serverErrors).toEqual([]);
  }, 60_000);

  it('works by keyboard alone: skip link, login, entry form, submit', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/login`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    // Into the form: the identifier field is the first field after the header links.
    await page.getByLabel('メールアドレスまたは職員番号').focus();
    await page.keyboard.type(USERS.sports.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/staff/`);
    const link = page.getByRole('link', { name: '担当の取組（令和5年度）' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/mine$/);
    await page.getByRole('link', { name: '小郡市体育館の建て替え' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/tasks\/3-3$/);
    await page.getByLabel('令和5年度の実績（1行に1項目）').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('基本設計を完了');
    // Tab through to the rating and pick 30% with the arrow keys.
    await page.getByLabel('目標達成率（自己評価）').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('目標達成率（自己評価）').inputValue()).toBe('30');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('下書き保存');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('保存して課長に提出');
    await page.keyboard.press('Enter');
    await page.waitForURL(/notice=submitted/);
    expect(await page.getByRole('status').textContent()).toBe('提出しました。');
  }, 60_000);

  it('has no axe-core violations on the remaining staff pages', async () => {
    const office = await signIn('office');
    for (const path of [
      '/staff/plans/action-plan-2/executive',
      '/staff/plans/action-plan-2/history/1-1',
      '/staff/plans/action-plan-2/rounds/2023/?overdue=1',
      '/staff/account/password',
      '/staff/plans/action-plan-2/edit',
      '/staff/plans/action-plan-2/nodes/1-3/edit',
    ]) {
      await office.goto(`${server.url}${path}`);
      await checkAxe(office, path);
    }
    const admin = await signIn('admin');
    await admin.goto(`${server.url}/staff/admin/users`);
    await checkAxe(admin, 'users');
    await admin.goto(`${server.url}/staff/admin/departments`);
    await checkAxe(admin, 'departments');
    const viewer = await signIn('viewer');
    await viewer.goto(taskUrl('1-1'));
    await checkAxe(viewer, 'read-only report');
    const anon = await (await browser.newContext()).newPage();
    await anon.goto(`${server.url}/staff/login`);
    await checkAxe(anon, 'login');
    await anon.getByRole('button', { name: 'ログイン' }).click();
    await checkAxe(anon, 'login error');
    await anon.context().close();
    await office.goto(`${server.url}/staff/lang/en?back=/staff/`);
    expect(await office.getByRole('heading', { level: 1 }).textContent()).toBe('Staff home');
    await checkAxe(office, 'home in English');
    expect(axeFindings).toEqual([]);
  }, 180_000);
});
