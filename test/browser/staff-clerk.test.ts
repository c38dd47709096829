import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDepartmentWorkbook } from '../../scripts/staff-scenario.ts';
import {
  editPlanSettings,
  getReport,
  loadPlan,
  openReportingRound,
  reviewReport,
  saveReport,
  systemActor,
} from '../../src/app/index.ts';
import { launchBrowser } from '../harness/browser.ts';
import { LANGUAGES_AT_WIDTHS, pageProblems, signInAt } from '../harness/staff-browser.ts';
import { buildStaff, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
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
/** One 課 with two initiatives per language and width, for the workbook runs (each uploads its own 課's file). */
const UPLOADERS = [
  {
    department: 'bosai-anzen',
    name: '防災安全課',
    codes: ['3-1', '3-2'],
    titles: ['地域強靱化計画に係るマネジメント会議', '三井消防署本署の建て替え'],
  },
  {
    department: 'shoko-kanko',
    name: '商工観光課',
    codes: ['6-1', '6-2'],
    titles: ['ふるさと納税の推進', 'キャッシュレス決済の推進'],
  },
  {
    department: 'kosodate-shien',
    name: 'Child-Rearing Support Division',
    codes: ['10-1', '10-5'],
    titles: ['SNSを活用した子育て情報の発信', '子どもの居場所づくり～多様な連携で育む子育て支援～'],
  },
  {
    department: 'nogyo-shinko',
    name: 'Agriculture Promotion Division',
    codes: ['7-1', '7-2', '7-3'],
    titles: ['ロボット技術やAIを用いた新しい農業経営の推進', '体験農園の開設サポート事業', '食と農の複合施設の検討'],
  },
] as const;

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
  for (const { department } of UPLOADERS)
    staff[department] = await buildStaff(ctx, { role: 'department-editor', department });
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
  for (const { lang, width } of LANGUAGES_AT_WIDTHS)
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

  for (const { lang, width } of LANGUAGES_AT_WIDTHS)
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

/** The 課 workbook of `who`'s 課 as downloaded, for a test to edit the way a clerk's Excel does (exceljs). */
async function downloadWorkbook(who: TestStaff, department: string): Promise<ArrayBuffer> {
  const s = await signInStaff(server.ctx, who.email, `wb-${department}`);
  const res = await server.get(`/staff/plans/action-plan-2/rounds/2023/workbook?department=${department}`, {
    headers: { cookie: s.cookie },
  });
  return res.arrayBuffer();
}

/** Uploads a workbook from the 課's list page, 提出まで行う ticked or not, and waits for the page that answers. */
async function upload(page: Page, lang: 'ja' | 'en', file: ArrayBuffer | Buffer, submit: boolean): Promise<void> {
  await page.goto(`${server.url}/staff/plans/action-plan-2/rounds/2023/mine?lang=${lang}`);
  await page.locator('input[name="file"]').setInputFiles({
    name: 'ka.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.isBuffer(file) ? file : Buffer.from(new Uint8Array(file)),
  });
  if (submit) await page.locator('input[name="submit"]').check();
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: lang === 'ja' ? 'アップロードして保存' : 'Upload and save' }).click(),
  ]);
  await page.waitForLoadState();
}

const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

describe('the 課 workbook in Chromium', () => {
  for (const [i, { lang, width }] of LANGUAGES_AT_WIDTHS.entries())
    it(`a renamed header and another 課's file are refused by visible sheet and cell; 提出まで行う says what happened per initiative (${lang}, ${width}px)`, async () => {
      const { department, name, codes, titles } = UPLOADERS[i]!;
      const ja = lang === 'ja';
      const clerk = staff[department]!;
      const page = await signIn(clerk, width);
      const state = async (code: string) =>
        (await getReport({ ctx: server.ctx, actor: clerk.actor, ...ROUND, code })).task.state;

      const renamed = new ExcelJS.Workbook();
      await renamed.xlsx.load(await downloadWorkbook(clerk, department));
      const header = renamed.getWorksheet('取組')!.getRow(1);
      const actualAt = (header.values as string[]).indexOf('令和5年度 実績');
      header.getCell(actualAt).value = '実績';
      await upload(page, lang, Buffer.from(await renamed.xlsx.writeBuffer()), false);
      expect(await mainText(page)).toBe(
        ja
          ? 'Excelファイルの取り込み結果 次の問題があるため、何も保存していません。 取組!H1: 列「実績」はこの様式にない列です（列名を変更したり列を追加したりしないでください） 取組!A1: 列「令和5年度 実績」が見つかりません 戻る'
          : 'Workbook upload Nothing was saved because of these problems. 取組!H1: Column "実績" is not part of this form (do not rename or add columns) 取組!A1: Column "令和5年度 実績" is missing Back',
      );
      expect(await pageProblems(page)).toEqual([]);

      await upload(page, lang, await downloadWorkbook(staff.editor!, 'keiei-senryaku'), false);
      expect(await mainText(page)).toBe(
        ja
          ? `Excelファイルの取り込み結果 次の問題があるため、何も保存していません。 記入方法!A3: このファイルは経営戦略課の照会用です（あなたの担当は${name}です） 戻る`
          : `Workbook upload Nothing was saved because of these problems. 記入方法!A3: This file is for the Management Strategy Division (you enter for the ${name}) Back`,
      );
      expect(await pageProblems(page)).toEqual([]);
      // Both refusals saved nothing.
      expect([await state(codes[0]), await state(codes[1])]).toEqual(['not_started', 'not_started']);

      // The first initiative complete, the second with a rating only (no 実績, so it cannot be submitted).
      const filled = await fillDepartmentWorkbook(await downloadWorkbook(clerk, department), {
        [codes[0]]: { '令和5年度 実績': '訓練を実施\n計画を改定', '自己評価（目標達成率）': '80%' },
        [codes[1]]: { '令和5年度 実績': '', '自己評価（目標達成率）': '50%' },
      });
      await upload(page, lang, filled, true);
      const third = codes.length === 3;
      expect(await mainText(page)).toBe(
        ja
          ? `Excelファイルの取り込み結果 2件の取組を保存し、1件を提出しました。 変更のない取組: 0件 取組ごとの結果 番号 名称 結果 ${codes[0]} ${titles[0]} 提出しました（課内承認待ち） ${codes[1]} ${titles[1]} 下書き保存しましたが、提出していません: 実績を1行以上入力してください 戻る`
          : `Workbook upload Saved 2 initiative(s) and submitted 1. Unchanged: ${third ? 1 : 0} Result per initiative Code Title Result ${codes[0]} ${titles[0]} Submitted (Awaiting department approval) ${codes[1]} ${titles[1]} Saved as a draft but not submitted: Enter at least one line of results ${third ? `${codes[2]} ${titles[2]} No change; not submitted: Enter at least one line of results, Achievement rate: choose one ` : ''}Back`,
      );
      expect(await pageProblems(page)).toEqual([]);
      expect([await state(codes[0]), await state(codes[1])]).toEqual(['awaiting_approval', 'in_progress']);
    }, 120_000);
});
